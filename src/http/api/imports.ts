import { createRoute, z } from '@hono/zod-openapi';
import { IMPORT_ROLES } from '../../services/access.ts';
import { AppError } from '../../services/errors.ts';
import { describeProblem, importAwards } from '../../services/imports/run.ts';
import { templateCsv, templateXlsx } from '../../services/imports/template.ts';
import { requireActor } from '../auth/session.ts';
import {
  apiRouter,
  errorOf,
  errorResponses,
  fileErrorResponses,
  flag,
  guardedRoute,
  jsonOk,
} from './openapi.ts';
import { ImportRefusedSchema, ImportReportSchema } from './responses/imports.ts';

// /api/v1/imports: upload an award spreadsheet (multipart field `file`), dry run or for real,
// and download the template. The report lists every problem with row, column and a fix.

const tags = ['imports'];

const MAX_ROWS = 50_000;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importRoutes() {
  const app = apiRouter();

  app.openapi(
    guardedRoute(IMPORT_ROLES, {
      method: 'post',
      path: '/imports',
      tags,
      summary: 'Import awards from .xlsx or .csv (all-or-nothing; `dryRun=true` only checks)',
      request: {
        query: z.object({ dryRun: flag, verified: flag }),
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
          required: true,
        },
      },
      responses: {
        ...jsonOk('The report: on a dry run, what would be written and every problem', ImportReportSchema),
        ...errorResponses,
        422: {
          description: 'Problems found: nothing was written; the report names each with row and column',
          content: { 'application/json': { schema: ImportRefusedSchema } },
        },
        413: { ...fileErrorResponses[413], description: 'File too large or too many rows' },
        415: { ...fileErrorResponses[415], description: 'Not an .xlsx or .csv file' },
        429: errorOf('Too many imports at once: try again shortly'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db, config } = c.get('deps');
      const { dryRun, verified } = c.req.valid('query');
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('multipart/form-data'))
        throw new AppError(
          'unsupported_media_type',
          'Kirim berkas sebagai multipart/form-data dengan field "file".',
        );
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File))
        throw new AppError(
          'bad_request',
          'Field "file" tidak ada: unggah berkas .xlsx atau .csv di field bernama file.',
        );
      const report = await importAwards(db.db, actor, {
        fileName: file.name || 'unggahan',
        buffer: new Uint8Array(await file.arrayBuffer()),
        dryRun,
        verified,
        limits: { maxBytes: config.maxUploadBytes, maxRows: MAX_ROWS },
      });
      if (!dryRun && report.problems.length > 0) {
        const error = {
          code: 'validation_failed',
          message: `${report.problems.length + report.problemsNotListed} masalah ditemukan; tidak ada yang disimpan. Perbaiki lalu unggah lagi.`,
          details: report.problems.map((p) => ({
            ...(p.header ? { field: p.header } : {}),
            message: describeProblem(p),
          })),
        };
        return c.json({ ...report, error }, 422);
      }
      return c.json(report, 200);
    },
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/imports/template.${format}`,
        tags,
        summary:
          format === 'xlsx'
            ? 'Import template: headers, an example row and a sheet explaining columns and valid values'
            : 'Import template as CSV: headers and an example row',
        responses: {
          200: {
            description: 'The template file',
            content: {
              [format === 'csv' ? 'text/csv' : XLSX_TYPE]: {
                schema: z.string().openapi({ format: format === 'csv' ? undefined : 'binary' }),
              },
            },
          },
          ...errorResponses,
        },
      }),
      async (c) => {
        if (format === 'csv')
          return c.body(templateCsv(), 200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="templat-impor-penghargaan.csv"',
          });
        const buf = await templateXlsx(c.get('deps').db.db);
        return c.body(new Uint8Array(buf), 200, {
          'content-type': XLSX_TYPE,
          'content-disposition': 'attachment; filename="templat-impor-penghargaan.xlsx"',
        });
      },
    );
  }

  return app;
}
