import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { type RegionSet, readList } from '../db/region-scope.ts';
import type { Database, Role } from '../db/schema.ts';
import { roleLabel } from '../domain/labels.ts';
import type { Actor } from './actor.ts';
import { forbidden } from './errors.ts';

// The rights matrix in one place. Operators work inside their unit subtree; verifikator
// checks; kurator turns news findings into drafts; viewer (pimpinan) reads; admin does all.

// Which roles may ever do each kind of change. The HTTP layer checks these before it reads a
// request body (so a viewer never learns the body's validation rules); the services check them
// again together with the unit scope, which needs the record.
export const EDIT_ROLES: readonly Role[] = ['admin', 'kurator', 'operator'];
export const VERIFY_ROLES: readonly Role[] = ['admin', 'verifikator'];
export const CURATOR_ROLES: readonly Role[] = ['admin', 'kurator'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];
export const IMPORT_ROLES: readonly Role[] = ['admin', 'verifikator', 'operator', 'kurator'];

export const inSubtree = (actor: Actor, unitPath: string | null) =>
  actor.unitPath !== null && (unitPath?.startsWith(actor.unitPath) ?? false);

/** Who reads: a signed-in actor, or null for the public. */
export type Reader = Actor | null;

/**
 * The one rule of what a reader may see, as a WHERE on `awards`: the public sees verified,
 * public records; an operator sees every verified record plus anything of their own unit
 * subtree; every other signed-in role sees everything. Every list, page, recap, export and
 * showcase query starts from `readableAwards` (or adds `readableBy`), so no path can differ.
 */
export function readableBy(reader: Reader) {
  return (eb: ExpressionBuilder<Database, 'awards'>): Expression<SqlBool> => {
    if (reader === null) return eb.and([eb('awards.state', '=', 'verified'), eb('awards.is_public', '=', 1)]);
    // A signed-in reader sees its own regions only (a province its kabupaten/kota, the nation all).
    const list = readList(reader.readRegionIds);
    const regions = list === null ? [] : [eb('awards.region_id', 'in', list)];
    if (reader.role === 'operator')
      return eb.and([
        ...regions,
        eb.or([
          eb('awards.state', '=', 'verified'),
          eb('awards.unit_path', 'like', `${reader.unitPath ?? '/none/'}%`),
        ]),
      ]);
    return eb.and(regions);
  };
}

/**
 * The regions a reader's queries are confined to (src/db/region-scope.ts, and on PostgreSQL the
 * row-level security of migration 010): a user reads its readable regions and writes its own;
 * the public reads every region (readableBy keeps it to verified, public records) and writes none.
 */
export function regionSetOf(reader: Reader): RegionSet {
  return reader ? { read: reader.readRegionIds, write: reader.regionId } : { read: null, write: null };
}

/** The awards a reader may see; add filters, columns and order. */
export function readableAwards(db: Kysely<Database>, reader: Reader) {
  return db.selectFrom('awards').where(readableBy(reader));
}

/** Create or edit the content of an award that belongs to `unitPath`. */
export function assertCanEditFor(actor: Actor, unitPath: string | null): void {
  if (!EDIT_ROLES.includes(actor.role))
    throw forbidden(`Peran ${roleLabel('id', actor.role)} tidak boleh mengubah penghargaan.`);
  if (actor.role === 'operator') {
    if (unitPath === null)
      throw forbidden('Operator harus memilih unit penerima di dalam unitnya sendiri atau sub-unitnya.');
    if (inSubtree(actor, unitPath)) return;
    throw forbidden(
      'Unit ini di luar wewenang Anda: operator hanya boleh mengisi penghargaan unitnya dan sub-unitnya.',
    );
  }
}

export function assertCanVerify(actor: Actor): void {
  if (VERIFY_ROLES.includes(actor.role)) return;
  throw forbidden(
    'Hanya verifikator atau admin yang boleh memverifikasi, mengembalikan atau membuka kembali penghargaan.',
  );
}

/**
 * Every write path: the record's region must be the actor's own. Reading roles across regions
 * (provinsi, nasional) never write; the system actor (CLI admin, demo, watcher) writes anywhere.
 */
export function assertOwnRegion(actor: Actor, regionId: number): void {
  if (actor.regionId === null && actor.id === null) return;
  if (actor.regionId === regionId) return;
  throw forbidden('Data ini milik wilayah lain: Anda hanya boleh mengubah data wilayah Anda sendiri.');
}

export function assertAdmin(actor: Actor): void {
  if (!ADMIN_ROLES.includes(actor.role)) throw forbidden('Hanya admin yang boleh melakukan ini.');
}

export function assertCurator(actor: Actor): void {
  if (CURATOR_ROLES.includes(actor.role)) return;
  throw forbidden('Hanya kurator berita atau admin yang boleh memutuskan temuan berita.');
}
