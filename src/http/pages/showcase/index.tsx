import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { tr } from '../../../domain/i18n.ts';
import { getAward, listAwards } from '../../../services/awards/read.ts';
import { AppError } from '../../../services/errors.ts';
import { recapLatestYear, recapTotal } from '../../../services/recap/queries.ts';
import { PUBLIC_SCOPE } from '../../../services/recap/scope.ts';
import { homeData } from '../../../services/showcase/home.ts';
import { dictionaryCsv, openDataRows, toCsv, toJson } from '../../../services/showcase/opendata.ts';
import { filterOptions } from '../../../services/showcase/options.ts';
import { seriesOf } from '../../../services/showcase/series.ts';
import { loadSite } from '../../../services/showcase/site.ts';
import { timelineData } from '../../../services/showcase/timeline.ts';
import { unitIndexData, unitPageData } from '../../../services/showcase/unit.ts';
import type { AppEnv } from '../../env.ts';
import { AwardPage } from './award.tsx';
import { etagOf, memoised, type Rendered, servePage } from './cache.ts';
import { DataPage, NotFoundPage } from './data.tsx';
import { HomePage } from './home.tsx';
import { ListPage } from './list.tsx';
import { paramsToLink, parseListParams } from './list-query.ts';
import { TimelinePage } from './timeline.tsx';
import { UnitPage } from './unit.tsx';
import { UnitsPage } from './units.tsx';
import { type View, viewFor } from './view.ts';

// The public showcase: no sign-in, verified and public records only, rendered on the server,
// cached per page until the data changes (cache.ts). URLs are in Indonesian and shareable.

export const SHOWCASE_CSS_PATH = '/aset/showcase.css';
const css = readFileSync(new URL('../../static/showcase.css', import.meta.url), 'utf8');
const cssEtag = etagOf(css);

const HTML = 'text/html; charset=utf-8';

async function page(
  c: Context<AppEnv>,
  build: (v: View) => Promise<JSX.Element>,
  params: Record<string, string | number | undefined> = {},
): Promise<Rendered> {
  const { db, config } = c.get('deps');
  const v = viewFor(c, await loadSite(db.db, config), params);
  try {
    return { body: `<!doctype html>${await build(v)}`, type: HTML, status: 200 };
  } catch (err) {
    if (err instanceof AppError && err.status === 404)
      return { body: `<!doctype html>${<NotFoundPage v={v} />}`, type: HTML, status: 404 };
    throw err;
  }
}

/** For pages that read nothing from the query string but the language (see servePage). */
const QUERY_IGNORED = { query: 'ignored' } as const;

/** A positive integer id from the path, or null (which renders the not-found page). */
const idParam = (s: string) => (/^[1-9]\d{0,8}$/.test(s) ? Number(s) : null);

export function showcaseRoutes() {
  const app = new Hono<AppEnv>();

  // Hono's etag middleware answers If-None-Match with a 304; the tag is computed once at start.
  app.get(SHOWCASE_CSS_PATH, etag(), (c) => {
    c.header('ETag', cssEtag);
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(css);
  });

  app.get('/', (c) =>
    servePage(
      c,
      '/',
      () =>
        page(c, async (v) => {
          const d = await homeData(c.get('deps').db.db, {
            locale: v.locale,
            foundedOn: v.site.foundedOn,
            otherLabel: tr(v.locale, 'Lainnya', 'Other'),
          });
          return <HomePage v={v} d={d} />;
        }),
      QUERY_IGNORED,
    ),
  );

  app.get('/penghargaan', async (c) => {
    const db = c.get('deps').db.db;
    const locale = c.get('locale');
    const options = await memoised(c, `options|${locale}`, async () =>
      filterOptions(db, locale, (await loadSite(db, c.get('deps').config)).regionCode),
    );
    const parsed = parseListParams((name) => c.req.query(name), options);
    // The key is the parsed filters: unknown parameters and spellings of the same filter
    // (order, spaces) are one page.
    const key = `/penghargaan?${JSON.stringify([parsed.params, parsed.ignored])}`;
    return servePage(c, key, () =>
      page(
        c,
        async (v) => {
          const result = await listAwards(db, null, parsed.query, v.locale);
          return (
            <ListPage
              v={v}
              result={result}
              params={parsed.params}
              ignored={parsed.ignored}
              options={options}
            />
          );
        },
        paramsToLink(parsed.params, parsed.params.hal),
      ),
    );
  });

  app.get('/penghargaan/:id', (c) => {
    const id = idParam(c.req.param('id'));
    return servePage(
      c,
      `/penghargaan/${id}`,
      () =>
        page(c, async (v) => {
          const db = c.get('deps').db.db;
          if (id === null) throw new AppError('not_found', 'not found');
          const award = await getAward(db, null, id, v.locale);
          const series = await seriesOf(db, award.seriesKey);
          return <AwardPage v={v} a={award} series={series} />;
        }),
      QUERY_IGNORED,
    );
  });

  app.get('/unit', (c) =>
    servePage(c, '/unit', () =>
      page(c, async (v) => {
        const units = await unitIndexData(c.get('deps').db.db, null);
        return <UnitsPage v={v} units={units} />;
      }),
    ),
  );

  app.get('/unit/:id', (c) => {
    const id = idParam(c.req.param('id'));
    return servePage(
      c,
      `/unit/${id}`,
      () =>
        page(c, async (v) => {
          if (id === null) throw new AppError('not_found', 'not found');
          const d = await unitPageData(c.get('deps').db.db, id, v.locale);
          return <UnitPage v={v} d={d} />;
        }),
      QUERY_IGNORED,
    );
  });

  app.get('/linimasa', (c) =>
    servePage(
      c,
      '/linimasa',
      () =>
        page(c, async (v) => {
          const d = await timelineData(c.get('deps').db.db, v.site.foundedOn);
          return <TimelinePage v={v} d={d} />;
        }),
      QUERY_IGNORED,
    ),
  );

  app.get('/data', (c) =>
    servePage(
      c,
      '/data',
      () =>
        page(c, async (v) => {
          const db = c.get('deps').db.db;
          const [rows, latestYear] = await Promise.all([
            recapTotal(db, PUBLIC_SCOPE, null),
            recapLatestYear(db, PUBLIC_SCOPE),
          ]);
          return <DataPage v={v} rows={rows} latestYear={latestYear} />;
        }),
      QUERY_IGNORED,
    ),
  );

  app.get('/data/penghargaan.csv', (c) =>
    servePage(
      c,
      '/data/penghargaan.csv',
      async () => ({
        body: toCsv(await openDataRows(c.get('deps').db.db)),
        type: 'text/csv; charset=utf-8',
        status: 200,
        headers: { 'Content-Disposition': 'attachment; filename="penghargaan.csv"' },
      }),
      QUERY_IGNORED,
    ),
  );

  app.get('/data/kamus-kolom.csv', (c) =>
    servePage(
      c,
      '/data/kamus-kolom.csv',
      async () => ({
        body: dictionaryCsv(),
        type: 'text/csv; charset=utf-8',
        status: 200,
        headers: { 'Content-Disposition': 'attachment; filename="kamus-kolom.csv"' },
      }),
      QUERY_IGNORED,
    ),
  );

  app.get('/data/penghargaan.json', (c) =>
    servePage(
      c,
      '/data/penghargaan.json',
      async () => {
        const { db, config } = c.get('deps');
        const site = await loadSite(db.db, config);
        const rows = await openDataRows(db.db);
        // A loop, not Math.min(...years): a spread of a million values overflows the stack.
        let from: number | null = null;
        let to: number | null = null;
        for (const r of rows) {
          const y = Number(r.tahun);
          if (from === null || y < from) from = y;
          if (to === null || y > to) to = y;
        }
        return {
          body: toJson(rows, {
            title: `Penghargaan ${site.name}`,
            producer: site.name,
            regionCode: site.regionCode,
            licence: 'CC BY 4.0',
            generatedAt: new Date().toISOString(),
            period: { from, to },
          }),
          type: 'application/json; charset=utf-8',
          status: 200,
        };
      },
      QUERY_IGNORED,
    ),
  );

  return app;
}
