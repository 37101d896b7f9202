import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { tr } from '../../../domain/i18n.ts';
import { REGION_CODE } from '../../../reference/region-codes.ts';
import { regionSetOf } from '../../../services/access.ts';
import { getAward, listAwards } from '../../../services/awards/read.ts';
import { AppError } from '../../../services/errors.ts';
import { writeOffThread } from '../../../services/exports/off-thread.ts';
import { REPORT_MAX_AWARDS } from '../../../services/exports/report-cap.ts';
import { compareRegions, comparisonDefaultYear } from '../../../services/recap/compare.ts';
import { recapByRegion, recapLatestYear, recapTotal } from '../../../services/recap/queries.ts';
import { PUBLIC_SCOPE } from '../../../services/recap/scope.ts';
import { homeData } from '../../../services/showcase/home.ts';
import { dictionaryCsv } from '../../../services/showcase/opendata.ts';
import { filterOptions } from '../../../services/showcase/options.ts';
import { seriesOf } from '../../../services/showcase/series.ts';
import { loadSite, publicRegionOf, regionCount, type Site } from '../../../services/showcase/site.ts';
import { timelineData } from '../../../services/showcase/timeline.ts';
import { unitIndexData, unitPageData } from '../../../services/showcase/unit.ts';
import { getRegion, listRegions, provinceName } from '../../../services/units.ts';
import type { AppEnv } from '../../env.ts';
import { AwardPage } from './award.tsx';
import { etagOf, memoised, type Rendered, servePage } from './cache.ts';
import { ComparePage } from './compare.tsx';
import { DataPage, NotFoundPage } from './data.tsx';
import { HomePage } from './home.tsx';
import { link } from './links.ts';
import { ListPage } from './list.tsx';
import { paramsToLink, parseListParams } from './list-query.ts';
import { serveOpenFile } from './open-files.ts';
import { RegionsPage } from './regions.tsx';
import { TimelinePage } from './timeline.tsx';
import { UnitPage } from './unit.tsx';
import { UnitsPage } from './units.tsx';
import { type View, viewFor } from './view.ts';

// The public showcase: no sign-in, verified and public records only, rendered on the server,
// cached per page until the data changes (cache.ts). URLs are in Indonesian and shareable.
// A signed-in visitor sees the same pages as the public, from the same cache: these requests
// keep the app's database handle (app.ts, isShowcasePath), never a reader's scoped one.

export const SHOWCASE_CSS_PATH = '/aset/showcase.css';
const css = readFileSync(new URL('../../static/showcase.css', import.meta.url), 'utf8');
const cssEtag = etagOf(css);

const HTML = 'text/html; charset=utf-8';

/**
 * The database every showcase page reads: the app's own handle, whoever asks. A signed-in
 * request's `deps.db` is confined to its reader's regions (http/region-scope.ts) and new per
 * request; the showcase is the public's record (readableBy(null) in every service it calls).
 */
const publicDb = (c: Context<AppEnv>) => c.get('appDb');
/** The same, as the export worker takes it (it opens its own connection by the app's URL). */
const publicDeps = (c: Context<AppEnv>) => ({ ...c.get('deps').db, db: c.get('appDb') });

/**
 * Where a page is read: the region's site and the base its links start from ('' at the root of
 * a single-region install, '/wilayah/36.71' otherwise). The deployment's own pages (the index of
 * regions, the comparison, the open data of every region) have a site without a region.
 */
interface Place {
  site: Site;
  base: string;
}

async function page(
  c: Context<AppEnv>,
  place: Place,
  build: (v: View) => Promise<JSX.Element>,
  params: Record<string, string | number | undefined> = {},
): Promise<Rendered> {
  const v = viewFor(c, place.site, params, place.base);
  try {
    return { body: `<!doctype html>${await build(v)}`, type: HTML, status: 200 };
  } catch (err) {
    if (err instanceof AppError && err.status === 404)
      return { body: `<!doctype html>${<NotFoundPage v={v} />}`, type: HTML, status: 404 };
    throw err;
  }
}

/** A Kemendagri code: '36' (provinsi) or '36.71' (kabupaten/kota). */

/** The deployment itself, for pages about every region. */
function deploymentPlace(c: Context<AppEnv>): Place {
  const { config } = c.get('deps');
  return {
    site: {
      name: config.siteName ?? 'Prestasi',
      regionCode: null,
      regionName: null,
      regionKind: null,
      foundedOn: null,
      emblemUrl: config.emblemUrl ?? null,
    },
    base: '',
  };
}

/** The showcase of region `code` under /wilayah/{code}, or null when there is no such region. */
async function regionPlace(c: Context<AppEnv>, code: string): Promise<Place | null> {
  if (!REGION_CODE.test(code)) return null;
  const { config } = c.get('deps');
  const db = publicDb(c);
  const site = await memoised(c, code, 'site', () => loadSite(db, config, code));
  return site ? { site, base: `/wilayah/${code}` } : null;
}

/**
 * The root's showcase in a single-region install; null when the deployment keeps many. Whether
 * it keeps one, and which, is a fact about every region (may be a minute behind, see
 * version.ts); the site itself is the region's own, kept with its pages.
 */
async function rootPlace(c: Context<AppEnv>): Promise<Place | null> {
  const { config } = c.get('deps');
  const db = publicDb(c);
  if ((await memoised(c, null, 'regions', () => regionCount(db))) > 1) return null;
  const code = await memoised(c, null, 'first', async () => (await getRegion(db))?.code ?? null);
  if (code === null) return deploymentPlace(c);
  const site = await memoised(c, code, 'site', () => loadSite(db, config, code));
  return site ? { site, base: '' } : deploymentPlace(c);
}

const regionOf = (p: Place) => p.site.regionCode;

/** For pages that read nothing from the query string but the language (see servePage). */
const QUERY_IGNORED = { query: 'ignored' } as const;

/** A positive integer id from the path, or null (which renders the not-found page). */
const idParam = (s: string) => (/^[1-9]\d{0,8}$/.test(s) ? Number(s) : null);

type Handler = (c: Context<AppEnv>, p: Place) => Promise<Response>;

// One region's showcase: the same pages at the root (single region) and under /wilayah/{code}.
// Each cache key starts with the base, so two regions never share a page.

const home: Handler = (c, p) =>
  servePage(
    c,
    regionOf(p),
    `${p.base}/`,
    () =>
      page(c, p, async (v) => {
        const d = await homeData(publicDb(c), {
          locale: v.locale,
          regionCode: regionOf(p),
          foundedOn: v.site.foundedOn,
          otherLabel: tr(v.locale, 'Lainnya', 'Other'),
        });
        return <HomePage v={v} d={d} />;
      }),
    QUERY_IGNORED,
  );

const list: Handler = async (c, p) => {
  const db = publicDb(c);
  const locale = c.get('locale');
  const region = regionOf(p);
  const options = await memoised(c, region, `options|${locale}`, () => filterOptions(db, locale, region));
  const parsed = parseListParams((name) => c.req.query(name), options);
  // The key is the parsed filters: unknown parameters and spellings of the same filter
  // (order, spaces) are one page.
  const key = `${p.base}/penghargaan?${JSON.stringify([parsed.params, parsed.ignored])}`;
  return servePage(c, region, key, () =>
    page(
      c,
      p,
      async (v) => {
        const query = { ...parsed.query, region: region ?? undefined };
        const result = await listAwards(db, null, query, v.locale);
        return (
          <ListPage v={v} result={result} params={parsed.params} ignored={parsed.ignored} options={options} />
        );
      },
      paramsToLink(parsed.params, parsed.params.hal),
    ),
  );
};

const award: Handler = (c, p) => {
  const id = idParam(c.req.param('id') ?? '');
  return servePage(
    c,
    regionOf(p),
    `${p.base}/penghargaan/${id}`,
    () =>
      page(c, p, async (v) => {
        const db = publicDb(c);
        if (id === null) throw new AppError('not_found', 'not found');
        const a = await getAward(db, null, id, v.locale);
        // Another region's award is not found on this region's pages.
        if (a.regionCode !== regionOf(p)) throw new AppError('not_found', 'not found');
        const series = await seriesOf(db, a.seriesKey, a.regionCode);
        return <AwardPage v={v} a={a} series={series} />;
      }),
    QUERY_IGNORED,
  );
};

const units: Handler = (c, p) =>
  servePage(c, regionOf(p), `${p.base}/unit`, () =>
    page(c, p, async (v) => {
      const list = await unitIndexData(publicDb(c), regionOf(p));
      return <UnitsPage v={v} units={list} />;
    }),
  );

const unit: Handler = (c, p) => {
  const id = idParam(c.req.param('id') ?? '');
  return servePage(
    c,
    regionOf(p),
    `${p.base}/unit/${id}`,
    () =>
      page(c, p, async (v) => {
        const region = regionOf(p);
        if (id === null || region === null) throw new AppError('not_found', 'not found');
        const d = await unitPageData(publicDb(c), id, region, v.locale);
        return <UnitPage v={v} d={d} />;
      }),
    QUERY_IGNORED,
  );
};

const timeline: Handler = (c, p) =>
  servePage(
    c,
    regionOf(p),
    `${p.base}/linimasa`,
    () =>
      page(c, p, async (v) => {
        const d = await timelineData(publicDb(c), v.site.foundedOn, regionOf(p));
        return <TimelinePage v={v} d={d} />;
      }),
    QUERY_IGNORED,
  );

// Open data: of one region on its pages, of every region on the deployment's /data.

const data: Handler = (c, p) =>
  servePage(
    c,
    regionOf(p),
    `${p.base}/data|${regionOf(p)}`,
    () =>
      page(c, p, async (v) => {
        const db = publicDb(c);
        const scope = { ...PUBLIC_SCOPE, regionCode: regionOf(p) };
        const [rows, latestYear, regions] = await Promise.all([
          recapTotal(db, scope, null),
          recapLatestYear(db, scope),
          regionOf(p) === null ? listRegions(db) : [],
        ]);
        // The PDF report refuses a year over its cap: the page says so instead of linking it.
        const latestCount = latestYear === null ? 0 : await recapTotal(db, scope, latestYear);
        return (
          <DataPage
            v={v}
            rows={rows}
            latestYear={latestYear}
            reportTooLarge={latestCount > REPORT_MAX_AWARDS}
            regions={regions}
          />
        );
      }),
    QUERY_IGNORED,
  );

// The rows themselves: a file per data version, written a batch at a time (open-files.ts).
const openFileName = (p: Place, file: string) => `${regionOf(p) ?? 'semua'}-${file}`;

const dataCsv: Handler = (c, p) =>
  serveOpenFile(
    c,
    regionOf(p),
    openFileName(p, 'penghargaan.csv'),
    'text/csv; charset=utf-8',
    (dir, name) =>
      writeOffThread(publicDeps(c), 'openCsv', { region: regionOf(p) }, regionSetOf(null), { dir, name }),
    { 'Content-Disposition': 'attachment; filename="penghargaan.csv"' },
  );

const dataDictionary: Handler = (c, p) =>
  servePage(
    c,
    regionOf(p),
    `${p.base}/data/kamus-kolom.csv`,
    async () => ({
      body: dictionaryCsv(),
      type: 'text/csv; charset=utf-8',
      status: 200,
      headers: { 'Content-Disposition': 'attachment; filename="kamus-kolom.csv"' },
    }),
    QUERY_IGNORED,
  );

const dataJson: Handler = (c, p) =>
  serveOpenFile(
    c,
    regionOf(p),
    openFileName(p, 'penghargaan.json'),
    'application/json; charset=utf-8',
    (dir, name) =>
      writeOffThread(
        publicDeps(c),
        'openJson',
        {
          region: regionOf(p),
          meta: {
            title: `Penghargaan ${p.site.name}`,
            producer: p.site.name,
            regionCode: p.site.regionCode,
            licence: 'CC BY 4.0',
          },
        },
        regionSetOf(null),
        { dir, name },
      ),
  );

/** The pages every region has, by path under its base. */
const REGION_PAGES: [string, Handler][] = [
  ['/', home],
  ['/penghargaan', list],
  ['/penghargaan/:id', award],
  ['/unit', units],
  ['/unit/:id', unit],
  ['/linimasa', timeline],
  ['/data', data],
  ['/data/penghargaan.csv', dataCsv],
  ['/data/kamus-kolom.csv', dataDictionary],
  ['/data/penghargaan.json', dataJson],
];

/** The showcase's own paths besides REGION_PAGES (at the root and under /wilayah/{code}). */
const DEPLOYMENT_PATHS = ['/perbandingan', '/perbandingan/:province', SHOWCASE_CSS_PATH];

const pathPattern = (path: string) => path.replace(/[.]/g, '\\.').replace(/:[a-z]+/g, '[^/]+');
const SHOWCASE_PATH = new RegExp(
  `^(?:(?:/wilayah/[^/]+)?(?:${REGION_PAGES.map(([p]) => (p === '/' ? '/?' : pathPattern(p))).join('|')})|${DEPLOYMENT_PATHS.map(pathPattern).join('|')})$`,
);

/**
 * A path the showcase answers: read as the public by everyone (app.ts keeps these requests out
 * of the signed-in reader's region scope and transaction).
 */
export const isShowcasePath = (path: string): boolean => SHOWCASE_PATH.test(path);

/** The root of a deployment of many regions: the index, the open data of all, and old links. */
async function manyRegionsRoot(c: Context<AppEnv>, path: string): Promise<Response> {
  const db = publicDb(c);
  const p = deploymentPlace(c);
  const lang = c.get('locale');
  switch (path) {
    case '/':
      return servePage(
        c,
        null,
        '/|regions',
        () =>
          page(c, p, async (v) => {
            const [regions, counts] = await Promise.all([
              listRegions(db),
              recapByRegion(db, PUBLIC_SCOPE, null),
            ]);
            return <RegionsPage v={v} regions={regions} counts={counts} />;
          }),
        QUERY_IGNORED,
      );
    case '/data':
      return data(c, p);
    case '/data/penghargaan.csv':
      return dataCsv(c, p);
    case '/data/kamus-kolom.csv':
      return dataDictionary(c, p);
    case '/data/penghargaan.json':
      return dataJson(c, p);
    case '/penghargaan/:id':
    case '/unit/:id': {
      // A link from before the deployment kept several regions: moved to the record's region.
      const id = idParam(c.req.param('id') ?? '');
      const region =
        id === null ? null : await publicRegionOf(db, path === '/unit/:id' ? 'unit' : 'award', id);
      if (region) return c.redirect(link(`/wilayah/${region}${c.req.path}`, lang), 301);
      return servePage(c, null, `${c.req.path}|404`, async () => notFoundPage(c, p), QUERY_IGNORED);
    }
    default:
      // Lists, units and the timeline belong to a region: choose one on the index.
      return c.redirect(link('/', lang), 302);
  }
}

async function notFoundPage(c: Context<AppEnv>, p: Place, region?: string): Promise<Rendered> {
  const v = viewFor(c, p.site, {}, p.base);
  return { body: `<!doctype html>${<NotFoundPage v={v} region={region} />}`, type: HTML, status: 404 };
}

/** /wilayah/{code} of a region that is not kept here: a province of kept regions, or a clear 404. */
async function missingRegion(c: Context<AppEnv>, code: string): Promise<Response> {
  if (/^\d{2}$/.test(code) && (await provinceName(publicDb(c), code)))
    return c.redirect(link(`/perbandingan/${code}`, c.get('locale')), 302);
  // Kept with the region's own data: the page turns into the showcase once the region is added.
  return servePage(
    c,
    REGION_CODE.test(code) ? code : null,
    `/wilayah/${code}|404`,
    async () => notFoundPage(c, deploymentPlace(c), code),
    QUERY_IGNORED,
  );
}

/** The comparison's end year from `?tahun=`, or null for the default (the latest year on record). */
const yearParam = (s: string | undefined) => (s && /^(19|20)\d{2}$/.test(s) ? Number(s) : null);

/** The comparison of every region, or of one province's kabupaten and kota. */
function comparison(c: Context<AppEnv>, province: string | null): Promise<Response> {
  const asked = yearParam(c.req.query('tahun'));
  const key = `/perbandingan/${province ?? ''}?${asked ?? ''}`;
  return servePage(c, null, key, () =>
    page(
      c,
      deploymentPlace(c),
      async (v) => {
        const db = publicDb(c);
        const latest = await memoised(c, null, 'compare|year', () => comparisonDefaultYear(db));
        const year = asked ?? latest;
        const name = province === null ? null : await provinceName(db, province);
        if (province !== null && name === null) throw new AppError('not_found', 'not found');
        // Counted once per data version for both languages (the counts have no words).
        const d = await memoised(c, null, `compare|${province ?? ''}|${year}`, () =>
          compareRegions(db, province === null ? { all: true } : { province }, year),
        );
        const years = Array.from({ length: 10 }, (_, i) => latest - i);
        const title =
          name === null
            ? tr(v.locale, 'Perbandingan antardaerah', 'Comparing regions')
            : tr(v.locale, `Kabupaten dan kota di ${name}`, `Regencies and cities of ${name}`);
        return <ComparePage v={v} d={d} title={title} years={years} />;
      },
      { tahun: asked ?? undefined },
    ),
  );
}

export function showcaseRoutes() {
  const app = new Hono<AppEnv>();

  // Hono's etag middleware answers If-None-Match with a 304; the tag is computed once at start.
  app.get(SHOWCASE_CSS_PATH, etag(), (c) => {
    c.header('ETag', cssEtag);
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(css);
  });

  app.get('/perbandingan', (c) => comparison(c, null));
  app.get('/perbandingan/:province', (c) => {
    const province = c.req.param('province');
    if (!/^\d{2}$/.test(province))
      return servePage(
        c,
        null,
        `/perbandingan/${province}|404`,
        async () => notFoundPage(c, deploymentPlace(c)),
        QUERY_IGNORED,
      );
    return comparison(c, province);
  });

  for (const [path, handler] of REGION_PAGES) {
    app.get(`/wilayah/:code${path === '/' ? '' : path}`, async (c) => {
      const code = c.req.param('code');
      const p = await regionPlace(c, code);
      return p ? handler(c, p) : missingRegion(c, code);
    });
    app.get(path, async (c) => {
      const p = await rootPlace(c);
      return p ? handler(c, p) : manyRegionsRoot(c, path);
    });
  }

  return app;
}
