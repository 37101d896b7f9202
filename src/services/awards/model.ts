import type { Kysely } from 'kysely';
import type { AwardRow, Database, EvidenceRow } from '../../db/schema.ts';
import type { AwardValues } from '../../domain/awards/fields.ts';
import { regionCodeOf } from '../../domain/region-code.ts';
import { valuesFromRow } from './row.ts';

/**
 * An award as the API and pages see it: the catalogue's value fields (domain/awards/fields.ts)
 * as they are, giver/field/unit named, team listed, grade and workflow alongside.
 */
export interface Award extends AwardValues {
  id: number;
  regionCode: string;
  awardingBody: { id: number; code: string; abbreviation: string; name: string } | null;
  field: { id: number; code: string; name: string } | null;
  unit: { id: number; name: string; shortName: string | null } | null;
  team: { unitId: number | null; unitName: string | null; personName: string | null; role: string | null }[];
  scaleVersion: string | null;
  grade: { code: string; label: string; zone: string | null } | null;
  state: AwardRow['state'];
  returnReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  verifiedAt: string | null;
}

export interface Evidence {
  id: number;
  kind: EvidenceRow['kind'];
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  caption: string | null;
  quote: string | null;
  articleId: number | null;
  /** The news report an 'article' evidence quotes: its headline, outlet, date and address. */
  article?: EvidenceArticle | null;
  createdAt: string;
}

export interface EvidenceArticle {
  title: string | null;
  outlet: string | null;
  publishedOn: string | null;
  url: string | null;
}

export const toEvidence = (e: EvidenceRow): Evidence => ({
  id: e.id,
  kind: e.kind,
  url: e.url,
  fileName: e.file_name,
  mediaType: e.media_type,
  sizeBytes: e.size_bytes,
  caption: e.caption,
  quote: e.quote,
  articleId: e.article_id,
  createdAt: e.created_at,
});

/** Turns rows into Award objects with three batched look-ups (no N+1). */
export async function hydrateAwards(db: Kysely<Database>, rows: AwardRow[], locale = 'id'): Promise<Award[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const giverIds = unique(rows.map((r) => r.awarding_body_id));
  const fieldIds = unique(rows.map((r) => r.field_id));
  const team = await db
    .selectFrom('award_team_members as t')
    .leftJoin('org_units as u', 'u.id', 't.unit_id')
    .select(['t.award_id', 't.unit_id', 't.person_name', 't.role', 'u.name as unit_name'])
    .where('t.award_id', 'in', ids)
    .orderBy('t.award_id')
    .orderBy('t.position')
    .execute();
  const unitIds = unique(rows.map((r) => r.unit_id));
  const [givers, fields, units] = await Promise.all([
    giverIds.length
      ? db
          .selectFrom('awarding_bodies')
          .select(['id', 'code', 'abbreviation', 'name'])
          .where('id', 'in', giverIds)
          .execute()
      : [],
    fieldIds.length
      ? db
          .selectFrom('fields')
          .select(['id', 'code', 'name_id', 'name_en'])
          .where('id', 'in', fieldIds)
          .execute()
      : [],
    unitIds.length
      ? db.selectFrom('org_units').select(['id', 'name', 'short_name']).where('id', 'in', unitIds).execute()
      : [],
  ]);
  const giverById = new Map(givers.map((g) => [g.id, g]));
  const fieldById = new Map(
    fields.map((f) => [f.id, { id: f.id, code: f.code, name: locale === 'en' ? f.name_en : f.name_id }]),
  );
  const unitById = new Map(units.map((u) => [u.id, { id: u.id, name: u.name, shortName: u.short_name }]));
  return rows.map((r) => ({
    ...valuesFromRow(r),
    id: r.id,
    regionCode: regionCodeOf(r.region_id),
    awardingBody: r.awarding_body_id ? (giverById.get(r.awarding_body_id) ?? null) : null,
    field: r.field_id ? (fieldById.get(r.field_id) ?? null) : null,
    unit: r.unit_id ? (unitById.get(r.unit_id) ?? null) : null,
    team: team
      .filter((t) => t.award_id === r.id)
      .map((t) => ({ unitId: t.unit_id, unitName: t.unit_name, personName: t.person_name, role: t.role })),
    scaleVersion: r.scale_version,
    grade: r.grade_code
      ? { code: r.grade_code, label: r.grade_label ?? r.grade_code, zone: r.grade_zone }
      : null,
    state: r.state,
    returnReason: r.return_reason,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    verifiedAt: r.verified_at,
  }));
}

function unique(values: (number | null)[]): number[] {
  return [...new Set(values.filter((v): v is number => v !== null))];
}
