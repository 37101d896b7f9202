import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { regionCodeOf } from '../../domain/region-code.ts';
import { readableAwards } from '../access.ts';
import { getRegion } from '../units.ts';

/** Who the showcase speaks for: the configured name and emblem, else the region's. */
export interface Site {
  name: string;
  regionCode: string | null;
  regionName: string | null;
  regionKind: 'kota' | 'kabupaten' | 'provinsi' | null;
  foundedOn: string | null;
  emblemUrl: string | null;
}

/**
 * The site of one region (`code`), or of the first region when no code is given (a
 * single-region install at the root). The configured name and emblem (SITE_NAME, EMBLEM_URL)
 * speak for the installation, so they apply only when it keeps one region; in a deployment of
 * many, each region's showcase carries the region's own name and emblem. Null: no such region.
 */
export async function loadSite(
  db: Kysely<Database>,
  config: Pick<Config, 'siteName' | 'emblemUrl'>,
  code?: string,
): Promise<Site | null> {
  const region = await getRegion(db, code);
  if (code !== undefined && !region) return null;
  const single = code === undefined || (await regionCount(db)) <= 1;
  const regionName = region?.name ?? null;
  return {
    name: (single ? config.siteName : undefined) ?? (regionName ? `Pemerintah ${regionName}` : 'Prestasi'),
    regionCode: region?.code ?? null,
    regionName,
    regionKind: region?.kind ?? null,
    foundedOn: region?.foundedOn ?? null,
    emblemUrl: (single ? config.emblemUrl : undefined) ?? region?.emblemUrl ?? null,
  };
}

/** How many regions the deployment keeps: one means the root is that region's showcase. */
export async function regionCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The region of a public award or an active unit, to move an old root link to its region's page. */
export async function publicRegionOf(
  db: Kysely<Database>,
  kind: 'award' | 'unit',
  id: number,
): Promise<string | null> {
  const row =
    kind === 'unit'
      ? await db
          .selectFrom('org_units')
          .select('region_id')
          .where('id', '=', id)
          .where('active', '=', 1)
          .executeTakeFirst()
      : await readableAwards(db, null)
          .select('awards.region_id')
          .where('awards.id', '=', id)
          .executeTakeFirst();
  return row ? regionCodeOf(row.region_id) : null;
}
