import type { Kysely } from 'kysely';
import { nowIso } from '../db/now.ts';
import type { Database, Role, UserRow } from '../db/schema.ts';
import { type Actor, ROLES, SYSTEM_ACTOR } from '../services/actor.ts';
import { recordAudit } from '../services/audit.ts';
import { conflict, invalid } from '../services/errors.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { newSecret, sha256 } from './secrets.ts';

export interface NewUser {
  email: string;
  name?: string;
  role: Role;
  unitId?: number | null;
  password?: string | null;
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
  if (input.unitId) {
    const unit = await db
      .selectFrom('org_units')
      .select('id')
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (!unit) problems.push({ field: 'unitId', message: `Unit ${input.unitId} tidak ada` });
  }
  if (problems.length) throw invalid(problems);
  const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw conflict(`Email ${email} sudah terdaftar`);
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
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
    await recordAudit(trx, by, { entityType: 'user', entityId: user.id, action: 'create', after: visible });
    return user;
  });
}

/** Creates an API token; returns the clear token once (only its hash is stored). */
export async function createApiToken(
  db: Kysely<Database>,
  userId: number,
  name = 'cli',
  by: Actor = SYSTEM_ACTOR,
): Promise<string> {
  const token = newSecret('prs_');
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
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
    });
  });
  return token;
}

/** The Actor for a user row, with its unit path for scope checks. */
export async function actorFor(db: Kysely<Database>, user: UserRow): Promise<Actor> {
  let unitPath: string | null = null;
  if (user.unit_id) {
    const unit = await db
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', user.unit_id)
      .executeTakeFirst();
    unitPath = unit?.path ?? null;
  }
  return { id: user.id, label: user.email, role: user.role, unitId: user.unit_id, unitPath };
}

/** The account with this email (as typed: case and spaces do not matter), active or not. */
export function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}
