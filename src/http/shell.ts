import type { Context, MiddlewareHandler, Next } from 'hono';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { isRegionViolation } from '../db/errors.ts';
import { createLogger } from '../log.ts';
import { AppError } from '../services/errors.ts';
import { identify, requireCsrf } from './auth/session.ts';
import { limitBody } from './body-limit.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { jsonError, toErrorBody } from './errors.ts';
import { rejectNulBytes } from './guards.ts';
import { detectLanguage } from './language.ts';
import { scopeToRegion } from './region-scope.ts';
import { regionTransaction } from './region-transaction.ts';

// The app's middleware, in order, around its routes: every request passes the same chain.
// The routes (API routers, pages) are passed in by app.ts, so this file loads none of them:
// `prestasi serve` answers /healthz through this chain while app.ts is still loading
// (server.ts), and everything else waits for the app with its routes.

/** What app.ts adds to the shell: its routes and the few checks that need to know them. */
export interface Routes {
  /** Mounts the API routers and the pages on the app. */
  mount(app: Hono<AppEnv>): void;
  /** A showcase page: the same for every visitor, it never reads who asks (no session lookup). */
  showcaseRead(c: Context<AppEnv>): boolean;
  /** A read of the public record, the same for every visitor (no region scope, no transaction). */
  readsAsPublic(c: Context<AppEnv>): boolean;
  /** Before the body limit: turns an evidence upload's 413 into a redirect to its form. */
  uploadTooLarge: MiddlewareHandler<AppEnv>;
  /** How an error looks on a page request. */
  renderPageError(c: Context<AppEnv>, err: unknown): Response | Promise<Response>;
}

/** The shell alone (no routes) answers /healthz, JSON errors, and 404 for anything else. */
const NO_ROUTES: Routes = {
  mount: () => {},
  showcaseRead: () => false,
  readsAsPublic: () => false,
  uploadTooLarge: (_c, next: Next) => next(),
  renderPageError: jsonError,
};

export function createShell(deps: AppDeps, routes: Routes = NO_ROUTES) {
  const app = new Hono<AppEnv>();

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
  app.use('/kerja/penghargaan/:id{[0-9]+}/bukti', routes.uploadTooLarge);
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
  app.use('*', identify(routes.showcaseRead));
  // The public record (the showcase, the public recap) reads as the public for everyone: those
  // requests keep the app's own handle and the one shared cache, outside any reader's region
  // scope and, on PostgreSQL, without a transaction of their own (the showcase reads the app's
  // handle, so one would hold a second pooled connection for nothing).
  const unlessPublic =
    (scoped: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> =>
    (c, next) =>
      routes.readsAsPublic(c) ? next() : scoped(c, next);
  app.use('*', unlessPublic(scopeToRegion));
  app.use('*', unlessPublic(regionTransaction));
  app.use('*', requireCsrf);

  app.get('/healthz', (c) => c.json({ status: 'ok', database: deps.db.kind }));

  routes.mount(app);

  // Anything that is not a client's mistake is a defect: one pino line with the request, then
  // the answer the client gets (a JSON error or an error page) says only that it was logged.
  const log = deps.log ?? createLogger(deps.config.logLevel);
  app.onError((err, c) => {
    // A region violation answers 403, but reaching the query layer's or the database's
    // backstop means a service check is missing: logged as a defect too.
    if (!toErrorBody(err) || isRegionViolation(err))
      log.error({ err, method: c.req.method, path: c.req.path }, 'unexpected error');
    if (c.req.path.startsWith('/api/') || c.req.path === '/healthz') return jsonError(c, err);
    return routes.renderPageError(c, err);
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
      : routes.renderPageError(c, new AppError('not_found', 'Halaman tidak ditemukan (page not found)')),
  );
  return app;
}
