import { z } from '@hono/zod-openapi';
import { ErrorSchema } from '../openapi.ts';

// The import report (services/imports/run.ts): what was read, what was (or would be) written,
// and every problem with its row, column and a fix.

const int = () => z.number().int();

export const ImportReportSchema = z
  .strictObject({
    fileName: z.string(),
    format: z.enum(['xlsx', 'csv']),
    dryRun: z.boolean(),
    state: z.enum(['draft', 'verified']),
    rows: int().openapi({ description: 'Data rows in the file' }),
    created: int().openapi({ description: 'Records written (0 on a dry run or with problems)' }),
    ready: int().openapi({ description: 'Rows that would be written: new and without problems' }),
    skipped: int(),
    skippedRows: z.array(z.strictObject({ row: int(), reason: z.string() })),
    problems: z.array(
      z.strictObject({
        row: int(),
        column: z.string().nullable().openapi({ description: 'Spreadsheet column letter, e.g. D' }),
        header: z.string().nullable(),
        value: z.string().nullable(),
        message: z.string(),
      }),
    ),
    problemsNotListed: int(),
    notes: z.array(z.string()),
    readRows: z.array(
      z.strictObject({
        row: int(),
        title: z.string(),
        unit: z.string().nullable(),
        giver: z.string().nullable(),
        field: z.string().nullable(),
        year: int(),
        date: z.string().nullable(),
        yearFrom: z.enum(['column', 'title', 'date']),
        scale: z.string().nullable(),
        grade: z.string().nullable(),
      }),
    ),
    batchId: int().nullable(),
  })
  .openapi('ImportReport');

/** A refused import: the report (nothing written) with the error every API error carries. */
export const ImportRefusedSchema = z
  .strictObject({ ...ImportReportSchema.shape, ...ErrorSchema.shape })
  .openapi('ImportRefused');
