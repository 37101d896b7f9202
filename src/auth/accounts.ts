import type { Kysely } from 'kysely';
import { z } from 'zod';
import { nowIso } from '../db/now.ts';
import type { Database, UserRow } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { assertAdmin } from '../services/access.ts';
import { type Actor, ROLES } from '../services/actor.ts';
import { recordAudit } from '../services/audit.ts';
import { conflict, invalid, notFound } from '../services/errors.ts';
import { dbId } from '../services/ids.ts';
import { noNul } from '../services/safe-text.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { sha256 } from './secrets.ts';
import { assertMayGrant, createApiToken, createUser } from './users.ts';

// People: the admin's user list (role, unit, active, password reset) and each user's own
// API tokens. Password hashes and token hashes never leave this module.

const role = z.enum(ROLES, { message: `Peran: ${ROLES.join(', ')}` });
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter`)
  .max(200, 'Kata sandi paling banyak 200 karakter');

export const createUserSchema = z
  .object({
    email: z
      .string()
      .trim()
      .max(200)
      .refine(...noNul),
    name: z
      .string()
      .trim()
      .max(200)
      .refine(...noNul)
      .optional(),
    role,
    unitId: dbId().nullish(),
    password: password.optional(),
  })
  .strict();

export const updateUserSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine(...noNul),
    role,
    unitId: dbId().nullable(),
    active: z.boolean(),
    /** Sets a new password and signs the user out everywhere. */
    password,
  })
  .partial()
  .strict();

export const createTokenSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Beri nama token, mis. "skrip impor"')
      .max(100)
      .refine(...noNul),
  })
  .strict();

export interface UserView {
  id: number;
  email: string;
  name: string;
  role: string;
  unitId: number | null;
  active: boolean;
  hasPassword: boolean;
  createdAt: string;
}

const toView = (u: UserRow): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  unitId: u.unit_id,
  active: u.active === 1,
  hasPassword: u.password_hash !== null,
  createdAt: u.created_at,
});

/** What the audit log keeps of a user: everything but the password hash. */
const auditable = ({ password_hash, ...rest }: UserRow) => ({ ...rest, hasPassword: password_hash !== null });

export async function listUsers(db: Kysely<Database>, actor: Actor): Promise<UserView[]> {
  assertAdmin(actor);
  return (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(toView);
}

export async function adminCreateUser(
  db: Kysely<Database>,
  actor: Actor,
  input: z.output<typeof createUserSchema>,
): Promise<UserView> {
  assertAdmin(actor);
  return toView(await createUser(db, input, actor));
}

export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  patch: z.output<typeof updateUserSchema>,
): Promise<UserView> {
  assertAdmin(actor);
  const newHash = patch.password ? await hashPassword(patch.password) : undefined;
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Pengguna', id);
    const role = patch.role ?? before.role;
    if (patch.role !== undefined) assertMayGrant(actor, patch.role);
    const unitId = patch.unitId === undefined ? before.unit_id : patch.unitId;
    if (role === 'operator' && !unitId)
      throw invalid([
        { field: 'unitId', message: 'Operator wajib punya unit: haknya terbatas pada unit itu' },
      ]);
    if (
      unitId &&
      !(await trx.selectFrom('org_units').select('id').where('id', '=', unitId).executeTakeFirst())
    )
      throw invalid([{ field: 'unitId', message: `Unit ${unitId} tidak ada; pilih dari /api/v1/units` }]);
    // An admin cannot lock themselves out; another admin has to do it.
    if (id === actor.id && (patch.active === false || (patch.role && patch.role !== 'admin')))
      throw conflict('Anda tidak bisa menonaktifkan atau menurunkan peran akun Anda sendiri.');
    const after = await trx
      .updateTable('users')
      .set({
        name: patch.name ?? before.name,
        role,
        unit_id: unitId,
        active: patch.active === undefined ? before.active : patch.active ? 1 : 0,
        ...(newHash ? { password_hash: newHash } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A reset password, a deactivation or a reactivation starts a new credential generation:
    // the sessions and API tokens issued before it end (a token leaked with the old password, or
    // kept by someone who left, must not come back to life when the account does).
    const newGeneration = Boolean(newHash) || after.active !== before.active;
    let tokensRevoked = 0;
    if (newGeneration) {
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      const revoked = await trx
        .updateTable('api_tokens')
        .set({ revoked_at: nowIso() })
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      tokensRevoked = Number(revoked.numUpdatedRows);
    }
    const { password: _pw, ...visiblePatch } = patch;
    await recordAudit(trx, actor, {
      entityType: 'user',
      entityId: id,
      action: newHash && Object.keys(visiblePatch).length === 0 ? 'password_reset' : 'update',
      before: auditable(before),
      after: {
        ...auditable(after),
        ...(newHash ? { passwordReset: true } : {}),
        ...(tokensRevoked ? { apiTokensRevoked: tokensRevoked } : {}),
      },
    });
    return toView(after);
  });
}

export interface TokenView {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listOwnTokens(db: Kysely<Database>, actor: Actor): Promise<TokenView[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', ownId(actor))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Creates a token for the caller; the clear token is in this answer only. */
export async function createOwnToken(
  db: Kysely<Database>,
  actor: Actor,
  name: string,
): Promise<TokenView & { token: string }> {
  const token = await createApiToken(db, ownId(actor), name, actor);
  const row = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: null, revokedAt: null, token };
}

export async function revokeOwnToken(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .select(['id', 'name', 'user_id', 'revoked_at'])
      .where('id', '=', id)
      .where('user_id', '=', ownId(actor))
      .executeTakeFirst();
    // Someone else's token is "not found": its existence is none of the caller's business.
    if (!row) throw notFound('Token', id);
    if (row.revoked_at) throw conflict('Token ini sudah dicabut.');
    const at = nowIso();
    await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      entityType: 'api_token',
      entityId: id,
      action: 'revoke',
      before: { userId: row.user_id, name: row.name, revokedAt: null },
      after: { userId: row.user_id, name: row.name, revokedAt: at },
    });
  });
}

function ownId(actor: Actor): number {
  if (actor.id === null)
    throw invalid([{ message: 'Token hanya untuk pengguna yang masuk (not for system)' }]);
  return actor.id;
}
