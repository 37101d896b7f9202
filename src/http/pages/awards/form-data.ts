import type { Award } from '../../../services/awards/model.ts';
import { type CreateAward, createAwardSchema } from '../../../services/awards/schemas.ts';
import type { ErrorDetail } from '../../../services/errors.ts';
import { invalid } from '../../../services/errors.ts';
import { parseNumber } from '../format.ts';
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
 */
export function parseAwardForm(v: Record<string, string>, givers: Giver[]): CreateAward {
  const problems: ErrorDetail[] = [];
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
  const editionYear = number('editionYear', 'Tahun edisi', true);
  if (editionYear === null && !problems.some((p) => p.field === 'editionYear'))
    problems.push({ field: 'editionYear', message: 'Tahun edisi wajib diisi, mis. 2025' });
  let awardingBodyCode: string | null = null;
  if (opt(v.giver)) {
    const giver = resolveGiver(givers, v.giver);
    if (giver) awardingBodyCode = giver.code;
    else
      problems.push({
        field: 'giver',
        message: `Pemberi "${v.giver.trim()}" tidak dikenal: ketik singkatan, nama atau nama lamanya (mis. Kemenkes, Ombudsman RI, Kominfo) lalu pilih dari daftar. Jika tidak ada, kosongkan dan isi "Nama pemberi seperti tertulis".`,
      });
  }
  const team: { unitId: number | null; personName: string | null; role: string | null }[] = [];
  for (let i = 0; i < 100; i++) {
    if (!(`team_unit_${i}` in v) && !(`team_person_${i}` in v)) break;
    const unitId = Number(v[`team_unit_${i}`]) || null;
    const personName = opt(v[`team_person_${i}`]);
    if (unitId || personName) team.push({ unitId, personName, role: opt(v[`team_role_${i}`]) });
  }
  const input = {
    title: v.title ?? '',
    programme: opt(v.programme),
    editionYear: editionYear ?? 0,
    awardingBodyCode,
    awardingBodyText: opt(v.awardingBodyText),
    level: opt(v.level),
    fieldCode: opt(v.fieldCode),
    category: opt(v.category),
    recipientKind: (opt(v.recipientKind) ?? 'region') as CreateAward['recipientKind'],
    unitId: Number(v.unitId) || null,
    recipientNote: opt(v.recipientNote),
    team,
    receivedOn: opt(v.receivedOn),
    place: opt(v.place),
    rank: opt(v.rank),
    rankPosition: number('rankPosition', 'Peringkat (angka)', true),
    score: number('score', 'Skor'),
    scaleId: opt(v.scaleId),
    statusLabel: opt(v.statusLabel),
    legalBasis: opt(v.legalBasis),
    description: opt(v.description),
    isPublic: v.isPublic === '1',
  };
  const parsed = createAwardSchema.safeParse(input);
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
    title: a.title,
    programme: s(a.programme),
    editionYear: String(a.editionYear),
    giver: a.awardingBody?.abbreviation ?? '',
    awardingBodyText: s(a.awardingBodyText),
    level: s(a.level),
    fieldCode: a.field?.code ?? '',
    category: s(a.category),
    recipientKind: a.recipientKind,
    unitId: s(a.unit?.id),
    recipientNote: s(a.recipientNote),
    receivedOn: s(a.receivedOn),
    place: s(a.place),
    rank: s(a.rank),
    rankPosition: s(a.rankPosition),
    score: a.score === null ? '' : String(a.score).replace('.', ','),
    scaleId: s(a.scaleId),
    statusLabel: s(a.statusLabel),
    legalBasis: s(a.legalBasis),
    description: s(a.description),
    isPublic: a.isPublic ? '1' : '',
    version: String(a.version),
  };
  a.team.forEach((m, i) => {
    values[`team_unit_${i}`] = s(m.unitId);
    values[`team_person_${i}`] = s(m.personName);
    values[`team_role_${i}`] = s(m.role);
  });
  return values;
}
