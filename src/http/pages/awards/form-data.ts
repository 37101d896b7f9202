import { VALUE_FIELDS } from '../../../domain/awards/fields.ts';
import { parseNumber } from '../../../domain/format.ts';
import type { Award } from '../../../services/awards/model.ts';
import { type CreateAward, createAwardSchema } from '../../../services/awards/schemas.ts';
import type { ErrorDetail } from '../../../services/errors.ts';
import { invalid } from '../../../services/errors.ts';
import { type Giver, resolveGiver } from '../workspace/lookups.ts';

// Between the award form and the award service: what the user typed (strings) becomes the
// service's input, and a stored award becomes form values again.

export const TEAM_ROWS_MIN = 3;

/** Service field names → form input names, so errors land next to the right input. */
export const FIELD_ALIAS: Record<string, string> = {
  awardingBodyCode: 'giver',
  awardingBodyId: 'giver',
  fieldId: 'fieldCode',
  team: 'team',
};

const opt = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/**
 * Parses the posted form. Problems the form can see (a score that is not a number, an
 * unknown giver) are collected with the schema's own checks and thrown together as one 422.
 * With `partial` (an edit), a field the form did not post is left out, so the edit keeps it;
 * otherwise (a new award) it is empty. The value fields come from the catalogue.
 */
export function parseAwardForm(v: Record<string, string>, givers: Giver[]): CreateAward;
export function parseAwardForm(
  v: Record<string, string>,
  givers: Giver[],
  options: { partial: true },
): Partial<CreateAward>;
export function parseAwardForm(
  v: Record<string, string>,
  givers: Giver[],
  options: { partial?: boolean } = {},
): Partial<CreateAward> {
  const problems: ErrorDetail[] = [];
  const posted = (name: string) => name in v;
  const number = (name: string, label: string, integer = false) => {
    const raw = v[name] ?? '';
    if (!raw.trim()) return null;
    const n = parseNumber(raw);
    if (n === null || Number.isNaN(n) || (integer && !Number.isInteger(n))) {
      problems.push({
        field: name,
        message: `${label} harus ${integer ? 'bilangan bulat' : 'angka'}, mis. ${integer ? '2025' : '94,76'}`,
      });
      return null;
    }
    return n;
  };
  const input: Record<string, unknown> = {};
  for (const f of VALUE_FIELDS) {
    if (!f.form || (options.partial && !posted(f.key))) continue;
    if (f.type === 'boolean') input[f.key] = posted(f.key) ? v[f.key] === '1' : f.default === true;
    else if (f.type === 'integer' || f.type === 'number')
      input[f.key] = number(f.key, f.label.id, f.type === 'integer');
    // A required text left empty stays '' so the schema says what is missing ("wajib diisi").
    else if (f.type === 'text' && f.required) input[f.key] = (v[f.key] ?? '').trim();
    else input[f.key] = opt(v[f.key]) ?? (f.default as string | undefined) ?? null;
  }
  if (
    (!options.partial || posted('editionYear')) &&
    input.editionYear === null &&
    !problems.some((p) => p.field === 'editionYear')
  )
    problems.push({ field: 'editionYear', message: 'Tahun edisi wajib diisi, mis. 2025' });
  if (input.editionYear === null) input.editionYear = 0;
  if (!options.partial || posted('giver')) {
    input.awardingBodyCode = null;
    input.awardingBodyId = null;
    if (opt(v.giver)) {
      const giver = resolveGiver(givers, v.giver);
      if (giver) input.awardingBodyCode = giver.code;
      else
        problems.push({
          field: 'giver',
          message: `Pemberi "${v.giver.trim()}" tidak dikenal: ketik singkatan, nama atau nama lamanya (mis. Kemenkes, Ombudsman RI, Kominfo) lalu pilih dari daftar. Jika tidak ada, kosongkan dan isi "Nama pemberi seperti tertulis".`,
        });
    }
  }
  if (!options.partial || posted('fieldCode')) {
    input.fieldCode = opt(v.fieldCode);
    input.fieldId = null;
  }
  if (!options.partial || posted('unitId')) input.unitId = Number(v.unitId) || null;
  if (!options.partial || posted('team_unit_0') || posted('team_person_0')) {
    const team: { unitId: number | null; personName: string | null; role: string | null }[] = [];
    for (let i = 0; i < 100; i++) {
      if (!(`team_unit_${i}` in v) && !(`team_person_${i}` in v)) break;
      const unitId = Number(v[`team_unit_${i}`]) || null;
      const personName = opt(v[`team_person_${i}`]);
      if (unitId || personName) team.push({ unitId, personName, role: opt(v[`team_role_${i}`]) });
    }
    input.team = team;
  }
  const schema = options.partial ? createAwardSchema.partial() : createAwardSchema;
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message });
    }
  if (problems.length || !parsed.success) throw invalid(problems);
  return parsed.data;
}

/** A stored award as form values (Indonesian number format for the score). */
export function awardToForm(a: Award): Record<string, string> {
  const s = (x: string | number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  const values: Record<string, string> = {
    giver: a.awardingBody?.abbreviation ?? '',
    fieldCode: a.field?.code ?? '',
    unitId: s(a.unit?.id),
    version: String(a.version),
  };
  for (const f of VALUE_FIELDS) {
    if (!f.form) continue;
    const x = a[f.key as keyof Award] as string | number | boolean | null;
    if (f.type === 'boolean') values[f.key] = x ? '1' : '';
    else if (f.type === 'number' && typeof x === 'number') values[f.key] = String(x).replace('.', ',');
    else values[f.key] = s(x as string | number | null);
  }
  a.team.forEach((m, i) => {
    values[`team_unit_${i}`] = s(m.unitId);
    values[`team_person_${i}`] = s(m.personName);
    values[`team_role_${i}`] = s(m.role);
  });
  return values;
}
