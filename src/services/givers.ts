import type { Kysely } from 'kysely';
import { z } from 'zod';
import { nowIso } from '../db/now.ts';
import type { AwardingBodyRow, Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { AWARD_LEVELS } from '../reference/unit-types.ts';
import { assertAdmin } from './access.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { conflict, type ErrorDetail, invalid, notFound } from './errors.ts';
import { noNul } from './safe-text.ts';

// Awarding bodies (pemberi penghargaan): the look-up behind the award form's giver field,
// and the admin's list. Bodies are renamed and split over time (Kominfo → Komdigi), so each
// carries its validity and successor; nothing is deleted, old awards keep pointing at them.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD, mis. 2024-10-21')
  .refine((s) => {
    // Refinements run even when the regex failed: never let an invalid Date throw here.
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'Tanggal tidak ada di kalender');

const giverFields = {
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'Kode: huruf kecil, angka dan tanda hubung (2–60), mis. "komdigi"'),
  abbreviation: z
    .string()
    .trim()
    .min(1, 'Singkatan wajib diisi')
    .max(60)
    .refine(...noNul),
  name: z
    .string()
    .trim()
    .min(3, 'Nama wajib diisi (minimal 3 karakter)')
    .max(300)
    .refine(...noNul),
  aliases: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(200)
        .refine(...noNul),
    )
    .max(50, 'Paling banyak 50 alias'),
  level: z.enum(AWARD_LEVELS, { message: `Tingkat harus salah satu dari: ${AWARD_LEVELS.join(', ')}` }),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  successorCode: z
    .string()
    .trim()
    .max(60)
    .refine(...noNul)
    .nullable(),
};

export const createGiverSchema = z
  .object({
    ...giverFields,
    aliases: giverFields.aliases.default([]),
    validFrom: giverFields.validFrom.optional(),
    validTo: giverFields.validTo.optional(),
    successorCode: giverFields.successorCode.optional(),
  })
  .strict();
export const updateGiverSchema = z.object(giverFields).omit({ code: true }).partial().strict();
export const listGiversQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .refine(...noNul)
    .optional(),
  /** Only bodies that existed under this name on that date (the award's date received). */
  validOn: isoDate.optional(),
});

export type CreateGiver = z.output<typeof createGiverSchema>;
export type UpdateGiver = z.output<typeof updateGiverSchema>;

export interface Giver {
  id: number;
  code: string;
  abbreviation: string;
  name: string;
  aliases: string[];
  level: string;
  validFrom: string | null;
  validTo: string | null;
  /** Valid today: false for dissolved or renamed bodies. */
  current: boolean;
  successor: { id: number; code: string; abbreviation: string; name: string } | null;
}

/** Letters and digits only, lower case: "KemenPAN-RB" and "kemenpan rb" are the same needle. */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Givers matching `q` through name, abbreviation and aliases, best first: an exact
 * abbreviation or alias, then a prefix, then anywhere. The list is small (tens of rows),
 * so it is filtered here rather than with JSON functions that differ between databases.
 */
export async function listGivers(
  db: Kysely<Database>,
  query: { q?: string; validOn?: string } = {},
): Promise<Giver[]> {
  const rows = await db.selectFrom('awarding_bodies').selectAll().orderBy('abbreviation').execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  let givers = rows.map((r) => toGiver(r, byId));
  if (query.validOn) {
    const on = query.validOn;
    givers = givers.filter((g) => (!g.validFrom || g.validFrom <= on) && (!g.validTo || g.validTo >= on));
  }
  const needle = query.q ? squash(query.q) : '';
  if (!needle) return givers;
  const rank = (g: Giver): number => {
    const names = [g.abbreviation, ...g.aliases, g.name, g.code].map(squash);
    if (names.some((n) => n === needle)) return 0;
    if (names.some((n) => n.startsWith(needle))) return 1;
    if (names.some((n) => n.includes(needle))) return 2;
    return 3;
  };
  return givers
    .map((g) => ({ g, r: rank(g) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || Number(b.g.current) - Number(a.g.current))
    .map((x) => x.g);
}

export async function getGiver(db: Kysely<Database>, id: number): Promise<Giver> {
  const rows = await db.selectFrom('awarding_bodies').selectAll().execute();
  const row = rows.find((r) => r.id === id);
  if (!row) throw notFound('Pemberi penghargaan', id);
  return toGiver(row, new Map(rows.map((r) => [r.id, r])));
}

export async function createGiver(db: Kysely<Database>, actor: Actor, input: CreateGiver): Promise<Giver> {
  assertAdmin(actor);
  const id = await inTransaction(db, async (trx) => {
    if (
      await trx.selectFrom('awarding_bodies').select('id').where('code', '=', input.code).executeTakeFirst()
    )
      throw conflict(`Kode pemberi "${input.code}" sudah dipakai; pilih kode lain atau ubah yang ada.`, [
        { field: 'code', message: 'sudah dipakai' },
      ]);
    const successorId = await resolveSuccessor(trx, input.successorCode ?? null, null);
    checkValidity(input.validFrom ?? null, input.validTo ?? null);
    const row = await trx
      .insertInto('awarding_bodies')
      .values({
        code: input.code,
        abbreviation: input.abbreviation,
        name: input.name,
        aliases: JSON.stringify(input.aliases),
        level: input.level,
        valid_from: input.validFrom ?? null,
        valid_to: input.validTo ?? null,
        successor_id: successorId,
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'awarding_body',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return row.id;
  });
  return getGiver(db, id);
}

export async function updateGiver(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  patch: UpdateGiver,
): Promise<Giver> {
  assertAdmin(actor);
  await inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('awarding_bodies')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('Pemberi penghargaan', id);
    const successorId =
      patch.successorCode === undefined
        ? before.successor_id
        : await resolveSuccessor(trx, patch.successorCode, id);
    checkValidity(
      patch.validFrom === undefined ? before.valid_from : patch.validFrom,
      patch.validTo === undefined ? before.valid_to : patch.validTo,
    );
    const after = await trx
      .updateTable('awarding_bodies')
      .set({
        ...(patch.abbreviation !== undefined ? { abbreviation: patch.abbreviation } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.aliases !== undefined ? { aliases: JSON.stringify(patch.aliases) } : {}),
        ...(patch.level !== undefined ? { level: patch.level } : {}),
        ...(patch.validFrom !== undefined ? { valid_from: patch.validFrom } : {}),
        ...(patch.validTo !== undefined ? { valid_to: patch.validTo } : {}),
        successor_id: successorId,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'awarding_body',
      entityId: id,
      action: 'update',
      before,
      after,
    });
  });
  return getGiver(db, id);
}

function checkValidity(from: string | null, to: string | null): void {
  if (from && to && to < from)
    throw invalid([{ field: 'validTo', message: 'validTo tidak boleh sebelum validFrom' }]);
}

/** The successor must exist, must not be the body itself, and must not lead back to it. */
async function resolveSuccessor(
  trx: Kysely<Database>,
  code: string | null,
  selfId: number | null,
): Promise<number | null> {
  if (!code) return null;
  const rows = await trx.selectFrom('awarding_bodies').select(['id', 'code', 'successor_id']).execute();
  const target = rows.find((r) => r.code === code);
  const problem = (message: string): ErrorDetail[] => [{ field: 'successorCode', message }];
  if (!target) throw invalid(problem(`Pemberi "${code}" tidak ada; pilih kode dari /api/v1/awarding-bodies`));
  const next = new Map(rows.map((r) => [r.id, r.successor_id]));
  for (let at: number | null = target.id, hops = 0; at !== null && hops <= rows.length; hops++) {
    if (at === selfId) throw invalid(problem('Penerus tidak boleh dirinya sendiri atau membentuk lingkaran'));
    at = next.get(at) ?? null;
  }
  return target.id;
}

function toGiver(r: AwardingBodyRow, byId: Map<number, AwardingBodyRow>): Giver {
  const today = nowIso().slice(0, 10);
  const s = r.successor_id ? byId.get(r.successor_id) : undefined;
  return {
    id: r.id,
    code: r.code,
    abbreviation: r.abbreviation,
    name: r.name,
    aliases: parseAliases(r.aliases),
    level: r.level,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    current: (!r.valid_from || r.valid_from <= today) && (!r.valid_to || r.valid_to >= today),
    successor: s ? { id: s.id, code: s.code, abbreviation: s.abbreviation, name: s.name } : null,
  };
}

function parseAliases(text: string): string[] {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
