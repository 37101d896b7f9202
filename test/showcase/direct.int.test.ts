import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCacheStats } from '../../src/http/pages/showcase/cache.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createAwardSchema } from '../../src/services/awards/schemas.ts';
import { createAward } from '../../src/services/awards/write.ts';
import type { TestApp } from '../support/app.ts';
import { createShowcaseApp } from './support.ts';

// A public page answered once from the page cache is answered again before the app, over a
// real socket (src/http/direct.ts). It must be the same response the app sent — status, bytes,
// security headers — and never outlive the data, bypass a token check or mix languages.

describe('public pages answered directly by the server', () => {
  let t: TestApp;
  let server: RunningServer;
  beforeAll(async () => {
    ({ t } = await createShowcaseApp());
    server = await startServer({ ...t.config, port: 0, logLevel: 'silent' }, { db: t.db, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((r) => setTimeout(r, 0));
    await server.close().catch(() => undefined);
    await t.close();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { headers });
    const body = await res.text();
    const h = Object.fromEntries([...res.headers].filter(([k]) => k !== 'date' && k !== 'keep-alive'));
    return { status: res.status, body, headers: h };
  };
  const stats = () => pageCacheStats(t.db.db);

  it('answers the same request again with the same status, bytes and headers, without a render', async () => {
    const first = await get('/?utm=direct-1');
    expect(first.status).toBe(200);
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    expect(stats().direct).toBeGreaterThan(0);
    const { renders, directHits } = stats();
    // The direct path answers while the data version was checked within the last second; on a
    // loaded machine one request may find it older and go through the app (which re-checks).
    for (let i = 0; i < 5 && stats().directHits === directHits; i++)
      expect(await get('/?utm=direct-1')).toEqual(first);
    expect(stats().directHits).toBeGreaterThan(directHits);
    expect(stats().renders).toBe(renders);
  });

  it('answers a page that reads no query parameter directly for any query string, keeping the language', async () => {
    const home = await get('/?a=1');
    await get('/?a=1');
    const { directHits } = stats();
    for (let i = 0; i < 5 && stats().directHits === directHits; i++)
      expect((await get(`/?x=${Math.random()}`)).body).toBe(home.body);
    expect(stats().directHits).toBeGreaterThan(directHits);
    // ?lang=en is the English page even among other parameters, and wins over the cookie.
    const en = await get('/?lang=en');
    expect(en.headers.etag).not.toBe(home.headers.etag);
    expect((await get('/?x=2&lang=en')).body).toBe(en.body);
    expect((await get('/?x=3&lang=en', { cookie: 'lang=id' })).body).toBe(en.body);
    expect((await get('/?x=4', { cookie: 'lang=en' })).body).toBe(en.body);
    expect((await get('/?x=5&lang=id', { cookie: 'lang=en' })).body).toBe(home.body);
  });

  it('answers 304 to a matching If-None-Match, with the ETag and no body', async () => {
    const page = await get('/linimasa');
    await get('/linimasa');
    const res = await get('/linimasa', { 'if-none-match': page.headers.etag! });
    expect(res.status).toBe(304);
    expect(res.body).toBe('');
    expect(res.headers.etag).toBe(page.headers.etag);
    expect(res.headers['x-frame-options']).toBe('DENY');
    const other = await get('/linimasa', { 'if-none-match': '"not-this-one"' });
    expect(other.status).toBe(200);
    expect(other.body).toBe(page.body);
  });

  it('keeps languages apart: the lang cookie and ?lang=en get the English page', async () => {
    const id = await get('/penghargaan');
    await get('/penghargaan');
    const en = await get('/penghargaan', { cookie: 'lang=en' });
    const enAgain = await get('/penghargaan', { cookie: 'lang=en' });
    expect(en.headers.etag).not.toBe(id.headers.etag);
    expect(enAgain.body).toBe(en.body);
    expect(en.body).toContain('lang="en"');
    expect((await get('/penghargaan')).body).toBe(id.body);
  });

  it('never answers in English because of Accept-Language alone, as the app decides it', async () => {
    const id = await get('/linimasa?x=al');
    await get('/linimasa?x=al');
    const en = await get('/linimasa?x=al&lang=EN');
    expect(en.body).toContain('lang="en"');
    expect(id.headers.vary).toContain('Cookie');
    for (let i = 0; i < 3; i++) {
      expect((await get('/linimasa?x=al', { 'accept-language': 'en-GB,en;q=0.9' })).body).toBe(id.body);
      expect((await get('/linimasa?x=al', { cookie: 'lang=en' })).body).toBe(en.body);
      expect((await get('/linimasa?x=al&lang=ID', { cookie: 'lang=en' })).body).toBe(id.body);
      expect((await get('/linimasa?x=al&lang=EN')).body).toBe(en.body);
    }
  });

  it('still refuses a bad API token on a remembered page', async () => {
    await get('/');
    await get('/');
    const res = await fetch(`${server.url}/`, { headers: { authorization: 'Bearer tidak-ada' } });
    expect(res.status).toBe(401);
  });

  it('serves the new page once the data changed (within the one-second version check)', async () => {
    const before = await get('/penghargaan?tahun=2025');
    await get('/penghargaan?tahun=2025');
    const title = 'Penghargaan baru setelah cache langsung';
    await createAward(
      t.db.db,
      SYSTEM_ACTOR,
      createAwardSchema.parse({
        title,
        editionYear: 2025,
        awardingBodyText: 'Kementerian Contoh',
        level: 'nasional',
        fieldCode: 'inovasi',
        recipientKind: 'unit',
        unitId: t.units.dinkes.id,
        receivedOn: '2025-12-30',
      }),
      { state: 'verified' },
    );
    await new Promise((r) => setTimeout(r, 1100)); // the version is re-read at most once a second
    const after = await get('/penghargaan?tahun=2025');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain(title);
  });
});
