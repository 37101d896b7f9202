import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { regionCodeOf } from '../domain/region-code.ts';
import { allRegions } from '../extract/regions/data.ts';
import type { Actor } from './actor.ts';
import { invalid } from './errors.ts';
import { createRegion, getRegion, type Region } from './units.ts';

/**
 * The region a write goes to when nothing else says it: the actor's own, else (the system
 * actor, in a single-region install) the first region, as before regions were tenants.
 */
export async function writeRegionId(db: Kysely<Database>, actor: Actor): Promise<number> {
  if (actor.regionId !== null) return actor.regionId;
  const first = await getRegion(db);
  if (!first)
    throw invalid([
      {
        field: 'region',
        message:
          'Belum ada wilayah (pemda); jalankan `prestasi region add --code 36.71` atau `prestasi demo` dulu',
      },
    ]);
  return first.id;
}

/**
 * Adds a region from the national gazetteer (name, kind, province from its Kemendagri code);
 * the founding date is not in the gazetteer and is given when known.
 */
export async function addRegionFromGazetteer(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  foundedOn: string | null = null,
): Promise<Region> {
  const entry = allRegions().find((r) => r.code === code.trim());
  if (!entry)
    throw invalid([
      {
        field: 'code',
        message: `Kode wilayah "${code}" tidak ada di daftar Kemendagri; contoh: 36.71 (Kota Tangerang), 36.03 (Kabupaten Tangerang), 36 (Provinsi Banten)`,
      },
    ]);
  if (foundedOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(foundedOn))
    throw invalid([{ field: 'foundedOn', message: 'Tanggal berdiri ditulis YYYY-MM-DD, mis. 1993-02-28' }]);
  const region: Region = { code: entry.code, name: entry.name, kind: entry.kind, foundedOn };
  await createRegion(db, actor, region);
  return region;
}

/** The region a page or recap opens on: the signed-in actor's own, else (the public) the first. */
export const actorRegionCode = (actor: Actor | null): string | undefined =>
  actor?.regionId != null ? regionCodeOf(actor.regionId) : undefined;
