import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppEnv } from '../env.ts';
import { etagOf } from './showcase/cache.ts';

// Static assets: the one stylesheet, a small enhancement script, the default emblem, and
// htmx served from node_modules. Read once at start; cached by the browser with an ETag.

const here = (name: string) => fileURLToPath(new URL(`../static/${name}`, import.meta.url));
const require = createRequire(import.meta.url);

interface Asset {
  body: string;
  type: string;
  etag: string;
}

function asset(path: string, type: string): Asset {
  const body = readFileSync(path, 'utf8');
  return { body, type, etag: etagOf(body) };
}

export function staticRoutes() {
  const assets: Record<string, Asset> = {
    'app.css': asset(here('app.css'), 'text/css; charset=utf-8'),
    'app.js': asset(here('app.js'), 'text/javascript; charset=utf-8'),
    'emblem.svg': asset(here('emblem.svg'), 'image/svg+xml'),
    'htmx.min.js': asset(require.resolve('htmx.org/dist/htmx.min.js'), 'text/javascript; charset=utf-8'),
  };
  const app = new Hono<AppEnv>();
  // Hono's etag middleware answers If-None-Match with a 304; the tag is computed once at start.
  app.get('/:name', etag(), (c) => {
    const a = assets[c.req.param('name')];
    if (!a) return c.notFound();
    c.header('ETag', a.etag);
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Content-Type', a.type);
    return c.body(a.body);
  });
  return app;
}
