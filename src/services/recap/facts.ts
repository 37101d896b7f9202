// Awards read as recap facts (the shape the pure src/domain/recap functions count). One
// query shape and one row mapping, so the series and the unit report read the same columns.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AwardFact } from '../../domain/recap/index.ts';

/** Awards with their giver and field codes; callers add the WHERE and ORDER BY. */
export function factRows(db: Kysely<Database>) {
  return db
    .selectFrom('awards')
    .leftJoin('awarding_bodies as g', 'g.id', 'awards.awarding_body_id')
    .leftJoin('fields as f', 'f.id', 'awards.field_id')
    .select([
      'awards.id',
      'awards.edition_year',
      'awards.received_on',
      'awards.title',
      'awards.programme',
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
      'awards.rank_position',
      'g.code as giver_code',
      'f.code as field_code',
    ]);
}

type FactRow = Awaited<ReturnType<ReturnType<typeof factRows>['execute']>>[number];

export function toFact(r: FactRow): AwardFact & { id: number } {
  return {
    id: r.id,
    editionYear: r.edition_year,
    receivedOn: r.received_on,
    title: r.title,
    fieldCode: r.field_code,
    level: r.level,
    giverCode: r.giver_code,
    unitId: r.unit_id,
    unitPath: r.unit_path,
    seriesKey: r.series_key,
    scaleId: r.scale_id,
    // PostgreSQL returns numeric columns as strings.
    score: r.score === null ? null : Number(r.score),
    gradeCode: r.grade_code,
    gradeLabel: r.grade_label,
    zone: r.grade_zone as AwardFact['zone'],
    statusLabel: r.status_label,
    rankPosition: r.rank_position,
  };
}
