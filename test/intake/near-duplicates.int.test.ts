import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameEvent } from '../../src/services/intake/fingerprint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { fixturesDir } from './support.ts';

// One release, two outlets: the second copy names the giver by its minister and drops the
// date, so the event rules alone cannot tell it is the same award; the articles are
// near-duplicates, so it becomes one more source of the same finding.

describe('intake: the same release from several outlets is one finding', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = async (name: string, outlet: string) => {
    const res = await t.call('kurator', 'POST', '/api/v1/intake/articles', {
      text: readFileSync(join(fixturesDir, name), 'utf8'),
      outlet,
    });
    expect(res.status, res.text).toBe(201);
    return res.json.articles[0];
  };

  it('joins the republished copy to the first finding as a source', async () => {
    const first = await post('release-kota-sehat.txt', 'Prokopim');
    const [finding] = first.findings;
    expect(finding.outcome).toBe('new');
    const second = await post('release-kota-sehat-republished.txt', 'Portal Banten');
    const joined = second.findings.find((f: { id: number }) => f.id === finding.id);
    expect(joined?.outcome).toBe('source');

    const detail = (await t.call('kurator', 'GET', `/api/v1/intake/findings/${finding.id}`)).json;
    expect(detail.sources.map((s: { outlet: string }) => s.outlet)).toEqual(['Prokopim', 'Portal Banten']);
    // The date the first outlet gave stays; the event rules alone would not have joined them.
    expect(detail.proposal.date).toBe('2025-11-11');
    const copy = (await t.call('kurator', 'GET', `/api/v1/intake/articles/${second.articleId}`)).json;
    const own = copy.findings.find((f: { id: number }) => f.id === finding.id);
    expect(own).toBeTruthy();
    expect(sameEvent(detail.proposal, { ...detail.proposal, date: null, year: null })).toBe(false);
  });

  it('stores the MinHash keys of every article it takes in', async () => {
    const other = await post('other-release-same-lead.txt', 'Humas');
    // Same award, same date: it joins by the event rules (fingerprint), not as a near-duplicate.
    const queue = (await t.call('kurator', 'GET', '/api/v1/intake/findings')).json;
    expect(queue.total).toBeGreaterThanOrEqual(1);
    const bands = await t.db.db
      .selectFrom('article_bands')
      .select('article_id')
      .where('article_id', '=', other.articleId)
      .execute();
    expect(bands).toHaveLength(32);
  });
});
