import { createServer, type IncomingMessage, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Config } from '../config.ts';
import { type Db, openDatabase } from '../db/database.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { createLogger } from '../log.ts';
import { createApp } from './app.ts';
import { afterApp, serveDirect } from './direct.ts';

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
  const app = createApp({ db, config, log });
  const host = opts.host ?? '0.0.0.0';
  // Every request at debug; client errors at info and server errors at error, with timing, as
  // one pino JSON entry (method, path, status, ms). Hono's logger middleware (hono/logger) is
  // not used: it prints two plain-text lines per request at one level ("<-- GET /" and
  // "--> GET / 200 3ms"), so wired to pino it would lose the fields and the level by status,
  // and it would format every line even when the level is off.
  const fetch = async (req: Request, env: unknown) => {
    const started = performance.now();
    const res = await app.fetch(req, env as object);
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
