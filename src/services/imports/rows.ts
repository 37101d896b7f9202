import { nowIso } from '../../db/now.ts';
import { gradeOpinion, gradeScore } from '../../domain/grading/index.ts';
import { inSubtree } from '../access.ts';
import type { Actor } from '../actor.ts';
import { seriesKeyFor } from '../awards/references.ts';
import { createAwardSchema } from '../awards/schemas.ts';
import type { GradeColumns } from '../grading.ts';
import { COLUMNS, type ColumnKey, columnLetter } from './columns.ts';
import { type ImportContext, importKey } from './context.ts';
import { key } from './names.ts';
import { inferScale } from './scale-hints.ts';
import {
  type Cell,
  cellText,
  editionYearInTitle,
  parseDate,
  parseLevel,
  parseRecipientKind,
  parseScore,
  parseYear,
  parseYesNo,
  rankPosition,
  shown,
} from './values.ts';

// One spreadsheet row → the values of one award row, or every problem with that row. The
// rules are the award service's: the zod schema `createAwardSchema` validates, the grading
// domain grades, the access rules scope operators. Only the look-ups are batched (context.ts).

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
export type AwardValues = {
  region_code: string;
  title: string;
  programme: string | null;
  edition_year: number;
  awarding_body_id: number | null;
  awarding_body_text: string | null;
  level: string | null;
  field_id: number | null;
  category: string | null;
  recipient_kind: 'region' | 'unit' | 'team';
  unit_id: number | null;
  unit_path: string | null;
  recipient_note: string | null;
  received_on: string | null;
  place: string | null;
  rank: string | null;
  rank_position: number | null;
  score: number | null;
  status_label: string | null;
  legal_basis: string | null;
  description: string | null;
  series_key: string | null;
  is_public: 0 | 1;
} & GradeColumns;

export type TeamMember = { unitId: number | null; personName: string | null };

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
   * a repeated row is reported as a duplicate whatever else is wrong with it.
   */
  looseKey: string;
  /** A giver kept as free text, with the closest known giver if one shares its words. */
  freeGiver: { text: string; suggestion: string | null } | null;
}

/** Zod paths of createAwardSchema → the column a person must fix. */
const FIELD_COLUMN: Record<string, ColumnKey> = {
  title: 'title',
  programme: 'programme',
  editionYear: 'year',
  awardingBodyText: 'giver',
  level: 'level',
  category: 'category',
  recipientNote: 'recipient',
  receivedOn: 'date',
  place: 'place',
  rank: 'rank',
  rankPosition: 'rank',
  score: 'score',
  scaleId: 'scale',
  statusLabel: 'status',
  legalBasis: 'legalBasis',
  description: 'description',
};

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
  function take<T>(k: ColumnKey, parsed: { ok: true; value: T } | { ok: false; message: string }): T | null {
    if (parsed.ok) return parsed.value;
    report(k, parsed.message);
    return null;
  }
  const text = (k: ColumnKey) => cellText(raw(k));

  const date = take('date', parseDate(raw('date')));
  const columnYear = take('year', parseYear(raw('year')));
  // The edition is the assessment's year: "Penilaian Kepatuhan 2024", handed over in 2025.
  // A year in the title that is far from the date received is something else (a founding year).
  const near = (y: number) => !date || Math.abs(Number(date.slice(0, 4)) - y) <= 2;
  const found = editionYearInTitle(text('title'));
  const titleYear = found && near(found.year) ? found : null;
  let year = columnYear;
  let yearFrom: RowReading['yearFrom'] = 'column';
  if (raw('year') === null && titleYear) [year, yearFrom] = [titleYear.year, 'title'];
  else if (raw('year') === null && date) [year, yearFrom] = [Number(date.slice(0, 4)), 'date'];
  else if (columnYear !== null && titleYear?.named && titleYear.year !== columnYear)
    [year, yearFrom] = [titleYear.year, 'title'];
  // An unreadable date already says what to fix; the year follows from it once fixed.
  if (year === null && raw('year') === null && raw('date') === null)
    report(
      'year',
      'Tahun wajib diisi (4 angka, mis. 2025), atau isi Tanggal agar tahunnya diambil dari sana',
    );

  // Giver: a known body by name/abbreviation/alias; a near miss is a typo; otherwise free text.
  let giverId: number | null = null;
  let giverCode: string | null = null;
  let giverText: string | null = null;
  let giverName: string | null = null;
  let giverSuggestion: string | null = null;
  const giverCell = text('giver');
  if (giverCell) {
    const g = ctx.giver(giverCell);
    if (g.found) [giverId, giverCode, giverName] = [g.found.id, g.found.code, g.found.abbreviation];
    else if (g.nearSpelling)
      report('giver', `'${shown(giverCell)}' tidak dikenal — maksud Anda '${g.suggestion}'?`);
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
  let kind = take('recipientKind', parseRecipientKind(raw('recipientKind')));
  let unit: { id: number; name: string; path: string; parentId: number | null } | null = null;
  const recipientCell = text('recipient');
  if (recipientCell) {
    const u = ctx.unit(recipientCell);
    if (u.found) unit = u.found;
    else if (ctx.isRegionName(recipientCell)) kind ??= 'region';
    else
      report(
        'recipient',
        `unit '${shown(recipientCell)}' tidak ada${u.suggestion ? ` — maksud Anda '${u.suggestion}'?` : '; tulis nama atau singkatan unit seperti di daftar unit, atau nama pemda'}`,
      );
  }
  const team: TeamMember[] = [];
  for (const member of (text('team') ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const u = ctx.unit(member);
    team.push(u.found ? { unitId: u.found.id, personName: null } : { unitId: null, personName: member });
  }
  if (!kind) {
    if (team.length) kind = 'team';
    else if (unit && unit.parentId !== null) kind = 'unit';
    else kind = 'region';
  }
  if (kind === 'unit' && !unit && !recipientCell)
    report('recipient', 'Jenis penerima "Unit" butuh nama unit di kolom Penerima');
  if (kind === 'team' && team.length === 0)
    report('team', 'Jenis penerima "Tim" butuh minimal satu anggota di kolom Tim (dipisah ;)');

  const score = take('score', parseScore(raw('score')));
  const level = take('level', parseLevel(raw('level')));
  const isPublic = take('public', parseYesNo(raw('public')));
  const rank = text('rank');
  // No scale named, but a score or predicate: the giver and title may say which scale it is.
  let scaleId = text('scale')?.toLowerCase() ?? null;
  const scaleInferred = !scaleId && (score !== null || text('status') !== null);
  if (scaleInferred) scaleId = inferScale(giverCode, text('title') ?? '');

  const input = {
    title: text('title') ?? '',
    programme: text('programme'),
    editionYear: year ?? 2000,
    awardingBodyText: giverText,
    level,
    category: text('category'),
    receivedOn: date,
    place: text('place'),
    rank,
    rankPosition: rankPosition(rank),
    score,
    scaleId,
    statusLabel: text('status'),
    legalBasis: text('legalBasis'),
    description: text('description'),
    isPublic: isPublic ?? true,
  };
  const parsed = createAwardSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const col = FIELD_COLUMN[String(issue.path[0])] ?? null;
      if (col === 'year' && year === null) continue; // already reported
      report(col, issue.message);
    }
  }
  const today = nowIso().slice(0, 10);
  if (date && date > today) report('date', 'Tanggal diterima tidak boleh di masa depan');
  if (date && year !== null && Math.abs(Number(date.slice(0, 4)) - year) > 2)
    report('date', `Tanggal ${date} terlalu jauh dari tahun edisi ${year}; periksa Tahun atau Tanggal`);

  // Operators import only for their own subtree, like they create.
  const unitPath = unit?.path ?? null;
  if (actor.role === 'operator') {
    if (!unitPath) report('recipient', 'Operator wajib mengisi unit penerima di dalam unitnya sendiri');
    else if (!inSubtree(actor, unitPath))
      report(
        'recipient',
        `unit '${shown(recipientCell)}' di luar wewenang Anda; operator hanya boleh unitnya dan sub-unitnya`,
      );
  }

  const grade = await gradeRow(ctx, { ...input, scaleInferred }, report);
  const looseKey = importKey({
    regionCode: ctx.region.code,
    title: text('title') ?? '',
    year: year ?? 0,
    giver: giverId ?? key(giverCell ?? ''),
    unitId: unit?.id ?? null,
    date: date ?? (raw('date') === null ? null : shown(raw('date')!)),
  });
  const freeGiver = giverText ? { text: giverText, suggestion: giverSuggestion } : null;
  if (problems.length || !parsed.success || year === null)
    return { ready: null, team, problems, looseKey, freeGiver };

  const v = parsed.data;
  const recipientKey = kind === 'region' ? ctx.region.code : `u${unit?.id ?? 0}`;
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
        giver: giverName ?? giverText,
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
        giver: giverId ?? giverText,
        unitId: unit?.id ?? null,
        date,
      }),
      values: {
        region_code: ctx.region.code,
        title: v.title,
        programme: v.programme ?? null,
        edition_year: year,
        awarding_body_id: giverId,
        awarding_body_text: v.awardingBodyText ?? null,
        level: v.level ?? null,
        field_id: fieldId,
        category: v.category ?? null,
        recipient_kind: kind,
        unit_id: unit?.id ?? null,
        unit_path: unitPath,
        recipient_note: null,
        received_on: v.receivedOn ?? null,
        place: v.place ?? null,
        rank: v.rank ?? null,
        rank_position: v.rankPosition ?? null,
        score: v.score ?? null,
        ...grade,
        status_label: v.statusLabel ?? null,
        legal_basis: v.legalBasis ?? null,
        description: v.description ?? null,
        series_key: seriesKeyFor(giverCode, v.programme ?? null, recipientKey),
        is_public: v.isPublic === false ? 0 : 1,
      },
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

/** Same rules as services/grading.ts gradeForAward, with the scale loaded once per import. */
async function gradeRow(
  ctx: ImportContext,
  input: {
    scaleId: string | null;
    scaleInferred: boolean;
    editionYear: number;
    score: number | null;
    statusLabel: string | null;
  },
  report: (k: ColumnKey, message: string) => void,
): Promise<GradeColumns> {
  if (!input.scaleId) return NO_GRADE;
  const scale = await ctx.scale(input.scaleId);
  if (!scale) {
    report('scale', `skala '${input.scaleId}' tidak dikenal; lihat daftar skala di lembar Petunjuk templat`);
    return NO_GRADE;
  }
  const ordinal = scale.kind === 'ordinal';
  if (ordinal ? !input.statusLabel : input.score === null) return { ...NO_GRADE, scale_id: scale.id };
  const result = ordinal
    ? gradeOpinion(scale, input.statusLabel!, input.editionYear)
    : gradeScore(scale, input.editionYear, input.score!);
  // A scale the person did not name must not block their row: it just stays ungraded.
  if (!result.ok && input.scaleInferred) return NO_GRADE;
  if (!result.ok) {
    const col: ColumnKey = ordinal
      ? 'status'
      : result.error.kind === 'no-version-for-year'
        ? 'year'
        : 'score';
    report(col, `tidak bisa dinilai dengan skala ${scale.id}: ${result.error.message}`);
    return NO_GRADE;
  }
  const g = result.grade;
  return {
    scale_id: g.scale,
    scale_version: g.version,
    grade_code: g.code,
    grade_label: g.label,
    grade_zone: g.zone,
  };
}
