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

  it('offers a late outlet of an accepted award as evidence, and attaches it on request', async () => {
    const queue = (await t.call('kurator', 'GET', '/api/v1/intake/findings?state=pending')).json;
    const sehat = queue.items.find((f: { proposal: { title: string } }) =>
      /Swasti Saba/.test(f.proposal.title),
    );
    const accepted = await t.call('kurator', 'POST', `/api/v1/intake/findings/${sehat.id}/accept`);
    expect(accepted.status, accepted.text).toBe(200);
    const noneYet = (await t.call('kurator', 'GET', `/api/v1/intake/findings/${sehat.id}`)).json;
    expect(noneYet.pendingEvidence).toEqual([]);

    // A third outlet, days later: its own headline and byline over the same release.
    const late = readFileSync(join(fixturesDir, 'release-kota-sehat-republished.txt'), 'utf8')
      .replace('Kota Tangerang Kembali Dinobatkan Kota Sehat', 'Swasti Saba Wistara untuk Kota Tangerang')
      .replace('Oleh Redaksi Portal Banten', 'Penulis: Tim Warta Kota');
    const res = await t.call('kurator', 'POST', '/api/v1/intake/articles', {
      text: late,
      outlet: 'Warta Kota',
    });
    expect(res.status, res.text).toBe(201);
    const lateArticle = res.json.articles[0].articleId;
    const offered = (await t.call('kurator', 'GET', `/api/v1/intake/findings/${sehat.id}`)).json;
    expect(offered.state).toBe('accepted');
    expect(offered.pendingEvidence).toEqual([lateArticle]);

    expect(
      (await t.call('operator', 'POST', `/api/v1/intake/findings/${sehat.id}/attach-sources`)).status,
    ).toBe(403);
    const attached = await t.call('kurator', 'POST', `/api/v1/intake/findings/${sehat.id}/attach-sources`);
    expect(attached.status, attached.text).toBe(200);
    expect(attached.json.evidenceIds).toHaveLength(1);
    const evidence = await t.db.db
      .selectFrom('evidence')
      .select('article_id')
      .where('award_id', '=', accepted.json.awardId)
      .execute();
    expect(evidence.map((e) => e.article_id)).toContain(lateArticle);
    expect(
      (await t.call('kurator', 'GET', `/api/v1/intake/findings/${sehat.id}`)).json.pendingEvidence,
    ).toEqual([]);
    // Nothing left to attach: a second call adds nothing.
    const again = await t.call('kurator', 'POST', `/api/v1/intake/findings/${sehat.id}/attach-sources`);
    expect(again.json.evidenceIds).toEqual([]);
  });

  it('refuses to attach to a pending finding (no award yet)', async () => {
    const pending = (await t.call('kurator', 'GET', '/api/v1/intake/findings?state=pending')).json.items[0];
    expect(pending, 'a pending finding to try').toBeTruthy();
    const res = await t.call('kurator', 'POST', `/api/v1/intake/findings/${pending.id}/attach-sources`);
    expect(res.status).toBe(409);
  });
});
