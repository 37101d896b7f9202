// zod shapes for a scale version an admin submits (API body, import). Parsing checks types;
// `validateVersion` then checks that the bands tile their range.

import { z } from 'zod';

export const zoneSchema = z.enum(['hijau', 'kuning', 'merah']);

export const bandSchema = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(120).optional(),
  label: z.string().trim().min(1).max(200),
  zone: zoneSchema.nullable().optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  lower: z.number().finite(),
  lowerInclusive: z.boolean(),
  upper: z.number().finite(),
  upperInclusive: z.boolean(),
  ordinal: z.number().int().optional(),
  aliases: z.array(z.string().trim().min(1)).optional(),
});

const year = z.number().int().min(1900).max(2200).nullable();

export const scaleVersionSchema = z.object({
  version: z.string().trim().min(1).max(40),
  title: z.string().max(200).optional(),
  validFromYear: year,
  validToYear: year,
  legalBasis: z.string().trim().min(1).max(500),
  source: z.string().trim().min(1).max(2000),
  precision: z.number().positive().optional(),
  bands: z.array(bandSchema).min(1).max(50),
  notes: z.array(z.string()).optional(),
});

export const scaleSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(60),
  name: z.string().trim().min(1).max(200),
  giverCode: z.string().trim().min(1),
  kind: z.enum(['numeric', 'ordinal']),
  confidence: z.enum(['CONFIRMED', 'CORROBORATED', 'UNCONFIRMED']),
  unit: z.string().optional(),
  versions: z.array(scaleVersionSchema).min(1),
});
