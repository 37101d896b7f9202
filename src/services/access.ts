import type { AwardState, Role } from '../db/schema.ts';
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
  actor.unitPath !== null && unitPath !== null && unitPath.startsWith(actor.unitPath);

/** May this actor see this award at all? Verified records are visible to every signed-in user. */
export function canReadAward(actor: Actor, award: { state: AwardState; unit_path: string | null }): boolean {
  if (actor.role !== 'operator') return true;
  return award.state === 'verified' || inSubtree(actor, award.unit_path);
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

export function assertAdmin(actor: Actor): void {
  if (!ADMIN_ROLES.includes(actor.role)) throw forbidden('Hanya admin yang boleh melakukan ini.');
}

export function assertCurator(actor: Actor): void {
  if (CURATOR_ROLES.includes(actor.role)) return;
  throw forbidden('Hanya kurator berita atau admin yang boleh memutuskan temuan berita.');
}
