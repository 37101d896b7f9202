import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_LIMITS, pageCacheStats } from '../../src/http/pages/showcase/cache.ts';
import type { TestApp } from '../support/app.ts';
import { createShowcaseApp, dom } from './support.ts';

// The page cache is keyed on what a page means, not on the raw URL: a query string the page
// does not read must not cost a render (one client could otherwise keep the server rendering),
// and what is cached for one spelling of a URL must be right for every other spelling.

describe('showcase page cache keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = await createShowcaseApp());
  }, 60_000);
  afterAll(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    t.call('public', 'GET', path, undefined, headers);
  const renders = () => pageCacheStats(t.db.db).renders;

  it('serves unknown parameters from the cached page and never writes them into it', async () => {
    const first = await get('/');
    const before = renders();
    for (let i = 0; i < 20; i++) {
      const res = await get(`/?x=${i}&utm_source="><script>`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(res.text).not.toContain('utm_source');
    }
    expect(renders()).toBe(before);
    expect(dom(first.text).querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/\/$/);
  });

  it('treats the same list filters in any order, spacing or with extras as one page', async () => {
    const a = await get('/penghargaan?tahun=2025&bidang=kesehatan');
    const before = renders();
    for (const q of [
      'bidang=kesehatan&tahun=2025',
      'tahun=%202025%20&bidang=kesehatan&foo=bar',
      'bidang=kesehatan&tahun=2025&hal=1',
    ]) {
      const res = await get(`/penghargaan?${q}`);
      expect(res.headers.get('etag'), q).toBe(a.headers.get('etag'));
    }
    expect(renders()).toBe(before);
    // A different filter is a different page.
    const b = await get('/penghargaan?tahun=2024&bidang=kesehatan');
    expect(b.headers.get('etag')).not.toBe(a.headers.get('etag'));
    expect(renders()).toBe(before + 1);
  });

  it('shares one page for every unusable value of a filter, and still names it on the page', async () => {
    const a = await get('/penghargaan?tahun=abc');
    const before = renders();
    const b = await get('/penghargaan?tahun=xyz');
    expect(renders()).toBe(before);
    expect(b.text).toBe(a.text);
    expect(b.text).toContain('tahun');
    expect(b.text).not.toContain('xyz');
  });

  it('keys English and Indonesian apart, whether the language comes from the URL or the cookie', async () => {
    const id = await get('/linimasa');
    const en = await get('/linimasa?lang=en');
    const cookie = await get('/linimasa', { cookie: 'lang=en' });
    expect(en.headers.get('etag')).not.toBe(id.headers.get('etag'));
    expect(cookie.headers.get('etag')).toBe(en.headers.get('etag'));
  });

  it('renders a page once for many concurrent first requests', async () => {
    const { dinkes } = t.units;
    const before = renders();
    const all = await Promise.all(
      Array.from({ length: 10 }, () => get(`/unit/${dinkes.id}?n=${Math.random()}`)),
    );
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(renders()).toBe(before + 1);
  });

  it('keeps at most the configured number of pages, dropping the least recently used', async () => {
    const saved = CACHE_LIMITS.entries;
    CACHE_LIMITS.entries = 3;
    try {
      for (const y of [2021, 2022, 2023, 2024, 2025]) await get(`/penghargaan?tahun=${y}`);
      expect(pageCacheStats(t.db.db).entries).toBeLessThanOrEqual(3);
      const before = renders();
      await get('/penghargaan?tahun=2025'); // still kept
      expect(renders()).toBe(before);
      await get('/penghargaan?tahun=2021'); // dropped first
      expect(renders()).toBe(before + 1);
    } finally {
      CACHE_LIMITS.entries = saved;
    }
  });
});
