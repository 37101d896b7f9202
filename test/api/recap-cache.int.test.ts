import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECAP_CACHE_LIMITS, recapCacheStats } from '../../src/http/api/public-recap.ts';
import { CACHE_RULES } from '../../src/services/showcase/version.ts';
import { sampleAward, type TestApp } from '../support/app.ts';
import { createRegionsApp } from '../support/regions.ts';

// The public recap (GET /api/v1/recap without sign-in) is kept until the region's data changes:
// keyed by what the answer means (region, year, language), never shared with a signed-in
// reader's answer, and new as soon as a verification changed the count.

describe('public recap cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createRegionsApp();
  }, 60_000);
  afterAll(() => t.close());

  const recap = (query: string, who: 'public' | 'admin' | 'nasional' = 'public') =>
    t.call(who, 'GET', `/api/v1/recap?${query}`);
  const builds = () => recapCacheStats(t.db.db).builds;

  async function verifyNewAward(editionYear: number) {
    const created = await t.call(
      'operator',
      'POST',
      '/api/v1/awards',
      sampleAward(t.units.dinkes.id, { editionYear, receivedOn: `${editionYear}-10-01` }),
    );
    expect(created.status).toBe(201);
    await t.call('operator', 'POST', `/api/v1/awards/${created.json.id}/submit`);
    expect((await t.call('verifikator', 'POST', `/api/v1/awards/${created.json.id}/verify`)).status).toBe(
      200,
    );
    return created.json.id as number;
  }

  it('answers the same public question from the cache, and each different question apart', async () => {
    const first = await recap('region=36.71&year=2025');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    const start = builds();
    const again = await recap('year=2025&region=36.71&unknown=1');
    expect(again.text).toBe(first.text);
    expect(builds()).toBe(start);
    // Language, year and region are each another answer.
    const en = await recap('region=36.71&year=2025&lang=en');
    expect(en.json.total).toBe(first.json.total);
    expect(en.json.change.phrase).not.toBe(first.json.change.phrase);
    expect((await recap('region=36.71&year=2024')).json.year).toBe(2024);
    const kab = await recap('region=36.03&year=2025');
    expect(kab.json.region.code).toBe('36.03');
    expect(builds()).toBe(start + 3);
    // Without a region: the first region by code (32.73 in this seed), kept like the others.
    const noRegion = await recap('year=2025');
    expect(noRegion.json.region.code).toBe('32.73');
    expect(builds()).toBe(start + 4);
    await recap('year=2025');
    expect(builds()).toBe(start + 4);
  });

  it('never serves a signed-in answer from the public cache, nor the public one to them', async () => {
    const pub = await recap('region=36.71&year=2025');
    const start = builds();
    const drafts = await recap('region=36.71&year=2025&includeUnverified=true', 'admin');
    expect(drafts.status).toBe(200);
    expect(drafts.json.verifiedOnly).toBe(false);
    // 36.71 has a draft and an unpublished award in 2025 (regions.ts): the admin counts more.
    expect(drafts.json.total).toBeGreaterThan(pub.json.total);
    const signedIn = await recap('region=36.71&year=2025', 'admin');
    expect(signedIn.json.total).toBeGreaterThanOrEqual(pub.json.total);
    expect(builds(), 'signed-in answers are counted afresh, never kept').toBe(start);
    // The public may not ask for unverified records; the cache does not change that.
    expect((await recap('region=36.71&year=2025&includeUnverified=true')).status).toBe(401);
    expect((await recap('region=36.71&year=2025')).text).toBe(pub.text);
    expect(builds()).toBe(start);
  });

  it('answers the new count right after a verification, and keeps the other region cached', async () => {
    const kota = await recap('region=36.71&year=2025');
    const kab = await recap('region=36.03&year=2025');
    const start = builds();
    await verifyNewAward(2025);
    const after = await recap('region=36.71&year=2025');
    expect(after.json.total).toBe(kota.json.total + 1);
    expect(builds()).toBe(start + 1);
    expect((await recap('region=36.03&year=2025')).text).toBe(kab.text);
    expect(builds(), "the other region's recap is still kept").toBe(start + 1);
  });

  it('sees the change within the one-second version check when the version is trusted for a second', async () => {
    CACHE_RULES.versionTtlMs = 1000;
    try {
      const before = (await recap('region=36.71&year=2023')).json.total;
      await verifyNewAward(2023);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await recap('region=36.71&year=2023')).json.total).toBe(before + 1);
    } finally {
      CACHE_RULES.versionTtlMs = 0;
    }
  });

  it('keeps at most the configured number of recaps', async () => {
    const savedLimit = RECAP_CACHE_LIMITS.entries;
    RECAP_CACHE_LIMITS.entries = 2;
    try {
      for (const year of [2019, 2020, 2021, 2022]) await recap(`region=36.71&year=${year}`);
      expect(recapCacheStats(t.db.db).entries).toBeLessThanOrEqual(2);
      const start = builds();
      await recap('region=36.71&year=2022'); // kept
      expect(builds()).toBe(start);
      await recap('region=36.71&year=2019'); // dropped first
      expect(builds()).toBe(start + 1);
    } finally {
      RECAP_CACHE_LIMITS.entries = savedLimit;
    }
  });
});
