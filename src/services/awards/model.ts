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

/**
 * The givers, fields and units already read: an export hands the same one to every batch, so
 * each is read once instead of once per thousand awards (and their objects are shared).
 */
export interface AwardReferences {
  givers: Map<number, Award['awardingBody']>;
  fields: Map<number, Award['field']>;
  units: Map<number, Award['unit']>;
}

export const newAwardReferences = (): AwardReferences => ({
  givers: new Map(),
  fields: new Map(),
  units: new Map(),
});

/** Ids of `rows[key]` that `known` does not hold yet. */
function missing(
  rows: AwardRow[],
  key: 'awarding_body_id' | 'field_id' | 'unit_id',
  known: Map<number, unknown>,
) {
  const ids = new Set<number>();
  for (const r of rows) {
    const id = r[key];
    if (id !== null && !known.has(id)) ids.add(id);
  }
  return [...ids];
}

/** Reads the givers, fields and units of `rows` that `refs` does not hold yet into it. */
async function readReferences(db: Kysely<Database>, rows: AwardRow[], refs: AwardReferences, locale: string) {
  const giverIds = missing(rows, 'awarding_body_id', refs.givers);
  const fieldIds = missing(rows, 'field_id', refs.fields);
  const unitIds = missing(rows, 'unit_id', refs.units);
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
  for (const g of givers) refs.givers.set(g.id, g);
  for (const f of fields)
    refs.fields.set(f.id, { id: f.id, code: f.code, name: locale === 'en' ? f.name_en : f.name_id });
  for (const u of units) refs.units.set(u.id, { id: u.id, name: u.name, shortName: u.short_name });
}

/**
 * Turns rows into Award objects with batched look-ups (no N+1): the team of the rows, and the
 * givers, fields and units not in `refs` yet (pass one `refs` to every batch of an export).
 */
export async function hydrateAwards(
  db: Kysely<Database>,
  rows: AwardRow[],
  locale = 'id',
  refs: AwardReferences = newAwardReferences(),
): Promise<Award[]> {
  if (rows.length === 0) return [];
  const team = await db
    .selectFrom('award_team_members as t')
    .leftJoin('org_units as u', 'u.id', 't.unit_id')
    .select(['t.award_id', 't.unit_id', 't.person_name', 't.role', 'u.name as unit_name'])
    .where(
      't.award_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('t.award_id')
    .orderBy('t.position')
    .execute();
  const teamOf = new Map<number, Award['team']>();
  for (const t of team) {
    let members = teamOf.get(t.award_id);
    if (!members) {
      members = [];
      teamOf.set(t.award_id, members);
    }
    members.push({ unitId: t.unit_id, unitName: t.unit_name, personName: t.person_name, role: t.role });
  }
  await readReferences(db, rows, refs, locale);
  return rows.map((r) => {
    // The value fields' object grows into the award (a copy of it per row was most of an
    // export's time); the keys come in the same order as before.
    const a = valuesFromRow(r) as Award;
    a.id = r.id;
    a.regionCode = regionCodeOf(r.region_id);
    a.awardingBody = r.awarding_body_id ? (refs.givers.get(r.awarding_body_id) ?? null) : null;
    a.field = r.field_id ? (refs.fields.get(r.field_id) ?? null) : null;
    a.unit = r.unit_id ? (refs.units.get(r.unit_id) ?? null) : null;
    a.team = teamOf.get(r.id) ?? [];
    a.scaleVersion = r.scale_version;
    a.grade = r.grade_code
      ? { code: r.grade_code, label: r.grade_label ?? r.grade_code, zone: r.grade_zone }
      : null;
    a.state = r.state;
    a.returnReason = r.return_reason;
    a.version = r.version;
    a.createdAt = r.created_at;
    a.updatedAt = r.updated_at;
    a.submittedAt = r.submitted_at;
    a.verifiedAt = r.verified_at;
    return a;
  });
}
