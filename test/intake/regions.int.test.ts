import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { uploadFixture } from './support.ts';

// The home queue (Kota Tangerang, 36.71) against its neighbours: Kabupaten Tangerang (36.03),
// Kota Tangerang Selatan (36.74), and a far region whose name hides behind "(Pemkab)".

type Ingested = { articleId: number; findings: { id: number }[]; otherRegions: number };

describe('intake: only the home region reaches the queue', () => {
  let t: TestApp;
  const take = async (name: string): Promise<Ingested> => {
    const res = await uploadFixture(t, `regions/${name}`);
    expect(res.status, res.text).toBe(201);
    return res.json.articles[0];
  };
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("keeps a neighbour's awards out of the queue, with the article, counted", async () => {
    for (const name of ['kab-tangerang.txt', 'nagan-raya.txt']) {
      const a = await take(name);
      expect(a.findings, name).toEqual([]);
      expect(a.otherRegions, name).toBeGreaterThan(0);
      const article = (await t.call('kurator', 'GET', `/api/v1/intake/articles/${a.articleId}`)).json;
      expect(article.otherRegions).toHaveLength(a.otherRegions);
      expect(article.otherRegions[0].reason).toBe('other_region');
      expect(article.text.slice(article.otherRegions[0].start, article.otherRegions[0].end)).toBe(
        article.otherRegions[0].quote,
      );
    }
    const aside = (await t.call('kurator', 'GET', '/api/v1/intake/other-regions')).json;
    const names = aside.items.map((e: { region: { name: string } }) => e.region.name).join(' | ');
    expect(names).toContain('Nagan Raya');
    expect(names).toContain('Kabupaten Tangerang');
    expect(aside.total).toBe(aside.items.length);
    const queue = (await t.call('kurator', 'GET', '/api/v1/intake/findings')).json;
    expect(queue.total).toBe(0);
  });

  it('proposes the home region beside its neighbour and credits the unit it names', async () => {
    const both = await take('tangsel-and-ours.txt');
    expect(both.findings.length).toBeGreaterThan(0);
    for (const f of both.findings) {
      const detail = (await t.call('kurator', 'GET', `/api/v1/intake/findings/${f.id}`)).json;
      expect(detail.proposal.recipient ?? '').not.toMatch(/Selatan/);
    }

    const pkm = await take('puskesmas.txt');
    expect(pkm.findings).toHaveLength(1);
    const finding = (await t.call('kurator', 'GET', `/api/v1/intake/findings/${pkm.findings[0].id}`)).json;
    expect(finding.proposal.recipientUnitId).toBe(t.units.puskesmas.id);
    const accepted = await t.call('kurator', 'POST', `/api/v1/intake/findings/${pkm.findings[0].id}/accept`);
    expect(accepted.status, accepted.text).toBe(200);
    const award = (await t.call('admin', 'GET', `/api/v1/awards/${accepted.json.awardId}`)).json;
    expect(award.unit?.id).toBe(t.units.puskesmas.id);
    expect(award.recipientKind).toBe('unit');
  });

  it('is for curators only', async () => {
    expect((await t.call('operator', 'GET', '/api/v1/intake/other-regions')).status).toBe(403);
    expect((await t.call('public', 'GET', '/api/v1/intake/other-regions')).status).toBe(401);
  });
});
