import type { Kysely } from 'kysely';
import { nowIso } from '../../db/now.ts';
import type { AwardRow, AwardState, Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { assertCanEditFor, assertCanVerify } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { conflict, invalid, notFound } from '../errors.ts';

// draft → submitted → verified; submitted → returned (with a reason) → submitted again;
// verified → returned only by reopening (with a reason). Every step is audited.

type Step = 'submit' | 'return' | 'verify' | 'reopen';

const FROM: Record<Step, AwardState[]> = {
  submit: ['draft', 'returned'],
  return: ['submitted'],
  verify: ['submitted'],
  reopen: ['verified'],
};

const HINT: Record<Step, string> = {
  submit: 'Hanya draf atau yang dikembalikan yang bisa diajukan.',
  return: 'Hanya penghargaan yang sedang diajukan yang bisa dikembalikan.',
  verify: 'Hanya penghargaan yang sedang diajukan yang bisa diverifikasi; ajukan dulu.',
  reopen: 'Hanya penghargaan terverifikasi yang bisa dibuka kembali.',
};

export const submitAward = (db: Kysely<Database>, actor: Actor, id: number) =>
  step(db, actor, id, 'submit', null);
export const verifyAward = (db: Kysely<Database>, actor: Actor, id: number) =>
  step(db, actor, id, 'verify', null);
export const returnAward = (db: Kysely<Database>, actor: Actor, id: number, reason: string) =>
  step(db, actor, id, 'return', reason);
export const reopenAward = (db: Kysely<Database>, actor: Actor, id: number, reason: string) =>
  step(db, actor, id, 'reopen', reason);

async function step(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  s: Step,
  reason: string | null,
): Promise<AwardRow> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('awards').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Penghargaan', id);
    if (s === 'submit') assertCanEditFor(actor, before.unit_path);
    else assertCanVerify(actor);
    if (!FROM[s].includes(before.state))
      throw conflict(`Tidak bisa "${s}" dari status "${before.state}". ${HINT[s]}`, [
        { field: 'state', message: before.state },
      ]);
    if ((s === 'return' || s === 'reopen') && (!reason || reason.trim().length < 5))
      throw invalid([{ field: 'reason', message: 'Alasan wajib diisi (minimal 5 karakter)' }]);
    const now = nowIso();
    const changes =
      s === 'submit'
        ? { state: 'submitted' as const, submitted_at: now }
        : s === 'verify'
          ? { state: 'verified' as const, verified_at: now, verified_by: actor.id, return_reason: null }
          : { state: 'returned' as const, return_reason: reason, verified_at: null, verified_by: null };
    const after = await trx
      .updateTable('awards')
      .set({ ...changes, version: before.version + 1, updated_by: actor.id, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw conflict('Penghargaan baru saja diubah orang lain; muat ulang lalu ulangi.');
    await recordAudit(trx, actor, { entityType: 'award', entityId: id, action: s, before, after, reason });
    return after;
  });
}
