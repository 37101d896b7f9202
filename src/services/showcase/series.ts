import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { regionIdOrNone } from '../../domain/region-code.ts';
import { readableAwards } from '../access.ts';

export interface SeriesPoint {
  id: number;
  editionYear: number;
  title: string;
  score: number | null;
  gradeLabel: string | null;
  zone: string | null;
  statusLabel: string | null;
  rank: string | null;
}

/** The public awards of the same series (same programme, giver and recipient), oldest first. */
export async function seriesOf(
  db: Kysely<Database>,
  seriesKey: string | null,
  regionCode: string,
): Promise<SeriesPoint[]> {
  if (!seriesKey) return [];
  const rows = await readableAwards(db, null)
    .where('awards.region_id', '=', regionIdOrNone(regionCode))
    .select([
      'awards.id',
      'awards.edition_year',
      'awards.title',
      'awards.score',
      'awards.grade_label',
      'awards.grade_zone',
      'awards.status_label',
      'awards.rank',
    ])
    .where('awards.series_key', '=', seriesKey)
    .orderBy('awards.edition_year')
    .orderBy('awards.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    editionYear: r.edition_year,
    title: r.title,
    score: r.score,
    gradeLabel: r.grade_label,
    zone: r.grade_zone,
    statusLabel: r.status_label,
    rank: r.rank,
  }));
}
