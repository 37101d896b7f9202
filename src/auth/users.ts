import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { nowIso } from '../db/now.ts';
import type { Database, Role, UserRow } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { type Actor, ROLES, SYSTEM_ACTOR } from '../services/actor.ts';
import { recordAudit } from '../services/audit.ts';
import { conflict, forbidden, invalid } from '../services/errors.ts';
import { writeRegionId } from '../services/regions.ts';

// Who a user acts as lives in actor.ts, which signing in loads without the rest of this file.
export { actorFor, readableRegionIds } from './actor.ts';

import { hashPassword, passwordProblem } from './passwords.ts';
import { newSecret, sha256 } from './secrets.ts';

export interface NewUser {
  email: string;
  name?: string;
  role: Role;
  unitId?: number | null;
  password?: string | null;
  /** The user's region; else the unit's, else the creating admin's (or the first region). */
  regionId?: number | null;
}

export async function createUser(
  db: Kysely<Database>,
  input: NewUser,
  by: Actor = SYSTEM_ACTOR,
): Promise<UserRow> {
  const email = input.email.trim().toLowerCase();
  const problems = [];
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    problems.push({ field: 'email', message: 'Email tidak valid' });
  if (!ROLES.includes(input.role))
    problems.push({ field: 'role', message: `Peran harus salah satu dari: ${ROLES.join(', ')}` });
  if (input.role === 'operator' && !input.unitId)
    problems.push({
      field: 'unitId',
      message: 'Operator wajib punya unit (--unit ID): haknya terbatas pada unit itu dan sub-unitnya',
    });
  const pwProblem = input.password ? passwordProblem(input.password) : null;
  if (pwProblem) problems.push({ field: 'password', message: pwProblem });
  let regionId = input.regionId ?? null;
  if (input.unitId) {
    const unit = await db
      .selectFrom('org_units')
      .select(['id', 'region_id'])
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (!unit) problems.push({ field: 'unitId', message: `Unit ${input.unitId} tidak ada` });
    else if (regionId !== null && unit.region_id !== regionId)
      problems.push({ field: 'unitId', message: `Unit ${input.unitId} ada di wilayah lain` });
    else regionId = unit.region_id;
  }
  if (
    regionId !== null &&
    !(await db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst())
  )
    problems.push({
      field: 'region',
      message: 'Wilayah itu belum ada; tambahkan dulu dengan `prestasi region add`',
    });
  if (problems.length) throw invalid(problems);
  regionId ??= await writeRegionId(db, by);
  // An admin adds users to their own region only (the system adds them anywhere).
  if (by.regionId !== null && by.regionId !== regionId)
    throw forbidden('Admin hanya boleh menambah pengguna di wilayahnya sendiri.');
  assertMayGrant(by, input.role);
  if (await emailTaken(db, email)) throw conflict(`Email ${email} sudah terdaftar`);
  return inTransaction(db, async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        region_id: regionId,
        email,
        name: input.name?.trim() || email.split('@')[0],
        role: input.role,
        unit_id: input.unitId ?? null,
        password_hash: input.password ? await hashPassword(input.password) : null,
        active: 1,
        locale: 'id',
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const { password_hash: _omit, ...visible } = user;
    await recordAudit(trx, by, {
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      after: visible,
      regionId,
    });
    return user;
  });
}

/**
 * The readers across regions (provinsi, nasional) are granted by the operator of the
 * deployment (the CLI), never by a region's admin: that would open other regions to it.
 */
export function assertMayGrant(by: Actor, role: Role): void {
  if (by.id !== null && CROSS_REGION_ROLES.includes(role))
    throw forbidden(
      'Peran provinsi dan nasional hanya diberikan lewat `prestasi user add` oleh pengelola server.',
    );
}
const CROSS_REGION_ROLES: readonly Role[] = ['provinsi', 'nasional'];

/**
 * Whether any region has a user with this e-mail: sign-in is by e-mail alone, so it is unique
 * across regions although the key (Citus-ready) only makes it unique within one. Asked past the
 * region scope on purpose: raw SQL (the query layer does not rewrite it) and, on PostgreSQL, a
 * SECURITY DEFINER function of migration 010 (row security would hide other regions' users).
 */
async function emailTaken(db: Kysely<Database>, email: string): Promise<boolean> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const r = await sql<{ taken: boolean }>`select prestasi_email_taken(${email}) as taken`.execute(db);
    return r.rows[0]?.taken === true;
  }
  // region-scope: every region on purpose (an e-mail signs in alone, so it is unique nationally).
  const r = await sql`select 1 from users where email = ${email}`.execute(db);
  return r.rows.length > 0;
}

/** Creates an API token; returns the clear token once (only its hash is stored). */
export async function createApiToken(
  db: Kysely<Database>,
  userId: number,
  name = 'cli',
  by: Actor = SYSTEM_ACTOR,
): Promise<string> {
  const token = newSecret('prs_');
  await inTransaction(db, async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('region_id')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw invalid([{ field: 'user', message: `Pengguna ${userId} tidak ada` }]);
    const row = await trx
      .insertInto('api_tokens')
      .values({
        region_id: user.region_id,
        user_id: userId,
        name,
        token_hash: sha256(token),
        created_at: nowIso(),
        last_used_at: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, by, {
      entityType: 'api_token',
      entityId: row.id,
      action: 'create',
      after: { userId, name },
      regionId: user.region_id,
    });
  });
  return token;
}

/** The account with this email (as typed: case and spaces do not matter), active or not. */
export function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}
