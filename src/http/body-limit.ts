import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.ts';

// The request size limit, applied only where a body can come. Hono's bodyLimit reads
// `c.req.raw.body`, which makes @hono/node-server build a full Request (with its own
// AbortController) for every request — measured at about 1 KB of heap kept per request, and a
// fixed cost on every public page. A declared Content-Length is checked from the header (Node's
// HTTP parser holds the body to it); only a chunked body is counted as it streams.

const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function limitBody(
  maxSize: number,
  onError: (c: Context<AppEnv>) => never,
): MiddlewareHandler<AppEnv> {
  const streaming = bodyLimit({ maxSize, onError });
  return (c, next) => {
    if (BODILESS.has(c.req.method)) return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number(length) > maxSize ? onError(c) : next();
    return streaming(c, next);
  };
}
