import type { Kysely } from 'kysely';
import { nowIso } from '../../db/now.ts';
import type { AwardRow, AwardState, Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { assertCanEditFor, assertCanVerify, assertOwnRegion } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';

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

/**
 * Four eyes: whoever created, edited or submitted a record may not verify it — admins included,
 * who could otherwise enter, submit and verify alone. Only the system actor (CLI batch jobs,
 * demo seed), which has no person behind it, is exempt.
 */
async function assertNotOwnEntry(trx: Kysely<Database>, actor: Actor, award: AwardRow): Promise<void> {
  if (actor.id === null) return;
  const took =
    award.created_by === actor.id ||
    (await trx
      .selectFrom('audit_events')
      .select('id')
      .where('entity_type', '=', 'award')
      .where('entity_id', '=', String(award.id))
      .where('actor_id', '=', actor.id)
      .where('action', 'in', ['create', 'update', 'submit'])
      .executeTakeFirst()) !== undefined;
  if (took)
    throw forbidden(
      'Anda ikut mengisi atau mengajukan penghargaan ini, jadi tidak boleh memverifikasinya sendiri: minta verifikator lain (you took part in this entry; another person must verify it).',
    );
}

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
    assertOwnRegion(actor, before.region_id);
    if (s === 'submit') assertCanEditFor(actor, before.unit_path);
    else assertCanVerify(actor);
    if (!FROM[s].includes(before.state))
      throw conflict(`Tidak bisa "${s}" dari status "${before.state}". ${HINT[s]}`, [
        { field: 'state', message: before.state },
      ]);
    if (s === 'verify') await assertNotOwnEntry(trx, actor, before);
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
    await recordAudit(trx, actor, {
      entityType: 'award',
      entityId: id,
      action: s,
      before,
      after,
      reason,
      regionId: before.region_id,
    });
    return after;
  });
}
