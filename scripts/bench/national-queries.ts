// The recap queries measured at national scale, through the real recap service.
import type { Db } from '../../src/db/database.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { recapByField } from '../../src/services/recap/queries.ts';
import { buildRecap } from '../../src/services/recap/recap.ts';

export interface NationalQuery {
  key: string;
  label: string;
  targetP95: number;
  runs?: number;
  run(db: Db, region: string, year: number): Promise<unknown>;
}

export const nationalQueries: NationalQuery[] = [
  {
    key: 'regionRecap',
    label: "one region's yearly recap (all counts, change, cumulative, series)",
    targetP95: 20,
    // What the public showcase and `prestasi recap` ask: verified, public records.
    run: (db, region, year) => buildRecap(db.db, { actor: null, region, year }),
  },
  {
    key: 'nationalRecap',
    label: 'national recap by field for one year',
    targetP95: 500,
    runs: 40,
    run: (db, _region, year) =>
      recapByField(db.db, { regionCode: null, actor: SYSTEM_ACTOR, includeUnverified: false }, year),
  },
];
