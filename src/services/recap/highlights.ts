// The few awards that stand out in a year: the highest level first, then the best rank, then
// the highest score. Read level by level with LIMIT, so a year with 30,000 awards costs a few
// small sorted reads, never the whole year in memory.

import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type RecapScope, visible } from './scope.ts';

/** Levels from the most to the least prominent; anything else comes after them. */
export const LEVELS_BY_WEIGHT = ['internasional', 'nasional', 'regional', 'provinsi', 'kabupaten/kota'];

export interface Highlight {
  id: number;
  title: string;
  level: string | null;
  rankPosition: number | null;
  score: number | null;
  giverName: string | null;
}

function highlightRows(db: Kysely<Database>, scope: RecapScope, year: number) {
  return db
    .selectFrom('awards')
    .leftJoin('awarding_bodies as g', 'g.id', 'awards.awarding_body_id')
    .select([
      'awards.id',
      'awards.title',
      'awards.level',
      'awards.rank_position',
      'awards.score',
      'awards.awarding_body_text',
      'g.abbreviation',
    ])
    .where(visible(scope))
    .where('awards.edition_year', '=', year)
    .orderBy(sql`coalesce(awards.rank_position, 99)`)
    .orderBy(sql`coalesce(awards.score, -1)`, 'desc')
    .orderBy('awards.title')
    .orderBy('awards.id');
}

export async function recapHighlights(
  db: Kysely<Database>,
  scope: RecapScope,
  year: number,
  count: number,
): Promise<Highlight[]> {
  const out: Highlight[] = [];
  const steps = [...LEVELS_BY_WEIGHT.map((level) => ({ level })), { level: null }];
  for (const step of steps) {
    if (out.length >= count) break;
    let q = highlightRows(db, scope, year).limit(count - out.length);
    q =
      step.level === null
        ? q.where((eb) =>
            eb.or([eb('awards.level', 'is', null), eb('awards.level', 'not in', LEVELS_BY_WEIGHT)]),
          )
        : q.where('awards.level', '=', step.level);
    for (const r of await q.execute())
      out.push({
        id: r.id,
        title: r.title,
        level: r.level,
        rankPosition: r.rank_position,
        // PostgreSQL returns numeric columns as strings.
        score: r.score === null ? null : Number(r.score),
        giverName: r.abbreviation ?? r.awarding_body_text,
      });
  }
  return out;
}
