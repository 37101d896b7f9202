import { z } from '@hono/zod-openapi';
import { bandSchema, scaleSchema, scaleVersionSchema } from '../../../domain/grading/index.ts';
import { AWARD_LEVELS, UNIT_TYPES } from '../../../reference/unit-types.ts';
import { isoDate, itemsOf, nullable, oneOf } from './common.ts';

// The reference data the record points at: regions, units, givers, fields and grading scales,
// as services/units.ts, givers.ts, fields.ts and scales/read.ts return them.

const int = () => z.number().int();

export const RegionSchema = z
  .strictObject({
    id: z.number().int().openapi({ example: 3671, description: 'The code as a number: the tenant key' }),
    code: z.string().openapi({ example: '36.71' }),
    name: z.string(),
    kind: z.enum(['kota', 'kabupaten', 'provinsi']),
    foundedOn: isoDate.nullable(),
    emblemUrl: z.string().nullable(),
  })
  .openapi('Region');

export const RegionsSchema = z
  .strictObject({ current: z.string().nullable(), items: z.array(RegionSchema) })
  .openapi('Regions');

export const UnitSchema = z
  .strictObject({
    id: int(),
    name: z.string(),
    shortName: z.string().nullable(),
    unitType: oneOf(UNIT_TYPES),
    parentId: int().nullable(),
    path: z.string().openapi({ description: 'Ids from the root, e.g. /1/10/' }),
    depth: int(),
    active: z.boolean(),
  })
  .openapi('Unit');

export const UnitsSchema = itemsOf(UnitSchema).openapi('Units');

const giverRef = { id: int(), code: z.string(), abbreviation: z.string(), name: z.string() };

export const GiverSchema = z
  .strictObject({
    ...giverRef,
    aliases: z.array(z.string()),
    level: oneOf(AWARD_LEVELS),
    validFrom: isoDate.nullable(),
    validTo: isoDate.nullable(),
    current: z.boolean().openapi({ description: 'Valid today: false for dissolved or renamed bodies' }),
    successor: nullable(giverRef),
  })
  .openapi('Giver');

export const GiversSchema = itemsOf(GiverSchema).openapi('Givers');

export const FieldSchema = z
  .strictObject({
    id: int(),
    code: z.string(),
    name: z.string().openapi({ description: "In the request's language" }),
    nameId: z.string(),
    nameEn: z.string(),
    sortOrder: int(),
    active: z.boolean(),
  })
  .openapi('Field');

export const FieldsSchema = itemsOf(FieldSchema).openapi('Fields');

export const FieldRemovalSchema = z
  .strictObject({ id: int(), outcome: z.enum(['deleted', 'retired']), awardsUsingIt: int() })
  .openapi('FieldRemoval');

// A scale as stored is what an admin submits (domain/grading/schema.ts), plus `builtin`.
const ScaleVersionSchema = z
  .strictObject({ ...scaleVersionSchema.shape, bands: z.array(z.strictObject(bandSchema.shape)) })
  .openapi('ScaleVersion');

export const ScaleSchema = z
  .strictObject({
    ...scaleSchema.shape,
    versions: z.array(ScaleVersionSchema),
    builtin: z.boolean().openapi({ description: 'Shipped with Prestasi (from the rubrics)' }),
  })
  .openapi('Scale');

export const ScalesSchema = itemsOf(ScaleSchema).openapi('Scales');

export const NewScaleResultSchema = z
  .strictObject({ ...ScaleSchema.shape, regraded: z.array(int()) })
  .openapi('NewScaleResult');

export const NewVersionResultSchema = z
  .strictObject({
    scale: ScaleSchema,
    version: ScaleVersionSchema,
    superseded: z.array(z.strictObject({ version: z.string(), validToYear: int() })),
    regraded: z.array(int()).openapi({ description: 'Awards whose grade changed' }),
    unchanged: int(),
  })
  .openapi('NewScaleVersionResult');

export const GradeSchema = z
  .strictObject({
    scale: z.string(),
    version: z.string(),
    code: z.string(),
    label: z.string(),
    zone: z.enum(['hijau', 'kuning', 'merah']).nullable(),
  })
  .openapi('Grade');
