import { fieldForInput, VALUE_FIELDS, type ValueField } from '../../domain/awards/fields.ts';
import { readTeamCell } from '../../domain/awards/team.ts';
import { inSubtree } from '../access.ts';
import type { Actor } from '../actor.ts';
import { giverValidityProblem } from '../awards/references.ts';
import { type AwardRowValues, awardRowValues, awardRuleProblems } from '../awards/rules.ts';
import { type CreateAward, createAwardSchema, teamMemberSchema } from '../awards/schemas.ts';
import { AppError } from '../errors.ts';
import { type GradeColumns, gradeForAward } from '../grading.ts';
import { COLUMNS, type ColumnKey, columnLetter } from './columns.ts';
import { type GiverRef, type ImportContext, importKey, importKeyText } from './context.ts';
import { key } from './names.ts';
import { inferScale } from './scale-hints.ts';
import {
  type Cell,
  cellText,
  editionYearInTitle,
  type Parsed,
  parseDate,
  parseLevel,
  parseNumber,
  parseRecipientKind,
  parseScore,
  parseYear,
  parseYesNo,
  rankPosition,
  shown,
} from './values.ts';

// One spreadsheet row → the values of one award row, or every problem with that row. The
// rules are the award service's own (awards/rules.ts, the zod schema, the giver's validity,
// grading, the access rules); only the look-ups are batched (context.ts), and the storage is
// a bulk insert (write.ts).

export interface Problem {
  row: number;
  /** Spreadsheet column letter ("D"); null for a problem with the whole row. */
  column: string | null;
  header: string | null;
  value: string | null;
  message: string;
}

export interface HeaderMap {
  /** Column index → key, for the columns that were recognised. */
  byIndex: Map<number, ColumnKey>;
  /** Key → index and the header as written. */
  byKey: Map<ColumnKey, { index: number; header: string }>;
}

export interface ReadyRow {
  row: number;
  key: string;
  values: AwardValues;
  /** Free-text giver kept because it is not in the list (a note for the report). */
  giverText: string | null;
  reading: RowReading;
}

/** The content columns of `awards` that an import fills (state and bookkeeping come later). */
export type AwardValues = AwardRowValues;

export type TeamMember = { unitId: number | null; personName: string | null; role: string | null };

/** How a row was read, shown by the dry run so a person can check the matching. */
export interface RowReading {
  unit: string | null;
  giver: string | null;
  field: string | null;
  year: number;
  /** The received date as read (ISO), from whichever of the date forms was typed. */
  date: string | null;
  /** Where the edition year came from. */
  yearFrom: 'column' | 'title' | 'date';
  scale: string | null;
  grade: string | null;
}

export interface ConvertedRow {
  ready: ReadyRow | null;
  team: TeamMember[];
  problems: Problem[];
  /**
   * The row's identity even when it has problems (raw text where a value did not parse), so
   * a repeated row is reported as a duplicate whatever else is wrong with it. Compared in
   * memory only, so it is the text the stored key is a hash of, not the hash.
   */
  looseKey: string;
  /** A giver kept as free text, with the closest known giver if one shares its words. */
  freeGiver: { text: string; suggestion: string | null } | null;
}

/** The column a person must fix for a problem the award rules name by input field. */
const columnOf = (field: string | undefined): ColumnKey | null => {
  const f = field ? fieldForInput(field.split('.')[0]!) : undefined;
  return f?.sheet ? (f.key as ColumnKey) : null;
};

/**
 * The fields whose schema takes null for "not given" (most optional ones): a null there passes
 * by definition, and left out or null the stored column is the same (services/awards/row.ts).
 */
const NULL_IS_EMPTY = new Set(
  Object.entries(createAwardSchema.shape)
    .filter(([, schema]) => schema.safeParse(null).success)
    .map(([key]) => key),
);

/** Per set of filled fields, the award schema narrowed to them; a file has a handful of sets. */
const narrowed = new Map<string, typeof createAwardSchema>();
const MAX_NARROWED = 64;

/**
 * Checks a row's input with the award schema, its empty optional fields left out. A row fills
 * a dozen of the schema's fields, and zod's compiled check runs every field of the schema it
 * is given, so the row is checked by the schema picked to the fields it fills (the same rules
 * field by field; compiled once per set of fields, then reused).
 */
function checkAward(input: Record<string, unknown>) {
  const filled: Record<string, unknown> = {};
  let set = '';
  for (const key in input) {
    const value = input[key];
    if (value === null && NULL_IS_EMPTY.has(key)) continue;
    filled[key] = value;
    set += `${key},`;
  }
  let schema = narrowed.get(set);
  if (!schema) {
    const keys = Object.keys(filled);
    if (narrowed.size >= MAX_NARROWED || !keys.every((k) => k in createAwardSchema.shape))
      return createAwardSchema.safeParse(filled);
    const mask = Object.fromEntries(keys.map((k) => [k, true])) as never;
    schema = createAwardSchema.pick(mask) as unknown as typeof createAwardSchema;
    narrowed.set(set, schema);
  }
  return schema.safeParse(filled);
}

/** How a cell of a value field is read, by its declared type; a few fields read their own way. */
const READERS: Partial<Record<string, (cell: Cell) => Parsed<unknown>>> = {
  editionYear: parseYear,
  level: parseLevel,
  recipientKind: parseRecipientKind,
  score: parseScore,
};
function readValue(f: ValueField, cell: Cell): Parsed<unknown> {
  const own = READERS[f.key];
  if (own) return own(cell);
  switch (f.type) {
    case 'date':
      return parseDate(cell);
    case 'boolean':
      return parseYesNo(cell);
    case 'number':
      return parseScore(cell);
    case 'integer': {
      const n = parseNumber(cell);
      if (n.ok && n.value !== null && !Number.isInteger(n.value))
        return { ok: false, message: `'${shown(cell!)}' bukan bilangan bulat` };
      return n;
    }
    default:
      return { ok: true, value: cellText(cell) };
  }
}

/**
 * Reads one row and checks it with the rules of creating an award (awards/rules.ts, the
 * schema, the giver's validity dates, grading); every problem is named by row and column.
 */
export async function convertRow(
  ctx: ImportContext,
  actor: Actor,
  headers: HeaderMap,
  row: number,
  cells: Cell[],
): Promise<ConvertedRow> {
  const problems: Problem[] = [];
  const raw = (k: ColumnKey): Cell => {
    const at = headers.byKey.get(k);
    return at ? (cells[at.index] ?? null) : null;
  };
  const report = (k: ColumnKey | null, message: string) => {
    const at = k ? headers.byKey.get(k) : undefined;
    const value = k ? raw(k) : null;
    problems.push({
      row,
      column: at ? columnLetter(at.index) : null,
      header: at?.header ?? (k ? (COLUMNS.find((c) => c.key === k)?.header ?? null) : null),
      value: value === null ? null : shown(value, 200),
      message,
    });
  };
  const text = (k: ColumnKey) => cellText(raw(k));

  // Every value field the sheet has a column for, read by its type.
  const values: Record<string, unknown> = {};
  for (const f of VALUE_FIELDS) {
    if (!f.sheet) continue;
    const parsed = readValue(f, raw(f.key as ColumnKey));
    if (parsed.ok) values[f.key] = parsed.value;
    else {
      values[f.key] = null;
      report(f.key as ColumnKey, parsed.message);
    }
  }
  const date = values.receivedOn as string | null;
  const columnYear = values.editionYear as number | null;
  // The edition is the assessment's year: "Penilaian Kepatuhan 2024", handed over in 2025.
  // A year in the title that is far from the date received is something else (a founding year).
  const near = (y: number) => !date || Math.abs(Number(date.slice(0, 4)) - y) <= 2;
  const found = editionYearInTitle(text('title'));
  const titleYear = found && near(found.year) ? found : null;
  let year = columnYear;
  let yearFrom: RowReading['yearFrom'] = 'column';
  if (raw('editionYear') === null && titleYear) [year, yearFrom] = [titleYear.year, 'title'];
  else if (raw('editionYear') === null && date) [year, yearFrom] = [Number(date.slice(0, 4)), 'date'];
  else if (columnYear !== null && titleYear?.named && titleYear.year !== columnYear)
    [year, yearFrom] = [titleYear.year, 'title'];
  // An unreadable date already says what to fix; the year follows from it once fixed.
  if (year === null && raw('editionYear') === null && raw('receivedOn') === null)
    report(
      'editionYear',
      'Tahun wajib diisi (4 angka, mis. 2025), atau isi Tanggal agar tahunnya diambil dari sana',
    );

  // Giver: a known body by name/abbreviation/alias; a near miss is a typo; otherwise free text.
  let giver: GiverRef | null = null;
  let giverText: string | null = null;
  let giverSuggestion: string | null = null;
  const giverCell = text('awardingBody');
  if (giverCell) {
    const g = ctx.giver(giverCell);
    if (g.found) giver = g.found;
    else if (g.nearSpelling)
      report('awardingBody', `'${shown(giverCell)}' tidak dikenal — maksud Anda '${g.suggestion}'?`);
    else [giverText, giverSuggestion] = [giverCell, g.suggestion];
  }

  let fieldId: number | null = null;
  let fieldName: string | null = null;
  const fieldCell = text('field');
  if (fieldCell) {
    const f = ctx.field(fieldCell);
    if (f.found) [fieldId, fieldName] = [f.found.id, f.found.name];
    else
      report(
        'field',
        `bidang '${shown(fieldCell)}' tidak dikenal${f.suggestion ? ` — maksud Anda '${f.suggestion}'?` : '; lihat daftar bidang di lembar Petunjuk templat'}`,
      );
  }

  // Recipient: a unit, or the pemda itself; the kind column can say so explicitly.
  let kind = values.recipientKind as CreateAward['recipientKind'] | null;
  let unit: { id: number; name: string; path: string; parentId: number | null } | null = null;
  const recipientCell = text('unit');
  if (recipientCell) {
    const u = ctx.unit(recipientCell);
    if (u.found) unit = u.found;
    else if (ctx.isRegionName(recipientCell)) kind ??= 'region';
    else
      report(
        'unit',
        `unit '${shown(recipientCell)}' tidak ada${u.suggestion ? ` — maksud Anda '${u.suggestion}'?` : '; tulis nama atau singkatan unit seperti di daftar unit, atau nama pemda'}`,
      );
  }
  const sameUnit = (name: string, bracket: string) => {
    const unit = ctx.unit(name).found;
    return Boolean(unit) && ctx.unit(bracket).found?.id === unit?.id;
  };
  const team: TeamMember[] = readTeamCell(text('team') ?? '', sameUnit).map(({ name, role }) => {
    const u = ctx.unit(name);
    return u.found
      ? { unitId: u.found.id, personName: null, role }
      : { unitId: null, personName: name, role };
  });
  // Each member under the same rule as the API's team (a name, a role of at most 100 characters).
  for (const member of team) {
    const checked = teamMemberSchema.safeParse(member);
    if (!checked.success)
      report(
        'team',
        `anggota tim ${member.personName ?? ''}: ${checked.error.issues[0]!.message}`.replace('  ', ' '),
      );
  }
  if (!kind) {
    if (team.length) kind = 'team';
    else if (unit && unit.parentId !== null) kind = 'unit';
    else kind = 'region';
  }

  // No scale named, but a score or predicate: the giver and title may say which scale it is.
  let scaleId = (values.scaleId as string | null)?.toLowerCase() ?? null;
  const scaleInferred = !scaleId && (values.score !== null || values.statusLabel !== null);
  if (scaleInferred) scaleId = inferScale(giver?.code ?? null, text('title') ?? '');

  const input = {
    ...values,
    title: text('title') ?? '',
    editionYear: year ?? 2000,
    awardingBodyText: (values.awardingBodyText as string | null) ?? giverText,
    recipientKind: kind,
    rankPosition: (values.rankPosition as number | null) ?? rankPosition(values.rank as string | null),
    scaleId,
    isPublic: (values.isPublic as boolean | null) ?? true,
  };
  const parsed = checkAward(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const col = columnOf(String(issue.path[0]));
      if (col === 'editionYear' && year === null) continue; // already reported
      if (col && problems.some((p) => p.column && p.header === headers.byKey.get(col)?.header)) continue;
      report(col, issue.message);
    }
  }
  // The rules of creating an award, with the references as resolved here.
  const reported = new Set(problems.length ? problems.map((p) => p.header) : undefined);
  for (const p of awardRuleProblems(
    {
      // Only what the rules read (copying the row's ~45 values per row showed in the profile).
      recipientKind: input.recipientKind,
      unitId: unit?.id ?? null,
      team,
      receivedOn: date,
      editionYear: year ?? 0,
    },
    ctx.today,
  )) {
    if (p.field === 'receivedOn' && year === null) continue;
    const col = columnOf(p.field);
    if (
      col &&
      reported.has(headers.byKey.get(col)?.header ?? COLUMNS.find((c) => c.key === col)?.header ?? '')
    )
      continue;
    report(col, p.message);
  }
  if (giver) {
    const message = giverValidityProblem(giver, date, giver.successorName);
    if (message) report('awardingBody', message);
  }

  // Operators import only for their own subtree, like they create.
  const unitPath = unit?.path ?? null;
  if (actor.role === 'operator') {
    if (!unitPath) report('unit', 'Operator wajib mengisi unit penerima di dalam unitnya sendiri');
    else if (!inSubtree(actor, unitPath))
      report(
        'unit',
        `unit '${shown(recipientCell)}' di luar wewenang Anda; operator hanya boleh unitnya dan sub-unitnya`,
      );
  }

  const grade = await gradeRow(
    ctx,
    { scaleId, scaleInferred, year, score: values.score, statusLabel: values.statusLabel },
    report,
  );
  const looseKey = importKeyText({
    regionCode: ctx.region.code,
    title: text('title') ?? '',
    year: year ?? 0,
    giver: giver?.id ?? key(giverCell ?? ''),
    unitId: unit?.id ?? null,
    date: date ?? (raw('receivedOn') === null ? null : shown(raw('receivedOn')!)),
  });
  const freeGiver = giverText ? { text: giverText, suggestion: giverSuggestion } : null;
  if (problems.length || !parsed.success || year === null)
    return { ready: null, team, problems, looseKey, freeGiver };

  const v = parsed.data; // zod's own copy of the input: set the year read above on it
  v.editionYear = year;
  const refs = {
    regionId: ctx.region.id,
    regionCode: ctx.region.code,
    awardingBodyId: giver?.id ?? null,
    awardingBodyCode: giver?.code ?? null,
    fieldId,
    unitId: unit?.id ?? null,
    unitPath,
  };
  return {
    team,
    problems,
    looseKey,
    freeGiver,
    ready: {
      row,
      giverText,
      reading: {
        unit: kind === 'region' ? ctx.region.name : (unit?.name ?? null),
        giver: giver?.abbreviation ?? giverText,
        field: fieldName,
        year,
        date,
        yearFrom,
        scale: grade.scale_id,
        grade: grade.grade_label ? `${grade.grade_code} — ${grade.grade_label}` : null,
      },
      key: importKey({
        regionCode: ctx.region.code,
        title: v.title,
        year,
        giver: giver?.id ?? giverText,
        unitId: unit?.id ?? null,
        date,
      }),
      values: awardRowValues(v, refs, grade),
    },
  };
}

const NO_GRADE: GradeColumns = {
  scale_id: null,
  scale_version: null,
  grade_code: null,
  grade_label: null,
  grade_zone: null,
};

/**
 * Grades the row as creating an award does (services/grading.ts), with the scale loaded once
 * per import. A scale the person did not name must not block their row: it stays ungraded.
 */
async function gradeRow(
  ctx: ImportContext,
  input: {
    scaleId: string | null;
    scaleInferred: boolean;
    year: number | null;
    score?: unknown;
    statusLabel?: unknown;
  },
  report: (k: ColumnKey, message: string) => void,
): Promise<GradeColumns> {
  if (!input.scaleId) return NO_GRADE;
  const unknownScale = `skala '${input.scaleId}' tidak dikenal; lihat daftar skala di lembar Petunjuk templat`;
  // Without a year there is nothing to grade yet, but an unknown scale is worth saying now.
  if (input.year === null) {
    if (!input.scaleInferred && !(await ctx.scale(input.scaleId))) report('scaleId', unknownScale);
    return NO_GRADE;
  }
  try {
    return await gradeForAward(
      ctx.db,
      {
        scaleId: input.scaleId,
        editionYear: input.year,
        score: input.score as number | null,
        statusLabel: input.statusLabel as string | null,
      },
      (id) => ctx.scale(id),
    );
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
    if (input.scaleInferred) return NO_GRADE;
    for (const d of err.details ?? []) {
      const col = columnOf(d.field) ?? 'scaleId';
      report(
        col,
        d.field === 'scaleId'
          ? unknownScale
          : `tidak bisa dinilai dengan skala ${input.scaleId}: ${d.message}`,
      );
    }
    return NO_GRADE;
  }
}
