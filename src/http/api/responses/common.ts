import { z } from '@hono/zod-openapi';

// Small pieces the response schemas share. Response objects are strict: the document lists
// every property an answer carries, and test/api/openapi-responses.int.test.ts fails when an
// answer holds one the document does not name.

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An object or null. */
export const nullable = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape).nullable();

/** `{ items: [...] }`, the shape of every list without paging. */
export const itemsOf = <S extends z.ZodType>(item: S) => z.strictObject({ items: z.array(item) });

/** `{ items, total }`, a list paged by limit and offset. */
export const pageOf = <S extends z.ZodType>(item: S) =>
  z.strictObject({ items: z.array(item), total: z.number().int() });

/**
 * One of these words. Documented as an enum (and so checked against real answers by the
 * response test) while the service types it as a string it read from the database.
 */
export const oneOf = (values: readonly string[]) => z.string().openapi({ enum: [...values] });

/** One of these words, or null. */
export const oneOfOrNull = (values: readonly string[]) =>
  z
    .string()
    .nullable()
    .openapi({ enum: [...values, null] });
