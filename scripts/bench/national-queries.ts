// The recap queries measured at national scale. Wired to the recap service.
import type { Db } from '../../src/db/database.ts';

export interface NationalQuery {
  key: string;
  label: string;
  targetP95: number;
  runs?: number;
  run(db: Db, region: string, year: number): Promise<unknown>;
}

export const nationalQueries: NationalQuery[] = [];
