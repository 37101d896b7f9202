import type { MiddlewareHandler } from 'hono';
import { AppError } from '../services/errors.ts';
import type { AppEnv } from './env.ts';

const TEXT_BODY = /^(application\/json|application\/x-www-form-urlencoded|text\/)/i;

/** Dotted path of the first string holding a NUL character ('aliases.1'), or null. */
function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nulPath(v, [...path, k]) ?? (k.includes('\u0000') ? [...path, k].join('.') : null);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Text with a NUL character is never meaningful here, and PostgreSQL refuses it deep inside a
 * query (a 500 on one database, stored on the other). Refuse it at the door for every route:
 * in the path or query, and in JSON, form and text bodies (naming the JSON field). Multipart
 * bodies carry binary files legitimately; their text fields are checked by the schemas.
 */
export const rejectNulBytes: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  if (url.includes('%00') || url.includes('\u0000'))
    throw new AppError('bad_request', 'Alamat (URL) mengandung karakter NUL (%00); hapus karakter itu.');
  const type = c.req.header('content-type') ?? '';
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || !TEXT_BODY.test(type)) return next();
  // Hono caches the body, so the route's own parser reads it again without a second read.
  const text = await c.req.text();
  let field: string | null = null;
  if (/json/i.test(type)) {
    if (!/\\u0000/i.test(text) && !text.includes('\u0000')) return next();
    try {
      field = nulPath(JSON.parse(text));
    } catch {
      return next(); // malformed JSON: the route's parser answers 400
    }
    if (field === null) return next();
  } else if (!text.includes('\u0000') && !(/urlencoded/i.test(type) && text.includes('%00'))) {
    return next();
  }
  throw new AppError(
    'validation_failed',
    'Teks mengandung karakter NUL (\\u0000); hapus karakter itu lalu kirim lagi.',
    [{ field: field || undefined, message: 'Karakter NUL tidak diperbolehkan (NUL character not allowed)' }],
  );
};
