import { createRoute, z } from '@hono/zod-openapi';
import { invalid, notFound } from '../../services/errors.ts';
import { dbIdText } from '../../services/ids.ts';
import { buildRecap } from '../../services/recap/recap.ts';
import { resolveScope, resolveUnitScope } from '../../services/recap/scope.ts';
import { loadOneSeries, loadSeriesPage } from '../../services/recap/series.ts';
import { unitReport } from '../../services/recap/unit.ts';
import { apiRouter, errorResponses, flag, IdParam, jsonOk, regionQuery } from './openapi.ts';
import { publicRecap, recapAsPublic } from './public-recap.ts';
import { RecapSchema, SeriesListSchema, SeriesSchema, UnitReportSchema } from './responses/recap.ts';

// /api/v1/recap and /api/v1/series: counts, trends and streaks. Verified records only unless a
// signed-in user asks for `includeUnverified=true`; the public sees verified, public records
// (its recap kept in memory until the region's data changes: public-recap.ts), and so does a
// signed-in user asking for the recap of a region outside its own.

const tags = ['recap'];

/** A recap's query: the region, the year and whether drafts count (also the recap exports'). */
export const RecapQuery = z.object({
  region: regionQuery,
  year: z.coerce
    .number()
    .int()
    .min(1945, 'Tahun terlalu kecil')
    .max(2100, 'Tahun terlalu besar')
    .optional()
    .openapi({ example: 2025, description: 'Default: the latest year with an award' }),
  includeUnverified: flag.openapi({ description: 'Signed-in users only: count drafts and submissions too' }),
});

/** A region's series come a page at a time: a region's record holds thousands of them. */
const SERIES_PAGE = 50;
const SERIES_PAGE_MAX = 200;

const SeriesQuery = z.object({
  region: regionQuery,
  unit: dbIdText().optional().openapi({
    example: 1,
    description:
      "Only this unit's series, as its report card reads them (GET /api/v1/recap/units/{id}): its sub-units' and team awards too unless includeSubunits=false. The region is the unit's",
  }),
  includeSubunits: flag
    .default(true)
    .openapi({ description: 'With `unit`: its sub-units too (default true)' }),
  includeUnverified: flag,
  minYears: z.coerce.number().int().min(1).max(100).optional().openapi({ description: 'Default 2' }),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit paling sedikit 1')
    .max(SERIES_PAGE_MAX, `limit paling banyak ${SERIES_PAGE_MAX}`)
    .optional()
    .openapi({ description: `Series per page, by key (default ${SERIES_PAGE}, at most ${SERIES_PAGE_MAX})` }),
  after: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'The `next` of the previous page: series after this key' }),
});

const SeriesParam = z.object({
  key: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'ombudsman:penilaian-kepatuhan:36.71' }),
});

export function recapRoutes() {
  const app = apiRouter();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/recap',
      tags,
      summary:
        'Yearly recap of a region: total, change, cumulative since founding, by field/giver/level/unit/year, series with trend and streak',
      request: { query: RecapQuery },
      responses: { ...jsonOk('The recap', RecapSchema), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      // The public's recap (also a signed-in reader's of a region it may not read) is kept
      // until the region's data changes (public-recap.ts).
      if (recapAsPublic(c)) return publicRecap(c, q);
      const recap = await buildRecap(
        c.get('deps').db.db,
        { actor: c.get('actor'), region: q.region, year: q.year, includeUnverified: q.includeUnverified },
        c.get('locale'),
      );
      return c.json(recap, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/recap/units/{id}',
      tags,
      summary: "A unit's report card (rapor): its and its sub-units' awards, counts, series",
      request: {
        params: IdParam,
        query: RecapQuery.omit({ region: true }).extend({ includeSubunits: flag.default(true) }),
      },
      responses: { ...jsonOk('The report card', UnitReportSchema), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const report = await unitReport(
        c.get('deps').db.db,
        {
          actor: c.get('actor'),
          unitId: c.req.valid('param').id,
          year: q.year,
          includeUnverified: q.includeUnverified,
          includeSubunits: c.req.query('includeSubunits') === undefined ? true : q.includeSubunits,
        },
        c.get('locale'),
      );
      return c.json(report, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/series',
      tags,
      summary:
        'Series of a region (same programme, same giver, across years) with trend and streak, a page at a time by key',
      request: { query: SeriesQuery },
      responses: { ...jsonOk('Series', SeriesListSchema), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { db } = c.get('deps');
      const req = { actor: c.get('actor'), region: q.region, includeUnverified: q.includeUnverified };
      const { scope, region: r } =
        q.unit === undefined
          ? await resolveScope(db.db, req)
          : await resolveUnitScope(db.db, req, q.unit, q.includeSubunits);
      if (q.region !== undefined && q.region !== r.code)
        throw invalid([{ field: 'unit', message: `Unit ${q.unit} bukan unit wilayah ${q.region}` }]);
      const { items, next } = await loadSeriesPage(
        db.db,
        scope,
        { minYears: q.minYears ?? 2, after: q.after ?? null, size: q.limit ?? SERIES_PAGE },
        c.get('locale'),
      );
      return c.json({ region: { code: r.code, name: r.name }, items, next }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/series/{key}',
      tags,
      summary: 'One series: every year with score, grade and zone, the trend and the streaks',
      request: {
        params: SeriesParam,
        query: SeriesQuery.omit({ minYears: true, unit: true, includeSubunits: true }),
      },
      responses: { ...jsonOk('The series', SeriesSchema), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { key } = c.req.valid('param');
      const { db } = c.get('deps');
      const { scope } = await resolveScope(db.db, {
        actor: c.get('actor'),
        region: q.region,
        includeUnverified: q.includeUnverified,
      });
      const series = await loadOneSeries(db.db, scope, key, c.get('locale'));
      if (!series) throw notFound('Seri', key);
      return c.json(series, 200);
    },
  );

  return app;
}
