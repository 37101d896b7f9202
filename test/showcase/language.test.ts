import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/http/env.ts';
import { detectLanguage, languageOfRequest } from '../../src/http/language.ts';

// One language rule (src/http/language.ts): the app's middleware and the direct path's reading
// of a raw request must agree on every request, or a remembered page would answer in the wrong
// language.

const cases: { url: string; headers: Record<string, string>; expected: 'id' | 'en' }[] = [
  { url: '/', headers: {}, expected: 'id' },
  { url: '/?lang=en', headers: {}, expected: 'en' },
  { url: '/?lang=EN', headers: {}, expected: 'en' },
  { url: '/?lang=en-GB', headers: {}, expected: 'en' },
  { url: '/?lang=xx', headers: {}, expected: 'id' },
  { url: '/?lang=xx', headers: { cookie: 'lang=en' }, expected: 'en' },
  { url: '/?lang=id', headers: { cookie: 'lang=en', 'accept-language': 'en' }, expected: 'id' },
  { url: '/', headers: { cookie: 'sesi=abc; lang=en' }, expected: 'en' },
  { url: '/', headers: { cookie: 'lang=id', 'accept-language': 'en-US,en;q=0.9' }, expected: 'id' },
  { url: '/', headers: { cookie: 'lang=fr', 'accept-language': 'en-US' }, expected: 'id' },
  // The browser's language never decides (language.ts): Indonesian unless the reader chose English.
  { url: '/', headers: { 'accept-language': 'en-US,en;q=0.9' }, expected: 'id' },
  { url: '/', headers: { 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' }, expected: 'id' },
  { url: '/', headers: { 'accept-language': 'en;q=0.3,id;q=0.9' }, expected: 'id' },
  { url: '/', headers: { 'accept-language': 'fr-FR,de' }, expected: 'id' },
  { url: '/', headers: { 'accept-language': '*' }, expected: 'id' },
  { url: '/', headers: { 'accept-language': 'en;q=0' }, expected: 'id' },
  { url: '/?l%61ng=en', headers: {}, expected: 'en' },
  { url: '/?x=1', headers: { cookie: 'xlang=en' }, expected: 'id' },
  { url: '/?x=1', headers: { cookie: 'LANG=en' }, expected: 'id' },
];

describe('the language rule', () => {
  const app = new Hono<AppEnv>();
  app.use('*', detectLanguage());
  app.get('*', (c) => c.text(c.get('locale')));

  it.each(cases)('$url $headers → $expected, in the app and on the direct path', async (k) => {
    const res = await app.request(k.url, { headers: k.headers });
    expect(await res.text()).toBe(k.expected);
    const raw = { url: k.url, headers: k.headers } as unknown as IncomingMessage;
    expect(languageOfRequest(raw)).toBe(k.expected);
    // Asked again, the direct path answers from what it remembered: the same.
    expect(languageOfRequest(raw)).toBe(k.expected);
  });
});
