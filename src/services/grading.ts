import type { Kysely, Selectable } from 'kysely';
import type { Database, ScaleTable, ScaleVersionTable } from '../db/schema.ts';
import { gradeOpinion, gradeScore, type Scale, type ScaleVersion } from '../domain/grading/index.ts';
import { invalid } from './errors.ts';
import { gradeErrorMessage } from './scales/messages.ts';

// Scales live in the database (admins add versions); the shipped catalogue is loaded on
// start. Awards are graded here, never by hand: the version in force for the edition year.

export async function loadScale(db: Kysely<Database>, id: string): Promise<Scale | undefined> {
  const s = await db.selectFrom('scales').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) return undefined;
  const versions = await db
    .selectFrom('scale_versions')
    .selectAll()
    .where('scale_id', '=', id)
    .orderBy('id')
    .execute();
  return toScale(s, versions);
}

/** Every scale with its versions, in two queries. */
export async function loadAllScales(db: Kysely<Database>): Promise<(Scale & { builtin: boolean })[]> {
  const scales = await db.selectFrom('scales').selectAll().orderBy('id').execute();
  const versions = await db.selectFrom('scale_versions').selectAll().orderBy('id').execute();
  return scales.map((s) => ({
    ...toScale(
      s,
      versions.filter((v) => v.scale_id === s.id),
    ),
    builtin: s.builtin === 1,
  }));
}

function toScale(s: Selectable<ScaleTable>, versions: Selectable<ScaleVersionTable>[]): Scale {
  return {
    id: s.id,
    name: s.name,
    giverCode: s.giver_code ?? '',
    kind: s.kind,
    confidence: s.confidence as Scale['confidence'],
    unit: s.description ?? undefined,
    versions: versions.map((v) => {
      const body = JSON.parse(v.bands_json) as {
        title: string | null;
        bands: ScaleVersion['bands'];
        notes: string[];
      };
      return {
        version: v.version,
        title: body.title ?? undefined,
        validFromYear: v.valid_from_year,
        validToYear: v.valid_to_year,
        precision: v.precision,
        legalBasis: v.legal_basis ?? '',
        source: v.source ?? '',
        bands: body.bands,
        notes: body.notes,
      };
    }),
  };
}

export interface GradeColumns {
  scale_id: string | null;
  scale_version: string | null;
  grade_code: string | null;
  grade_label: string | null;
  grade_zone: string | null;
}

const NO_GRADE: GradeColumns = {
  scale_id: null,
  scale_version: null,
  grade_code: null,
  grade_label: null,
  grade_zone: null,
};

/**
 * The grade columns of an award. Numeric scales grade `score`; ordinal ones (BPK opinion)
 * grade `statusLabel` ("WTP"). A score outside every band is a 422 naming the range.
 */
export async function gradeForAward(
  db: Kysely<Database>,
  input: { scaleId?: string | null; editionYear: number; score?: number | null; statusLabel?: string | null },
  /** Where the scale comes from; an import passes its per-file cache. */
  scaleOf: (id: string) => Promise<Scale | null | undefined> = (id) => loadScale(db, id),
): Promise<GradeColumns> {
  if (!input.scaleId) return NO_GRADE;
  const scale = await scaleOf(input.scaleId);
  if (!scale)
    throw invalid([
      { field: 'scaleId', message: `Skala "${input.scaleId}" tidak dikenal; lihat /api/v1/scales` },
    ]);
  let result: ReturnType<typeof gradeScore>;
  if (scale.kind === 'ordinal') {
    if (!input.statusLabel) return { ...NO_GRADE, scale_id: scale.id };
    result = gradeOpinion(scale, input.statusLabel, input.editionYear);
  } else {
    if (input.score === null || input.score === undefined) return { ...NO_GRADE, scale_id: scale.id };
    result = gradeScore(scale, input.editionYear, input.score);
  }
  if (!result.ok) {
    const field =
      scale.kind === 'ordinal'
        ? 'statusLabel'
        : result.error.kind === 'no-version-for-year'
          ? 'editionYear'
          : 'score';
    throw invalid([
      {
        field,
        message: gradeErrorMessage(result.error),
        detail: result.error.message,
        kind: result.error.kind,
      },
    ]);
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
