import { AWARD_LEVELS } from '../../reference/unit-types.ts';
import { dbId, dbIdText } from '../ids.ts';
import { z } from '../zod.ts';

// One schema validates API bodies, form posts and imports, and documents the API (OpenAPI).

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

export const teamMemberSchema = z
  .object({
    unitId: dbId().nullish(),
    personName: optionalText(200),
    role: optionalText(100),
  })
  .refine((m) => m.unitId || m.personName, { message: 'Anggota tim butuh unitId atau personName' });

export const awardFields = {
  title: text(300).min(3, 'Judul penghargaan wajib diisi (minimal 3 karakter)'),
  programme: optionalText(300),
  editionYear: z.number().int().min(1945, 'Tahun edisi terlalu kecil').max(2100, 'Tahun edisi terlalu besar'),
  awardingBodyId: dbId().nullish(),
  awardingBodyCode: z.string().trim().max(60).nullish(),
  awardingBodyText: optionalText(300),
  level: z
    .enum(AWARD_LEVELS, { message: `Tingkat harus salah satu dari: ${AWARD_LEVELS.join(', ')}` })
    .nullish(),
  fieldId: dbId().nullish(),
  fieldCode: z.string().trim().max(60).nullish(),
  category: optionalText(200),
  recipientKind: z
    .enum(['region', 'unit', 'team'], { message: 'recipientKind: region, unit atau team' })
    .optional(),
  unitId: dbId().nullish(),
  recipientNote: optionalText(500),
  team: z.array(teamMemberSchema).max(100).optional(),
  receivedOn: isoDate.nullish(),
  place: optionalText(300),
  rank: optionalText(100),
  rankPosition: z.number().int().min(1).max(10000).nullish(),
  score: z.number().finite().nullish(),
  scaleId: z.string().trim().max(60).nullish(),
  statusLabel: optionalText(100),
  legalBasis: optionalText(300),
  description: optionalText(5000),
  seriesKey: optionalText(200),
  isPublic: z.boolean().optional(),
};

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
  region: z
    .string()
    .trim()
    .regex(/^\d{2}(\.\d{2})?$/, 'Kode wilayah seperti 36.71')
    .optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  field: z.string().trim().max(60).optional(),
  level: z.enum(AWARD_LEVELS).optional(),
  giver: z.string().trim().max(60).optional(),
  unit: dbIdText().optional(),
  state: z.enum(['draft', 'submitted', 'returned', 'verified']).optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(AWARD_SORTS).default('receivedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListAwardsQuery = z.output<typeof listAwardsQuerySchema>;
