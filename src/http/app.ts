import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { isRegionViolation } from '../db/errors.ts';
import { createLogger } from '../log.ts';
import { AppError } from '../services/errors.ts';
import { authRoutes } from './api/auth.ts';
import { awardRoutes } from './api/awards.ts';
import { evidenceRoutes } from './api/evidence.ts';
import { exportRoutes } from './api/exports.ts';
import { fieldRoutes } from './api/fields.ts';
import { giverRoutes } from './api/givers.ts';
import { importRoutes } from './api/imports.ts';
import { intakeRoutes } from './api/intake.ts';
import { intakeSourceRoutes } from './api/intake-sources.ts';
import { recapAsPublic } from './api/public-recap.ts';
import { recapRoutes } from './api/recap.ts';
import { scaleRoutes } from './api/scales.ts';
import { unitRoutes } from './api/units.ts';
import { userRoutes } from './api/users.ts';
import { identify, requireCsrf } from './auth/session.ts';
import { limitBody } from './body-limit.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { jsonError, toErrorBody } from './errors.ts';
import { rejectNulBytes } from './guards.ts';
import { detectLanguage } from './language.ts';
import { uploadTooLarge } from './pages/awards/evidence.tsx';
import { mountPages, renderPageError } from './pages/index.ts';
import { isShowcasePath } from './pages/showcase/index.tsx';
import { scopeToRegion } from './region-scope.ts';
import { regionTransaction } from './region-transaction.ts';

// The one Hono app: JSON API under /api/v1 (documented at /api/v1/openapi.json), web pages
// and static assets elsewhere. Routers are mounted here; each feature owns its router file.

// One line per feature router; a feature's routes live in its own file under api/ or pages/.
const apiRouters = [
  authRoutes,
  awardRoutes,
  evidenceRoutes,
  unitRoutes,
  giverRoutes,
  fieldRoutes,
  userRoutes,
  scaleRoutes,
  recapRoutes,
  importRoutes,
  exportRoutes,
  intakeRoutes,
  intakeSourceRoutes,
];

const isRead = (c: Context<AppEnv>) => c.req.method === 'GET' || c.req.method === 'HEAD';

/** A showcase page: the same for every visitor, it never reads who asks. */
const showcaseRead = (c: Context<AppEnv>) => isRead(c) && isShowcasePath(c.req.path);

/** A read of the public record, the same for every visitor: a showcase page, the public recap. */
function readsAsPublic(c: Context<AppEnv>): boolean {
  return c.req.path === '/api/v1/recap' ? isRead(c) && recapAsPublic(c) : showcaseRead(c);
}

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('appDb', deps.db.db);
    await next();
  });
  // The language, by the one rule in language.ts (the direct path in direct.ts applies it too).
  app.use('*', detectLanguage());
  // Every response, HTML pages above all: scripts only from our own /static files (no inline
  // script, no eval — htmx needs neither here), no framing by other sites, no plugins. Inline
  // style attributes are allowed (layout widths, server-drawn SVG charts); they cannot run code.
  // overwrite:false keeps the stricter policy that evidence files set for themselves.
  app.use(
    '*',
    secureHeaders({
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      // Open data (CSV, zip, charts) may be embedded or fetched by other sites.
      crossOriginResourcePolicy: false,
      // Plain-HTTP installs inside an office network exist; HTTPS deployments add HSTS at the proxy.
      strictTransportSecurity: false,
    }),
  );
  app.use('/kerja/penghargaan/:id{[0-9]+}/bukti', uploadTooLarge);
  app.use(
    '*',
    limitBody(deps.config.maxUploadBytes + 64 * 1024, () => {
      throw new AppError(
        'payload_too_large',
        `Permintaan terlalu besar: batasnya ${Math.round(deps.config.maxUploadBytes / 1048576)} MB per berkas.`,
      );
    }),
  );
  // API writes read their bodies only after their access check (guardedRoute); everything else
  // (pages, forms, GET URLs) is checked here.
  app.use('*', (c, next) =>
    c.req.path.startsWith('/api/v1/') && c.req.method !== 'GET' && c.req.method !== 'HEAD'
      ? next()
      : rejectNulBytes(c, next),
  );
  app.use('*', identify(showcaseRead));
  // The public record (the showcase, the public recap) reads as the public for everyone: those
  // requests keep the app's own handle and the one shared cache, outside any reader's region
  // scope and, on PostgreSQL, without a transaction of their own (the showcase reads the app's
  // handle, so one would hold a second pooled connection for nothing).
  const unlessPublic =
    (scoped: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> =>
    (c, next) =>
      readsAsPublic(c) ? next() : scoped(c, next);
  app.use('*', unlessPublic(scopeToRegion));
  app.use('*', unlessPublic(regionTransaction));
  app.use('*', requireCsrf);

  app.get('/healthz', (c) => c.json({ status: 'ok', database: deps.db.kind }));

  const api = new OpenAPIHono<AppEnv>();
  for (const router of apiRouters) api.route('/', router());
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Prestasi API',
      version: '1',
      description:
        'Catatan penghargaan pemerintah daerah. Authenticate with `Authorization: Bearer <token>` (prestasi token create) or a session cookie plus `X-CSRF-Token`.',
    },
  });
  app.route('/api/v1', api);

  mountPages(app);

  // Anything that is not a client's mistake is a defect: one pino line with the request, then
  // the answer the client gets (a JSON error or an error page) says only that it was logged.
  const log = deps.log ?? createLogger(deps.config.logLevel);
  app.onError((err, c) => {
    // A region violation answers 403, but reaching the query layer's or the database's
    // backstop means a service check is missing: logged as a defect too.
    if (!toErrorBody(err) || isRegionViolation(err))
      log.error({ err, method: c.req.method, path: c.req.path }, 'unexpected error');
    if (c.req.path.startsWith('/api/') || c.req.path === '/healthz') return jsonError(c, err);
    return renderPageError(c, err);
  });
  // A router mounted with app.route() does not use its own notFound: answer /api/* here.
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? jsonError(
          c,
          new AppError(
            'not_found',
            `Tidak ada endpoint ${c.req.method} ${c.req.path}; lihat /api/v1/openapi.json`,
          ),
        )
      : renderPageError(c, new AppError('not_found', 'Halaman tidak ditemukan (page not found)')),
  );
  return app;
}
