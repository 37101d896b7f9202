import { z } from '@hono/zod-openapi';
import { AWARD_STATES } from '../../../db/schema.ts';
import { type AwardValues, VALUE_FIELDS, type ValueField } from '../../../domain/awards/fields.ts';
import { isoDate, itemsOf, nullable } from './common.ts';

// The award as the API answers it. Its value fields come from the field catalogue
// (domain/awards/fields.ts), so a field added there is documented here without a line of code;
// the rest mirrors services/awards/model.ts `Award`, which the compiler holds the handlers to.

/** The response schema of one value field: its type, null when it is optional. */
function valueOut(f: ValueField): z.ZodType {
  const base =
    f.type === 'text'
      ? z.string()
      : f.type === 'integer'
        ? z.number().int()
        : f.type === 'number'
          ? z.number()
          : f.type === 'date'
            ? isoDate
            : f.type === 'boolean'
              ? z.boolean()
              : z.enum(f.choices as [string, ...string[]]);
  return (f.required ? base : base.nullable()).openapi({ description: f.label.en });
}

const valueShape = Object.fromEntries(VALUE_FIELDS.map((f) => [f.key, valueOut(f)])) as {
  [K in keyof AwardValues]: z.ZodType<AwardValues[K]>;
};

const named = { id: z.number().int(), code: z.string() };

export const TeamMemberSchema = z.strictObject({
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  personName: z.string().nullable(),
  role: z.string().nullable(),
});

export const AwardSchema = z
  .strictObject({
    id: z.number().int(),
    regionCode: z.string(),
    ...valueShape,
    awardingBody: nullable({ ...named, abbreviation: z.string(), name: z.string() }),
    field: nullable({ ...named, name: z.string() }),
    unit: nullable({ id: z.number().int(), name: z.string(), shortName: z.string().nullable() }),
    team: z.array(TeamMemberSchema),
    scaleVersion: z.string().nullable(),
    grade: nullable({ code: z.string(), label: z.string(), zone: z.string().nullable() }),
    state: z.enum(AWARD_STATES),
    returnReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    verifiedAt: z.string().nullable(),
  })
  .openapi('Award');

export const EvidenceSchema = z
  .strictObject({
    id: z.number().int(),
    kind: z.enum(['file', 'link', 'article']),
    url: z.string().nullable(),
    fileName: z.string().nullable(),
    mediaType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    caption: z.string().nullable(),
    quote: z.string().nullable(),
    articleId: z.number().int().nullable(),
    article: nullable({
      title: z.string().nullable(),
      outlet: z.string().nullable(),
      publishedOn: z.string().nullable(),
      url: z.string().nullable(),
    }).optional(),
    createdAt: z.string(),
  })
  .openapi('Evidence');

export const AwardDetailSchema = z
  .strictObject({ ...AwardSchema.shape, evidence: z.array(EvidenceSchema) })
  .openapi('AwardDetail');

export const AwardPageSchema = z
  .strictObject({
    items: z.array(AwardSchema),
    total: z.number().int().openapi({ description: 'Matches, counted up to 10,000 (see totalExact)' }),
    totalExact: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('AwardPage');

export const AuditEventsSchema = itemsOf(
  z.strictObject({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    reason: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  }),
).openapi('AuditEvents');

export const EvidenceListSchema = itemsOf(EvidenceSchema);

/** The JSON export: the awards as the API shows them, with the filters that chose them. */
export const AwardsExportSchema = z
  .strictObject({
    exportedAt: z.string(),
    filters: z.looseObject({}),
    count: z.number().int(),
    items: z.array(AwardSchema),
  })
  .openapi('AwardsExport');
