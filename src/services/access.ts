import type { AwardState } from '../db/schema.ts';
import { roleLabel } from '../domain/labels.ts';
import type { Actor } from './actor.ts';
import { forbidden } from './errors.ts';

// The rights matrix in one place. Operators work inside their unit subtree; verifikator
// checks; kurator turns news findings into drafts; viewer (pimpinan) reads; admin does all.

export const inSubtree = (actor: Actor, unitPath: string | null) =>
  actor.unitPath !== null && unitPath !== null && unitPath.startsWith(actor.unitPath);

/** May this actor see this award at all? Verified records are visible to every signed-in user. */
export function canReadAward(actor: Actor, award: { state: AwardState; unit_path: string | null }): boolean {
  if (actor.role !== 'operator') return true;
  return award.state === 'verified' || inSubtree(actor, award.unit_path);
}

/** Create or edit the content of an award that belongs to `unitPath`. */
export function assertCanEditFor(actor: Actor, unitPath: string | null): void {
  if (actor.role === 'admin' || actor.role === 'kurator') return;
  if (actor.role === 'operator') {
    if (unitPath === null)
      throw forbidden(
        'Operator harus memilih unit di dalam unitnya sendiri (unitId wajib). Operators must set a unit within their own subtree.',
      );
    if (inSubtree(actor, unitPath)) return;
    throw forbidden(
      'Unit ini di luar wewenang Anda: operator hanya boleh mengisi penghargaan unitnya dan sub-unitnya.',
    );
  }
  throw forbidden(`Peran ${roleLabel('id', actor.role)} tidak boleh mengubah penghargaan.`);
}

export function assertCanVerify(actor: Actor): void {
  if (actor.role === 'admin' || actor.role === 'verifikator') return;
  throw forbidden(
    'Hanya verifikator atau admin yang boleh memverifikasi, mengembalikan atau membuka kembali penghargaan.',
  );
}

export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden('Hanya admin yang boleh melakukan ini (admin only).');
}

export function assertCurator(actor: Actor): void {
  if (actor.role === 'admin' || actor.role === 'kurator') return;
  throw forbidden('Hanya kurator atau admin yang boleh memutuskan temuan berita (curators only).');
}
