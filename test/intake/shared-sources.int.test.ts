import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { pollDue } from '../../src/services/intake/watch/poll.ts';
import { addRegionFromGazetteer } from '../../src/services/regions.ts';
import { createUnit } from '../../src/services/units.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { FixtureSite } from './fixture-server.ts';

// Issue 13: a provincial outlet watched by two regions kept side by side — Kota Tangerang
// (36.71) and Kabupaten Tangerang (36.03) — against a real local site that counts requests.
// Each region registers the address as its own source; the watcher asks for it once per round,
// and each award lands in the queue of the region it names. Pausing one region's source leaves
// the other's going; the paused one catches up when resumed, with no article fetched twice.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = (text: string) => {
  const [headline, ...paragraphs] = text.split('\n\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(headline)}</title></head><body><article><h1>${esc(headline)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`;
};
const rss = (items: { title: string; link: string }[]) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Banten</title>${items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${i.link}</link><pubDate>Wed, 12 Nov 2025 08:00:00 +0700</pubDate><description>Baca selengkapnya</description></item>`,
    )
    .join('')}</channel></rss>`;

const KOTA_KLA = `Kota Tangerang Kembali Jadi Kota Layak Anak

TANGERANG – Pemerintah Kota Tangerang meraih penghargaan Kota Layak Anak kategori Utama dari Kementerian Pemberdayaan Perempuan dan Perlindungan Anak pada Sabtu (23/8/2025). Penghargaan itu diterima Wali Kota Tangerang di Jakarta.

Wali Kota mengatakan capaian itu hasil kerja seluruh warga Kota Tangerang.`;
const KAB_KLA = `Pemkab Tangerang Raih Penghargaan Kabupaten Layak Anak 2025

TIGARAKSA – Pemerintah Kabupaten Tangerang meraih penghargaan Kabupaten Layak Anak kategori Nindya dari Kementerian Pemberdayaan Perempuan dan Perlindungan Anak (KemenPPPA) pada Sabtu (23/8/2025). Penghargaan diterima Bupati Tangerang di Jakarta.

Bupati berterima kasih kepada seluruh perangkat daerah di Kabupaten Tangerang.`;
const KOTA_OMBUDSMAN = `Ombudsman Beri Pemkot Tangerang Predikat Kepatuhan Tinggi

TANGERANG – Pemerintah Kota Tangerang meraih Predikat Kepatuhan Tinggi dari Ombudsman RI pada Kamis (12/12/2025) dengan nilai 94,76. Penghargaan itu diterima Wali Kota Tangerang di Jakarta.

Wali Kota mengatakan capaian itu hasil kerja seluruh warga Kota Tangerang.`;
const KAB_ADIPURA = `Kabupaten Tangerang Sabet Adipura

TIGARAKSA – Pemerintah Kabupaten Tangerang meraih penghargaan Adipura dari Kementerian Lingkungan Hidup pada Rabu (5/3/2025). Penghargaan diterima Bupati Tangerang di Jakarta.

Bupati berterima kasih kepada seluruh perangkat daerah di Kabupaten Tangerang.`;

describe('one source watched by two regions', () => {
  let t: TestApp;
  let site: FixtureSite;
  let kabToken = '';
  const ids = { kota: 0, kab: 0 };
  const opts = { hostDelayMs: 20, timeoutMs: 2000, retries: 0, allowPrivate: true };
  const FEED = '/banten/feed.xml';
  const hits = (path: string) => site.hits.filter((h) => h.path === path);

  async function asKab(method: string, path: string, body?: unknown) {
    const res = await t.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${kabToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null, text };
  }
  const asKota = (method: string, path: string, body?: unknown) => t.call('kurator', method, path, body);
  const titles = async (as: typeof asKab) =>
    ((await as('GET', '/api/v1/intake/findings?limit=500')).json.items as { proposal: { title: string } }[])
      .map((f) => f.proposal.title)
      .join(' | ');
  /** Every source is due now (the watcher's clock, moved on). */
  const due = () =>
    t.db.db
      .updateTable('news_sources')
      .set({ next_fetch_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
  const setFeed = (stories: [string, string][]) =>
    site.routes.set(FEED, {
      type: 'application/rss+xml',
      etag: true,
      body: rss(stories.map(([path, text]) => ({ title: text.split('\n')[0], link: site.url(path) }))),
    });

  beforeAll(async () => {
    t = await createTestApp({ intakeWatchAllowPrivate: true });
    await addRegionFromGazetteer(t.db.db, SYSTEM_ACTOR, '36.03');
    await createUnit(t.db.db, SYSTEM_ACTOR, {
      regionCode: '36.03',
      name: 'Pemerintah Kabupaten Tangerang',
      unitType: 'PEMDA',
    });
    const kurator = await createUser(t.db.db, {
      email: 'kurator@tangerangkab.go.id',
      role: 'kurator',
      regionId: 3603,
    });
    kabToken = await createApiToken(t.db.db, kurator.id);
    site = await new FixtureSite().start();
    for (const [path, text] of [
      ['/berita/kota-layak-anak', KOTA_KLA],
      ['/berita/kabupaten-layak-anak', KAB_KLA],
      ['/berita/kota-ombudsman', KOTA_OMBUDSMAN],
      ['/berita/kabupaten-adipura', KAB_ADIPURA],
    ])
      site.routes.set(path, { body: page(text) });
    setFeed([
      ['/berita/kota-layak-anak', KOTA_KLA],
      ['/berita/kabupaten-layak-anak', KAB_KLA],
    ]);
  }, 60_000);
  afterAll(async () => {
    await site?.close();
    await t?.close();
  });

  it('lets each region register the same address as its own source, seen by that region only', async () => {
    const body = { url: site.url(FEED), kind: 'feed', outlet: 'Portal Banten', intervalMinutes: 60 };
    const kota = await asKota('POST', '/api/v1/intake/sources', { ...body, name: 'Banten (kota)' });
    expect(kota.status, kota.text).toBe(201);
    // The same address with a #fragment is still one address to fetch.
    const kab = await asKab('POST', '/api/v1/intake/sources', {
      ...body,
      url: `${site.url(FEED)}#kabupaten`,
      name: 'Banten (kabupaten)',
      intervalMinutes: 30,
    });
    expect(kab.status, kab.text).toBe(201);
    ids.kota = kota.json.id;
    ids.kab = kab.json.id;
    // Once per region: registering it twice in one region is still refused.
    expect((await asKota('POST', '/api/v1/intake/sources', { ...body, name: 'Lagi' })).status).toBe(409);

    const kotaList = (await asKota('GET', '/api/v1/intake/sources')).json.items;
    const kabList = (await asKab('GET', '/api/v1/intake/sources')).json.items;
    expect(kotaList.map((s: { id: number }) => s.id)).toEqual([ids.kota]);
    expect(kabList.map((s: { id: number }) => s.id)).toEqual([ids.kab]);
    expect(kabList[0]).toMatchObject({ name: 'Banten (kabupaten)', intervalMinutes: 30 });
    expect((await asKab('GET', `/api/v1/intake/sources/${ids.kota}`)).status).toBe(404);
    expect((await asKab('PATCH', `/api/v1/intake/sources/${ids.kota}`, { active: false })).status).toBe(404);
    expect((await t.db.db.selectFrom('source_fetches').selectAll().execute()).length).toBe(1);
  });

  it('fetches the feed and each article once in a round, and routes each award to its region', async () => {
    const reports = await pollDue(t.db.db, opts);
    expect(reports.map((r) => r.sourceId)).toEqual([ids.kota, ids.kab]);
    for (const r of reports) expect(r).toMatchObject({ status: 'ok', listed: 2, newLinks: 2 });
    expect(hits(FEED)).toHaveLength(1);
    expect(hits('/berita/kota-layak-anak')).toHaveLength(1);
    expect(hits('/berita/kabupaten-layak-anak')).toHaveLength(1);
    // Each report counts the findings its own region got.
    expect(reports.map((r) => r.findings)).toEqual([1, 1]);

    const kota = await titles(asKota);
    const kab = await titles(asKab);
    expect(kota).toContain('Kota Layak Anak');
    expect(kota).not.toContain('Kabupaten Layak Anak');
    expect(kab).toContain('Kabupaten Layak Anak');
    expect(kab).not.toContain('Kota Layak Anak');
    for (const as of [asKota, asKab]) {
      const [own] = (await as('GET', '/api/v1/intake/sources')).json.items;
      expect(own).toMatchObject({ lastStatus: 'ok', articles: 2, findings: 1, failures: 0 });
    }
  });

  it('asks once, conditionally, in the next round: one 304 serves both', async () => {
    await due();
    const reports = await pollDue(t.db.db, opts);
    expect(reports.map((r) => r.status)).toEqual(['not_modified', 'not_modified']);
    expect(hits(FEED)).toHaveLength(2);
    expect(hits(FEED)[1]).toMatchObject({ status: 304 });
    expect(hits(FEED)[1].ifNoneMatch).toBeTruthy();
  });

  it('goes on for one region while the other has paused its source', async () => {
    expect((await asKab('PATCH', `/api/v1/intake/sources/${ids.kab}`, { active: false })).status).toBe(200);
    const kabBefore = (await asKab('GET', `/api/v1/intake/sources/${ids.kab}`)).json;
    setFeed([
      ['/berita/kota-ombudsman', KOTA_OMBUDSMAN],
      ['/berita/kabupaten-adipura', KAB_ADIPURA],
      ['/berita/kota-layak-anak', KOTA_KLA],
    ]);
    await due();
    const reports = await pollDue(t.db.db, opts);
    expect(reports.map((r) => [r.sourceId, r.status])).toEqual([[ids.kota, 'ok']]);
    expect(reports[0]).toMatchObject({ newLinks: 2, findings: 1 });
    expect(hits(FEED)).toHaveLength(3);
    expect(await titles(asKota)).toContain('Kepatuhan Tinggi');
    // The paused source was not polled: its health is as it was.
    const kabAfter = (await asKab('GET', `/api/v1/intake/sources/${ids.kab}`)).json;
    expect(kabAfter).toMatchObject({ active: false, lastFetchAt: kabBefore.lastFetchAt, articles: 2 });
  });

  it('catches the resumed source up with one full request, fetching no article twice', async () => {
    expect((await asKab('PATCH', `/api/v1/intake/sources/${ids.kab}`, { active: true })).status).toBe(200);
    // Only the Kabupaten's source is due; the Kota's is taken along by the same request.
    const reports = await pollDue(t.db.db, opts);
    expect(reports.map((r) => r.sourceId)).toEqual([ids.kota, ids.kab]);
    expect(hits(FEED)).toHaveLength(4);
    // The Kota's source is in step, the Kabupaten's is not: a full answer, not a 304.
    expect(hits(FEED)[3]).toMatchObject({ status: 200, ifNoneMatch: null });
    expect(reports[1]).toMatchObject({ status: 'ok', newLinks: 2 });
    expect(reports[0]).toMatchObject({ status: 'ok', newLinks: 0 });
    for (const path of ['/berita/kota-ombudsman', '/berita/kabupaten-adipura'])
      expect(hits(path), path).toHaveLength(1);
    expect(await titles(asKab)).toContain('Adipura');
    expect(await titles(asKab)).not.toContain('Kepatuhan Tinggi');
    const kab = (await asKab('GET', `/api/v1/intake/sources/${ids.kab}`)).json;
    expect(kab).toMatchObject({ lastStatus: 'ok', articles: 4 });
  });

  it("writes a failed request against each region's own source", async () => {
    site.routes.set(FEED, { status: 500, body: 'rusak' });
    await due();
    const reports = await pollDue(t.db.db, opts);
    expect(reports.map((r) => r.error)).toEqual(['Server menjawab HTTP 500', 'Server menjawab HTTP 500']);
    expect(hits(FEED)).toHaveLength(5);
    for (const as of [asKota, asKab]) {
      const items = (await as('GET', '/api/v1/intake/sources')).json.items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        lastStatus: 'error',
        lastError: 'Server menjawab HTTP 500',
        failures: 1,
      });
    }
  });
});
