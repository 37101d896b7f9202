import { createServer, type IncomingMessage, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Config } from '../config.ts';
import { type Db, openDatabase } from '../db/database.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { createLogger } from '../log.ts';
import { afterApp, serveDirect } from './direct.ts';
import type { AppEnv } from './env.ts';
import { createShell } from './shell.ts';

export interface RunningServer {
  port: number;
  url: string;
  db: Db;
  close(): Promise<void>;
}

/** Opens the database, applies migrations and serves the app. */
export async function startServer(
  config: Config,
  opts: { db?: Db; host?: string } = {},
): Promise<RunningServer> {
  const db = opts.db ?? openDatabase(config.databaseUrl);
  await prepareDatabase(db.db);
  const log = createLogger(config.logLevel);
  const deps = { db, config, log };
  // The app's routes (every router and page, and the libraries they use) take most of the
  // start-up time to load, so they are loaded once the server listens (issue 11: /healthz
  // within 0.6 s). Until then the shell — the same middleware, no routes — answers /healthz,
  // honestly: the database is open and migrated, and every other request is answered as soon as
  // the app is in (it waits for it). An app that fails to load fails every request, /healthz too.
  const shell = createShell(deps);
  let app: Hono<AppEnv> | undefined;
  let failed = false;
  let loading: Promise<Hono<AppEnv>> | undefined;
  const loadApp = () => {
    loading ??= import('./app.ts').then(({ createApp }) => {
      app = createApp(deps);
      return app;
    });
    loading.catch((err) => {
      failed = true;
      log.error({ err }, 'the app failed to load');
    });
    return loading;
  };
  const untilLoaded = (req: Request) =>
    !failed && new URL(req.url).pathname === '/healthz' ? shell : loadApp();
  const host = opts.host ?? '0.0.0.0';
  // Every request at debug; client errors at info and server errors at error, with timing, as
  // one pino JSON entry (method, path, status, ms). Hono's logger middleware (hono/logger) is
  // not used: it prints two plain-text lines per request at one level ("<-- GET /" and
  // "--> GET / 200 3ms"), so wired to pino it would lose the fields and the level by status,
  // and it would format every line even when the level is off.
  const fetch = async (req: Request, env: unknown) => {
    const started = performance.now();
    const res = await (app ?? (await untilLoaded(req))).fetch(req, env as object);
    afterApp((env as { incoming: IncomingMessage }).incoming, res);
    const level = res.status >= 500 ? 'error' : res.status >= 400 ? 'info' : 'debug';
    // The entry is built only when it is written: parsing the URL of every request costs.
    if (log.isLevelEnabled(level)) {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const entry = { method: req.method, path: new URL(req.url).pathname, status: res.status, ms };
      log[level](
        entry,
        level === 'error' ? 'request failed' : level === 'info' ? 'request refused' : 'request',
      );
    }
    return res;
  };
  const listener = getRequestListener(fetch, { hostname: host });
  // A public page already answered once from the page cache is written directly (direct.ts).
  const server: Server = createServer((req, res) => {
    if (!serveDirect(db.db, req, res)) void listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(config.port, host, resolve));
  void loadApp(); // now, so the first request seldom waits for it
  log.debug({ port: config.port, database: db.kind }, 'prestasi started');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    db,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }).then(() => db.close()),
  };
}
