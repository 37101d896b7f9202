import { AWARD_STATES } from '../../db/schema.ts';
import { VALUE_FIELDS, type ValueEntry, type ValueField } from '../../domain/awards/fields.ts';
import { REGION_CODE } from '../../reference/region-codes.ts';
import { AWARD_LEVELS } from '../../reference/unit-types.ts';
import { dbId, dbIdText } from '../ids.ts';
import { z } from '../zod.ts';

// One schema validates API bodies, form posts and imports, and documents the API (OpenAPI).
// Its value fields come from the field catalogue (domain/awards/fields.ts); the references
// (giver, field, unit, team) are named here, since each can be given in more than one way.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD, mis. 2025-05-23')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'Tanggal tidak ada di kalender; periksa hari dan bulan',
    },
  );

const text = (max: number) => z.string().trim().max(max, `Paling banyak ${max} karakter`);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' ? null : (v ?? null)));

/** The zod schema of one value field, from its declaration. */
function valueSchema(f: ValueField): z.ZodType {
  const label = f.label.id;
  switch (f.type) {
    case 'text':
      return f.required ? text(f.max ?? 1000).min(f.min ?? 1, f.message) : optionalText(f.max ?? 1000);
    case 'integer':
    case 'number': {
      let n = f.type === 'integer' ? z.number().int(`${label} harus bilangan bulat`) : z.number().finite();
      if (f.min !== undefined) n = n.min(f.min, `${label} terlalu kecil (paling kecil ${f.min})`);
      if (f.max !== undefined) n = n.max(f.max, `${label} terlalu besar (paling besar ${f.max})`);
      return f.required ? n : n.nullish();
    }
    case 'date':
      return isoDate.nullish();
    case 'boolean':
      // Required booleans have a default (isPublic: yes), so they may be left out.
      return z.boolean().optional();
    case 'choice': {
      const e = z.enum(f.choices as [string, ...string[]], { message: f.message });
      return f.required ? e.optional() : e.nullish();
    }
  }
}

/** The concrete zod type `valueSchema` builds for a declaration, so inputs stay typed. */
type SchemaOf<F> = F extends { type: 'text' }
  ? F extends { required: true }
    ? z.ZodString
    : ReturnType<typeof optionalText>
  : F extends { type: 'integer' | 'number' }
    ? F extends { required: true }
      ? z.ZodNumber
      : z.ZodOptional<z.ZodNullable<z.ZodNumber>>
    : F extends { type: 'date' }
      ? z.ZodOptional<z.ZodNullable<z.ZodString>>
      : F extends { type: 'boolean' }
        ? z.ZodOptional<z.ZodBoolean>
        : F extends { type: 'choice'; choices: readonly (infer C extends string)[] }
          ? F extends { required: true }
            ? z.ZodOptional<z.ZodEnum<{ [k in C]: k }>>
            : z.ZodOptional<z.ZodNullable<z.ZodEnum<{ [k in C]: k }>>>
          : never;

type ValueShape = { [F in ValueEntry as F['key']]: SchemaOf<F> };

const valueShape = Object.fromEntries(VALUE_FIELDS.map((f) => [f.key, valueSchema(f)])) as ValueShape;

export const teamMemberSchema = z
  .object({
    unitId: dbId().nullish(),
    personName: optionalText(200),
    role: optionalText(100),
  })
  .refine((m) => m.unitId || m.personName, { message: 'Anggota tim butuh unitId atau personName' });

/** The references: a giver by id or code, a field by id or code, the unit, the team. */
const referenceShape = {
  awardingBodyId: dbId().nullish(),
  awardingBodyCode: z.string().trim().max(60).nullish(),
  fieldId: dbId().nullish(),
  fieldCode: z.string().trim().max(60).nullish(),
  unitId: dbId().nullish(),
  team: z.array(teamMemberSchema).max(100).optional(),
};

export const awardFields = { ...valueShape, ...referenceShape };

export const createAwardSchema = z.object(awardFields).strict();
export type CreateAwardInput = z.input<typeof createAwardSchema>;
export type CreateAward = z.output<typeof createAwardSchema>;

// A patch: every field optional; `version` guards against lost updates.
export const updateAwardSchema = z
  .object({ ...awardFields, version: z.number().int().positive().optional() })
  .partial()
  .strict();
export type UpdateAward = z.output<typeof updateAwardSchema>;

export const reasonSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(5, 'Alasan wajib diisi (minimal 5 karakter), agar operator tahu apa yang harus diperbaiki')
    .max(2000),
});

export const AWARD_SORTS = ['receivedOn', 'editionYear', 'title', 'createdAt', 'updatedAt', 'score'] as const;

export const listAwardsQuerySchema = z.object({
  region: z.string().trim().regex(REGION_CODE, 'Kode wilayah seperti 36.71').optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  field: z.string().trim().max(60).optional(),
  level: z.enum(AWARD_LEVELS).optional(),
  giver: z.string().trim().max(60).optional(),
  unit: dbIdText().optional(),
  state: z.enum(AWARD_STATES).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(AWARD_SORTS).default('receivedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListAwardsQuery = z.output<typeof listAwardsQuerySchema>;
