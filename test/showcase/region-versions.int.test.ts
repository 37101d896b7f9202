import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCacheStats } from '../../src/http/pages/showcase/cache.ts';
import { CACHE_RULES } from '../../src/services/showcase/version.ts';
import { sampleAward, type TestApp } from '../support/app.ts';
import { createRegionsApp } from '../support/regions.ts';

// A national deployment must not re-render every region's pages when one region verifies an
// award: a region's pages depend on that region's data version. Pages about every region
// (the comparison, the index) may be up to a minute behind (CACHE_RULES.acrossRegionsMs).

describe('cached pages per region', () => {
  let t: TestApp;
  const saved = { ...CACHE_RULES };
  beforeAll(async () => {
    t = await createRegionsApp();
  }, 60_000);
  afterAll(() => t.close());

  const get = (path: string) => t.call('public', 'GET', path);
  const renders = () => pageCacheStats(t.db.db).renders;

  /** A new award of Kota Tangerang (36.71) for 2025, verified through the API. */
  async function verifyNewAward(title: string) {
    const created = await t.call(
      'operator',
      'POST',
      '/api/v1/awards',
      sampleAward(t.units.dinkes.id, { title, editionYear: 2025, receivedOn: '2025-11-20' }),
    );
    expect(created.status).toBe(201);
    expect((await t.call('operator', 'POST', `/api/v1/awards/${created.json.id}/submit`)).status).toBe(200);
    expect((await t.call('verifikator', 'POST', `/api/v1/awards/${created.json.id}/verify`)).status).toBe(
      200,
    );
  }

  it("a change in one region re-renders that region's pages only", async () => {
    const pages = ['', '/penghargaan?tahun=2025', '/linimasa', '/data'];
    const before: Record<string, string | null> = {};
    for (const code of ['36.71', '36.03'])
      for (const p of pages) before[code + p] = (await get(`/wilayah/${code}${p}`)).headers.get('etag');
    const start = renders();
    for (const code of ['36.71', '36.03']) for (const p of pages) await get(`/wilayah/${code}${p}`);
    expect(renders(), 'all cached').toBe(start);

    await verifyNewAward('Penghargaan-Baru-Kota-Tangerang');

    for (const p of pages) {
      const res = await get(`/wilayah/36.03${p}`);
      expect(res.headers.get('etag'), `36.03${p}`).toBe(before[`36.03${p}`]);
    }
    expect(renders(), "the other region's pages are cache hits").toBe(start);
    const home = await get('/wilayah/36.71');
    expect(home.text).toContain('Penghargaan-Baru-Kota-Tangerang');
    expect(home.headers.get('etag')).not.toBe(before['36.71']);
    expect(renders(), "the changed region's page is rendered again").toBe(start + 1);
  });

  it('pages about every region take a change within the allowed minute, not at once', async () => {
    const first = await get('/perbandingan?tahun=2025');
    const start = renders();
    await verifyNewAward('Penghargaan-Kedua-Kota-Tangerang');
    // Within the minute: the comparison is still the cached page.
    expect((await get('/perbandingan?tahun=2025')).headers.get('etag')).toBe(first.headers.get('etag'));
    expect(renders()).toBe(start);
    // Once the minute has passed (here: the rule shortened), the next reader gets the new count.
    CACHE_RULES.acrossRegionsMs = 0;
    try {
      const next = await get('/perbandingan?tahun=2025');
      expect(next.headers.get('etag')).not.toBe(first.headers.get('etag'));
      expect(renders()).toBe(start + 1);
    } finally {
      CACHE_RULES.acrossRegionsMs = saved.acrossRegionsMs;
    }
  });

  it("a catalogue change (a giver renamed) shows on every region's pages", async () => {
    const kab = await get('/wilayah/36.03');
    const start = renders();
    const giver = await t.db.db
      .selectFrom('awarding_bodies')
      .select(['id', 'abbreviation'])
      .where('code', '=', 'kemendagri')
      .executeTakeFirstOrThrow();
    // Written without an audit event on purpose: the catalogue is read whole when the
    // deployment's version moves, and a new unit moves it here.
    await t.db.db
      .updateTable('awarding_bodies')
      .set({ abbreviation: 'Kemendagri-Baru' })
      .where('id', '=', giver.id)
      .execute();
    await t.call('admin', 'POST', '/api/v1/units', {
      parentId: t.units.root.id,
      name: 'Dinas Baru',
      unitType: 'DINAS',
    });
    const after = await get('/wilayah/36.03');
    expect(after.headers.get('etag')).not.toBe(kab.headers.get('etag'));
    expect(after.text).toContain('Kemendagri-Baru');
    expect(renders()).toBe(start + 1);
  });
});
