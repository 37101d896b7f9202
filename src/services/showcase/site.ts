import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { getRegion } from '../units.ts';

/** Who the showcase speaks for: the configured name and emblem, else the region's. */
export interface Site {
  name: string;
  regionCode: string | null;
  regionName: string | null;
  foundedOn: string | null;
  emblemUrl: string | null;
}

export async function loadSite(
  db: Kysely<Database>,
  config: Pick<Config, 'siteName' | 'emblemUrl'>,
): Promise<Site> {
  const region = await getRegion(db);
  const regionName = region?.name ?? null;
  return {
    name: config.siteName ?? (regionName ? `Pemerintah ${regionName}` : 'Prestasi'),
    regionCode: region?.code ?? null,
    regionName,
    foundedOn: region?.foundedOn ?? null,
    emblemUrl: config.emblemUrl ?? region?.emblemUrl ?? null,
  };
}
