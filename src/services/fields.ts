import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, FieldRow } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { assertAdmin } from './access.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { conflict, notFound } from './errors.ts';
import { noNul } from './safe-text.ts';

// Fields (bidang) of awards: an admin-editable taxonomy. A field that awards already use is
// retired (hidden from the form, kept for old records and recaps) instead of deleted.

const fieldFields = {
  code: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,59}$/,
      'Kode: huruf kecil, angka dan tanda hubung (2–60), mis. "pariwisata"',
    ),
  nameId: z
    .string()
    .trim()
    .min(2, 'Nama (Bahasa Indonesia) wajib diisi')
    .max(200)
    .refine(...noNul),
  nameEn: z
    .string()
    .trim()
    .min(2, 'Nama (English) wajib diisi')
    .max(200)
    .refine(...noNul),
  sortOrder: z.number().int().min(0).max(100000),
  active: z.boolean(),
};

export const createFieldSchema = z
  .object({ ...fieldFields, sortOrder: fieldFields.sortOrder.optional() })
  .omit({ active: true })
  .strict();
export const updateFieldSchema = z.object(fieldFields).omit({ code: true }).partial().strict();
export const listFieldsQuerySchema = z.object({
  includeRetired: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export type CreateField = z.output<typeof createFieldSchema>;
export type UpdateField = z.output<typeof updateFieldSchema>;

export interface Field {
  id: number;
  code: string;
  /** In the request's language. */
  name: string;
  nameId: string;
  nameEn: string;
  sortOrder: number;
  active: boolean;
}

const toField = (r: FieldRow, locale: string): Field => ({
  id: r.id,
  code: r.code,
  name: locale === 'en' ? r.name_en : r.name_id,
  nameId: r.name_id,
  nameEn: r.name_en,
  sortOrder: r.sort_order,
  active: r.active === 1,
});

export async function listFields(
  db: Kysely<Database>,
  locale: string,
  includeRetired = false,
): Promise<Field[]> {
  let q = db.selectFrom('fields').selectAll().orderBy('sort_order').orderBy('id');
  if (!includeRetired) q = q.where('active', '=', 1);
  return (await q.execute()).map((r) => toField(r, locale));
}

export async function createField(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateField,
  locale: string,
): Promise<Field> {
  assertAdmin(actor);
  return inTransaction(db, async (trx) => {
    if (await trx.selectFrom('fields').select('id').where('code', '=', input.code).executeTakeFirst())
      throw conflict(`Kode bidang "${input.code}" sudah dipakai`, [
        { field: 'code', message: 'sudah dipakai' },
      ]);
    const last = await trx
      .selectFrom('fields')
      .select((eb) => eb.fn.max('sort_order').as('max'))
      .executeTakeFirst();
    const row = await trx
      .insertInto('fields')
      .values({
        code: input.code,
        name_id: input.nameId,
        name_en: input.nameEn,
        sort_order: input.sortOrder ?? Number(last?.max ?? 0) + 10,
        active: 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { entityType: 'field', entityId: row.id, action: 'create', after: row });
    return toField(row, locale);
  });
}

export async function updateField(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  patch: UpdateField,
  locale: string,
): Promise<Field> {
  assertAdmin(actor);
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('fields').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Bidang', id);
    const after = await trx
      .updateTable('fields')
      .set({
        name_id: patch.nameId ?? before.name_id,
        name_en: patch.nameEn ?? before.name_en,
        sort_order: patch.sortOrder ?? before.sort_order,
        active: patch.active === undefined ? before.active : patch.active ? 1 : 0,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { entityType: 'field', entityId: id, action: 'update', before, after });
    return toField(after, locale);
  });
}

/** Deletes an unused field; a field that awards use is retired instead. */
export async function removeField(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
): Promise<{ id: number; outcome: 'deleted' | 'retired'; awardsUsingIt: number }> {
  assertAdmin(actor);
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('fields').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Bidang', id);
    const { n } = await trx
      .selectFrom('awards')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('field_id', '=', id)
      .executeTakeFirstOrThrow();
    const used = Number(n);
    if (used > 0) {
      const after = await trx
        .updateTable('fields')
        .set({ active: 0 })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, { entityType: 'field', entityId: id, action: 'retire', before, after });
      return { id, outcome: 'retired' as const, awardsUsingIt: used };
    }
    await trx.deleteFrom('fields').where('id', '=', id).execute();
    await recordAudit(trx, actor, { entityType: 'field', entityId: id, action: 'delete', before });
    return { id, outcome: 'deleted' as const, awardsUsingIt: 0 };
  });
}
