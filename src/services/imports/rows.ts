import { nowIso } from '../../db/now.ts';
import { gradeOpinion, gradeScore } from '../../domain/grading/index.ts';
import { inSubtree } from '../access.ts';
import type { Actor } from '../actor.ts';
import { seriesKeyFor } from '../awards/references.ts';
import { createAwardSchema } from '../awards/schemas.ts';
import type { GradeColumns } from '../grading.ts';
import { COLUMNS, type ColumnKey, columnLetter } from './columns.ts';
import { type ImportContext, importKey } from './context.ts';
import {
  type Cell,
  cellText,
  parseDate,
  parseLevel,
  parseNumber,
  parseRecipientKind,
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
): Promise<{ ready: ReadyRow | null; team: TeamMember[]; problems: Problem[] }> {
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
  let year = take('year', parseYear(raw('year')));
  if (year === null && raw('year') === null && date) year = Number(date.slice(0, 4));
  if (year === null && raw('year') === null)
    report(
      'year',
      'Tahun wajib diisi (4 angka, mis. 2025), atau isi Tanggal agar tahunnya diambil dari sana',
    );

  // Giver: a known body by name/abbreviation/alias; a near miss is a typo; otherwise free text.
  let giverId: number | null = null;
  let giverCode: string | null = null;
  let giverText: string | null = null;
  const giverCell = text('giver');
  if (giverCell) {
    const g = ctx.giver(giverCell);
    if (g.found) [giverId, giverCode] = [g.found.id, g.found.code];
    else if (g.suggestion)
      report('giver', `'${shown(giverCell)}' tidak dikenal — maksud Anda '${g.suggestion}'?`);
    else giverText = giverCell;
  }

  let fieldId: number | null = null;
  const fieldCell = text('field');
  if (fieldCell) {
    const f = ctx.field(fieldCell);
    if (f.found) fieldId = f.found.id;
    else
      report(
        'field',
        `bidang '${shown(fieldCell)}' tidak dikenal${f.suggestion ? ` — maksud Anda '${f.suggestion}'?` : '; lihat daftar bidang di lembar Petunjuk templat'}`,
      );
  }

  // Recipient: a unit, or the pemda itself; the kind column can say so explicitly.
  let kind = take('recipientKind', parseRecipientKind(raw('recipientKind')));
  let unit: { id: number; path: string; parentId: number | null } | null = null;
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

  const score = take('score', parseNumber(raw('score')));
  const level = take('level', parseLevel(raw('level')));
  const isPublic = take('public', parseYesNo(raw('public')));
  const rank = text('rank');

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
    scaleId: text('scale')?.toLowerCase() ?? null,
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

  const grade = await gradeRow(ctx, input, report);
  if (problems.length || !parsed.success || year === null) return { ready: null, team, problems };

  const v = parsed.data;
  const recipientKey = kind === 'region' ? ctx.region.code : `u${unit?.id ?? 0}`;
  return {
    team,
    problems,
    ready: {
      row,
      giverText,
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
  input: { scaleId: string | null; editionYear: number; score: number | null; statusLabel: string | null },
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
