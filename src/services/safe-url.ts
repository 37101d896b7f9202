import { z } from './zod.ts';

// Outside URLs (news links, RSS items, evidence links) are stored and shown as links. Only web
// addresses may pass: a `javascript:` or `data:` URL in an href runs script when clicked. This is
// the one allow-list, used where such a URL is accepted, stored and rendered.

const WEB_SCHEMES = new Set(['http:', 'https:']);

/** The URL in its parsed, normalised form when it is an http(s) address with a host; else null. */
export function webUrlOrNull(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  return WEB_SCHEMES.has(url.protocol) && url.hostname.length > 0 ? url.href : null;
}

export const WEB_URL_MESSAGE = 'URL harus alamat web lengkap yang diawali http:// atau https://';

/** A web address in a request body, stored in the parser's normalised form. */
export const webUrlSchema = () =>
  z
    .string()
    .trim()
    .max(2000, 'URL paling banyak 2000 karakter')
    .refine((s) => webUrlOrNull(s) !== null, WEB_URL_MESSAGE)
    .transform((s) => webUrlOrNull(s) ?? s);
