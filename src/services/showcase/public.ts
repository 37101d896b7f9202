import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AwardFact } from '../../domain/recap/index.ts';

// The one rule of the public showcase: only verified records marked public are shown, on every
// page and in every download. Every showcase query starts from `publicAwards`.

export function publicAwards(db: Kysely<Database>) {
  return db.selectFrom('awards').where('awards.state', '=', 'verified').where('awards.is_public', '=', 1);
}

/** A public award reduced to what counts, charts and timelines need. */
export interface PublicFact extends AwardFact {
  id: number;
  title: string;
  fieldCode: string | null;
  fieldName: string | null;
  giverCode: string | null;
  giverName: string | null;
  level: string | null;
  unitId: number | null;
  unitPath: string | null;
  rank: string | null;
  rankPosition: number | null;
}

/** Every public award as a fact, oldest edition first; team awards carry every member unit's path. */
export async function loadPublicFacts(db: Kysely<Database>, locale = 'id'): Promise<PublicFact[]> {
  const rows = await publicAwards(db)
    .leftJoin('fields as f', 'f.id', 'awards.field_id')
    .leftJoin('awarding_bodies as g', 'g.id', 'awards.awarding_body_id')
    .select([
      'awards.id',
      'awards.title',
      'awards.edition_year',
      'awards.received_on',
      'awards.level',
      'awards.unit_id',
      'awards.unit_path',
      'awards.series_key',
      'awards.scale_id',
      'awards.score',
      'awards.grade_code',
      'awards.grade_label',
      'awards.grade_zone',
      'awards.status_label',
      'awards.rank',
      'awards.rank_position',
      'awards.awarding_body_text',
      'f.code as field_code',
      'f.name_id as field_name_id',
      'f.name_en as field_name_en',
      'g.code as giver_code',
      'g.abbreviation as giver_abbreviation',
    ])
    .orderBy('awards.edition_year')
    .orderBy('awards.id')
    .execute();
  const team = await publicAwards(db)
    .innerJoin('award_team_members as t', 't.award_id', 'awards.id')
    .innerJoin('org_units as u', 'u.id', 't.unit_id')
    .select(['t.award_id', 'u.path'])
    .execute();
  const teamPaths = new Map<number, string[]>();
  for (const t of team) teamPaths.set(t.award_id, [...(teamPaths.get(t.award_id) ?? []), t.path]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    editionYear: r.edition_year,
    receivedOn: r.received_on,
    fieldCode: r.field_code,
    fieldName: (locale === 'en' ? r.field_name_en : r.field_name_id) ?? null,
    giverCode: r.giver_code,
    giverName: r.giver_abbreviation ?? r.awarding_body_text,
    level: r.level,
    unitId: r.unit_id,
    unitPath: r.unit_path,
    unitPaths: teamPaths.get(r.id) ?? null,
    seriesKey: r.series_key,
    scaleId: r.scale_id,
    score: r.score,
    gradeCode: r.grade_code,
    gradeLabel: r.grade_label,
    zone: (r.grade_zone as AwardFact['zone']) ?? null,
    statusLabel: r.status_label,
    rank: r.rank,
    rankPosition: r.rank_position,
  }));
}
