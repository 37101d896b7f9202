import type { MiddlewareHandler } from 'hono';
import { AppError } from '../services/errors.ts';
import type { AppEnv } from './env.ts';

const TEXT_BODY = /^(application\/json|application\/x-www-form-urlencoded|text\/)/i;

/** Deepest nesting a JSON body may have; no request of this API needs more than a handful. */
export const MAX_JSON_DEPTH = 64;

/**
 * Nesting depth of a JSON text, counted by one pass over its characters (brackets inside
 * strings do not count). Linear and stack-free, so a 100,000-level body costs one scan.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return max;
}

/** Dotted path of the first string (or key) holding a NUL character ('aliases.1'), or null. */
function nulPath(root: unknown): string | null {
  // An explicit stack rather than recursion: depth is bounded above, but the walk must not be
  // the thing that fails on a hostile body.
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path.join('.');
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, String(i)] });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) return [...path, k].join('.');
        stack.push({ value: v, path: [...path, k] });
      }
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
    if (jsonDepth(text) > MAX_JSON_DEPTH)
      throw new AppError(
        'bad_request',
        `JSON terlalu dalam bersarang (lebih dari ${MAX_JSON_DEPTH} tingkat); kirim data yang lebih datar (JSON nested too deeply).`,
      );
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
