import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { REGION_CODE } from '../../reference/region-codes.ts';
import { regionSetOf } from '../../services/access.ts';
import { listAwardsQuerySchema } from '../../services/awards/schemas.ts';
import { AppError } from '../../services/errors.ts';
import { type ExportFile, runExport } from '../../services/exports/off-thread.ts';
import { OPEN_DATA_FILES, type OpenDataFile } from '../../services/exports/open-files.ts';
import type { AppEnv } from '../env.ts';
import { XLSX_TYPE } from './imports.ts';
import { apiRouter, errorResponses, regionQuery } from './openapi.ts';
import { RecapQuery } from './recap.ts';
import { AwardsExportSchema } from './responses/award.ts';
import { OPEN_DATA_SCHEMAS } from './responses/open-data.ts';
import { RecapSchema } from './responses/recap.ts';

// /api/v1/exports: awards as CSV/XLSX/JSON (the list's filters, the caller's visibility),
// the open-data package (public, verified records) and the yearly PDF report.

const tags = ['exports'];
const filterSchema = listAwardsQuerySchema
  .pick({ year: true, field: true, level: true, giver: true, unit: true, state: true, q: true })
  .extend({
    dialect: z.enum(['standard', 'excel-id']).optional().openapi({
      description:
        'CSV only: excel-id = semicolons and decimal commas, for Excel with Indonesian regional settings',
    }),
    region: regionQuery,
  });
const binary = z.string().openapi({ format: 'binary' });
/** A file answer: its media type and, for JSON, the schema of what it holds. */
const file = (description: string, type: string, schema: z.ZodType = binary) => ({
  200: { description, content: { [type]: { schema } } },
  ...errorResponses,
});
const MEDIA = { csv: 'text/csv', xlsx: XLSX_TYPE, json: 'application/json' } as const;

/** An export streamed from the file its job wrote (services/exports/off-thread.ts). */
const sendExport = (c: Context<AppEnv>, file: ExportFile, headers: Record<string, string>) =>
  c.body(file.body, 200, { ...headers, 'content-length': String(file.bytes) });

const attachment = (name: string) => `attachment; filename="${name}"`;

/** Where the open data is served, for the DCAT access URLs: PUBLIC_URL, else the request's origin. */
const publicBase = (c: Context<AppEnv>) => c.get('deps').config.publicUrl ?? new URL(c.req.url).origin;

export function exportRoutes() {
  const app = apiRouter();

  for (const format of ['csv', 'xlsx', 'json'] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/exports/awards.${format}`,
        tags,
        summary: `Awards as ${format.toUpperCase()} (same filters as the list; what the caller may see)`,
        request: { query: filterSchema },
        responses: file(
          `Awards as ${format}`,
          MEDIA[format],
          format === 'json' ? AwardsExportSchema : format === 'csv' ? z.string() : binary,
        ),
      }),
      async (c) => {
        const { db } = c.get('deps');
        const { region, ...filters } = c.req.valid('query');
        const dialect = c.req.query('dialect') === 'excel-id' ? 'excel-id' : 'standard';
        // Built on the export worker: a large export does not hold up other requests.
        const body = await runExport(
          db,
          'awards',
          {
            actor: c.get('actor'),
            filters,
            region,
            format,
            dialect,
          },
          regionSetOf(c.get('actor')),
        );
        const base = `penghargaan${filters.year ? `-${filters.year}` : ''}`;
        const [type, name] =
          format === 'json'
            ? ['application/json; charset=utf-8', `${base}.json`]
            : format === 'csv'
              ? ['text/csv; charset=utf-8', `${base}${dialect === 'excel-id' ? '-excel' : ''}.csv`]
              : [XLSX_TYPE, `${base}.xlsx`];
        return sendExport(c, body, {
          'content-type': type,
          'content-disposition': attachment(name),
        });
      },
    );
  }

  for (const format of ['csv', 'xlsx', 'json'] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/exports/recap.${format}`,
        tags,
        summary: `A region's yearly recap as ${format.toUpperCase()} (verified records unless a signed-in user asks)`,
        request: { query: RecapQuery },
        responses: file(
          `Recap as ${format}`,
          MEDIA[format],
          format === 'json' ? RecapSchema : format === 'csv' ? z.string() : binary,
        ),
      }),
      async (c) => {
        const q = c.req.valid('query');
        const actor = c.get('actor');
        // Counted on the export worker too: a recap reads the year's awards.
        const body = await runExport(
          c.get('deps').db,
          'recap',
          {
            query: { actor, region: q.region, year: q.year, includeUnverified: q.includeUnverified },
            locale: c.get('locale'),
            format,
          },
          regionSetOf(actor),
        );
        const type =
          format === 'json'
            ? 'application/json; charset=utf-8'
            : format === 'csv'
              ? 'text/csv; charset=utf-8'
              : XLSX_TYPE;
        const name = `rekap-${body.info.region}-${body.info.year}.${format}`;
        return sendExport(c, body, { 'content-type': type, 'content-disposition': attachment(name) });
      },
    );
  }

  const regionOnly = z.object({ region: regionQuery });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/exports/open-data.zip',
      tags,
      summary:
        'Open-data package: penghargaan.csv, metadata.json (Satu Data Indonesia), datapackage.json (Frictionless), dcat.jsonld (DCAT); verified public records',
      request: { query: regionOnly },
      responses: file('A zip with the data and its metadata', 'application/zip'),
    }),
    async (c) => {
      const body = await runExport(
        c.get('deps').db,
        'openData',
        {
          region: c.req.valid('query').region,
          baseUrl: publicBase(c),
          file: 'zip',
        },
        // Open data is the public's file, the same whoever downloads it.
        regionSetOf(null),
      );
      return sendExport(c, body, {
        'content-type': 'application/zip',
        'content-disposition': attachment('data-terbuka-penghargaan.zip'),
      });
    },
  );
  for (const name of Object.keys(OPEN_DATA_FILES) as OpenDataFile[]) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/exports/open-data/${name}`,
        tags,
        summary: `The open-data package's ${name} on its own`,
        request: { query: regionOnly },
        responses: file(name, OPEN_DATA_FILES[name].split(';')[0]!, OPEN_DATA_SCHEMAS[name]),
      }),
      async (c) => {
        const body = await runExport(
          c.get('deps').db,
          'openData',
          { region: c.req.valid('query').region, baseUrl: publicBase(c), file: name },
          regionSetOf(null),
        );
        return sendExport(c, body, { 'content-type': OPEN_DATA_FILES[name] });
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/exports/report.pdf',
      tags,
      summary: 'Yearly PDF report "Laporan Penghargaan Tahun YYYY" (also at /exports/report-YYYY.pdf)',
      request: {
        query: regionOnly.extend({ year: z.coerce.number().int().min(1945).max(2100) }),
      },
      responses: file('The PDF report', 'application/pdf'),
    }),
    async (c) => {
      const { year, region } = c.req.valid('query');
      return sendReport(c, year, region);
    },
  );
  // The path the issue names: /exports/report-2025.pdf (not expressible as an OpenAPI path).
  app.get('/exports/:name{report-[0-9]{4}\\.pdf}', async (c) => {
    const year = Number(c.req.param('name').slice(7, 11));
    const region = c.req.query('region');
    if (region !== undefined && !REGION_CODE.test(region))
      throw new AppError('bad_request', 'region harus kode wilayah Kemendagri seperti 36.71');
    return sendReport(c, year, region);
  });

  return app;
}

async function sendReport(c: Context<AppEnv>, year: number, region?: string) {
  if (year < 1945 || year > 2100) throw new AppError('bad_request', 'Tahun laporan antara 1945 dan 2100');
  const actor = c.get('actor');
  const pdf = await runExport(c.get('deps').db, 'report', { actor, year, region }, regionSetOf(actor));
  return sendExport(c, pdf, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="laporan-penghargaan-${year}.pdf"`,
  });
}
