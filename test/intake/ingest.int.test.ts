import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/extract/source.ts';
import { titleOverlap } from '../../src/services/intake/fingerprint.ts';
import type { Proposal } from '../../src/services/intake/proposal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { gold, hasSeeds, seedFiles, upload, uploadFixture, uploadSeed } from './support.ts';

type Finding = {
  id: number;
  state: string;
  proposal: Proposal;
  matchedAwardId: number | null;
  sources: { articleId: number; articleTitle: string | null; quote: string; start: number; end: number }[];
};

describe.skipIf(!hasSeeds)('news intake: ingest and dedup', () => {
  let t: TestApp;
  const articleOf: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp();
    for (const file of seedFiles()) {
      const res = await uploadSeed(t, file);
      expect(res.status, res.text).toBe(201);
      articleOf[file] = res.json.articles[0].articleId;
    }
  });
  afterAll(() => t.close());

  const findingsOf = async (file: string): Promise<Finding[]> => {
    const all = (await t.call('kurator', 'GET', '/api/v1/intake/findings?limit=500')).json.items as Finding[];
    return all.filter((f) => f.sources.some((s) => s.articleId === articleOf[file]));
  };

  it('finds in the five seed reports exactly the awards of the gold records, with quotes and offsets', async () => {
    for (const report of gold()) {
      const found = await findingsOf(report.file);
      const main = report.awards.filter((a) => a.mention === 'main');
      const allowed = report.awards; // a recalled (background) award may be found or not
      const unmatched = [...found];
      for (const g of main) {
        const i = unmatched.findIndex(
          (f) =>
            titleOverlap(f.proposal.title, g.title) >= 0.6 &&
            f.proposal.date === g.date_received &&
            f.proposal.year === g.year &&
            (f.proposal.rank ?? null) === g.rank,
        );
        expect(
          i,
          `${report.file}: gold "${g.title}" not found among ${found.map((f) => f.proposal.title)}`,
        ).not.toBe(-1);
        const [f] = unmatched.splice(i, 1);
        if (g.awarding_body) {
          const written = g.awarding_body.toLowerCase();
          expect(
            written.includes(String(f.proposal.awardingBody).toLowerCase()) ||
              written.includes(String(f.proposal.awardingBodyName).toLowerCase()),
            `${report.file}: giver of "${g.title}"`,
          ).toBe(true);
        } else expect(f.proposal.awardingBody).toBeNull();
      }
      for (const extra of unmatched)
        expect(
          allowed.some((g) => g.mention !== 'main' && titleOverlap(extra.proposal.title, g.title) >= 0.6),
          `${report.file}: "${extra.proposal.title}" is not in the gold records`,
        ).toBe(true);
    }
    // Quotes are the article text at the stored offsets.
    const [bkn] = await findingsOf('004_17ff1f40b0f7007c.txt');
    const detail = (await t.call('kurator', 'GET', `/api/v1/intake/findings/${bkn.id}`)).json;
    const s = detail.sources[0];
    expect(s.articleText.slice(s.start, s.end)).toBe(s.quote);
  });

  it('keeps the BKN ranks as four findings and the claimed counts as claims', async () => {
    const bkn = await findingsOf('004_17ff1f40b0f7007c.txt');
    // The three ranks and the unranked Mitra Kerja award; a recalled earlier award may come too.
    const ranked = bkn.filter((f) => f.proposal.rankPosition !== null).map((f) => f.proposal.rankPosition);
    expect(ranked.sort()).toEqual([1, 2, 3]);
    expect(bkn.some((f) => /Mitra Kerja Terbaik/.test(f.proposal.title))).toBe(true);
    expect(bkn.length).toBeLessThanOrEqual(5);
    const counts: number[] = [];
    for (const file of seedFiles()) {
      const article = (await t.call('kurator', 'GET', `/api/v1/intake/articles/${articleOf[file]}`)).json;
      counts.push(...article.claims.map((c: { count: number }) => c.count));
    }
    const goldCounts = gold().flatMap((r) => r.aggregate_claims.map((c) => c.count));
    expect(counts.sort((a, b) => a - b)).toEqual(goldCounts.sort((a, b) => a - b));
    expect(counts).toEqual(expect.arrayContaining([87, 48, 239]));
  });

  it('re-ingesting the same reports changes nothing and says so', async () => {
    const before = (await t.call('kurator', 'GET', '/api/v1/intake/findings')).json.total;
    for (const file of seedFiles()) {
      const res = await uploadSeed(t, file);
      expect(res.status).toBe(200);
      expect(res.json.articles[0]).toMatchObject({
        duplicate: true,
        articleId: articleOf[file],
        findings: [],
      });
    }
    // The same text posted as JSON is the same article too.
    const again = await t.call('kurator', 'POST', '/api/v1/intake/articles', {
      text: `  ${(await t.call('kurator', 'GET', `/api/v1/intake/articles/${articleOf['001_8e5e36db5053bf8f.txt']}`)).json.text}\n`,
    });
    expect(again.json.articles[0].duplicate).toBe(true);
    expect((await t.call('kurator', 'GET', '/api/v1/intake/findings')).json.total).toBe(before);
  });

  it('turns the same event from two outlets into one finding with two sources', async () => {
    const res = await uploadFixture(t, 'spm-2025-other-outlet.txt');
    expect(res.status).toBe(201);
    expect(res.json.articles[0].findings).toEqual([expect.objectContaining({ outcome: 'source' })]);
    const spm = (await t.call('kurator', 'GET', '/api/v1/intake/findings?state=pending')).json.items.filter(
      (f: Finding) => /SPM/.test(f.proposal.title),
    );
    expect(spm).toHaveLength(1);
    expect(spm[0].sources.map((s: { articleId: number }) => s.articleId)).toEqual([
      articleOf['001_8e5e36db5053bf8f.txt'],
      res.json.articles[0].articleId,
    ]);
    expect(spm[0].sources[1].articleTitle).toBe(
      'Kota Tangerang Sabet Juara 1 SPM Awards 2025 dari Kemendagri',
    );
  });

  it("proposes our region's award and not a neighbour's named in the same article", async () => {
    const res = await uploadFixture(t, 'two-regions.txt');
    expect(res.status).toBe(201);
    const ids = res.json.articles[0].findings.map((f: { id: number }) => f.id);
    expect(ids).toHaveLength(1);
    const finding = (await t.call('kurator', 'GET', `/api/v1/intake/findings/${ids[0]}`)).json;
    expect(finding.proposal.title).toMatch(/Arsip Daerah/);
  });

  it('takes each item of an RSS feed in as its own article', async () => {
    const res = await uploadFixture(t, 'feed.xml');
    expect(res.status).toBe(201);
    const [kla, cfd] = res.json.articles;
    expect(kla.findings).toHaveLength(1);
    expect(cfd.findings).toHaveLength(0);
    const article = (await t.call('kurator', 'GET', `/api/v1/intake/articles/${kla.articleId}`)).json;
    expect(article).toMatchObject({
      url: 'https://berita.example/kla-2025',
      publishedOn: '2025-08-09',
      sourceKind: 'feed',
    });
  });
});

describe('news intake: hostile input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses an article over the limit with 413, as a file and as JSON', async () => {
    const huge = `Pemkot Tangerang meraih penghargaan. ${'x'.repeat(MAX_INPUT_BYTES)}`;
    const file = await upload(t, 'kurator', 'besar.txt', huge);
    expect(file.status).toBe(413);
    expect(file.json.error.code).toBe('payload_too_large');
    expect(file.json.error.message).toMatch(/2 MB/);
    expect((await t.call('kurator', 'POST', '/api/v1/intake/articles', { text: huge })).status).toBe(413);
  });

  it('refuses binary data with 415 and stores nothing', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const res = await upload(t, 'kurator', 'berita.txt', png);
    expect(res.status).toBe(415);
    expect(res.json.error.message).toMatch(/biner/);
    expect(await t.db.db.selectFrom('articles').select('id').execute()).toEqual([]);
    // Neither JSON nor a form: also 415, with what to send instead.
    const plain = await t.call('kurator', 'POST', '/api/v1/intake/articles', 'teks', {
      'content-type': 'text/plain',
    });
    expect(plain.status).toBe(415);
  });

  it('reads broken HTML, and stores text without the scripts, iframes or markup in it', async () => {
    const res = await uploadFixture(t, 'broken-with-script.html');
    expect(res.status).toBe(201);
    const [a] = res.json.articles;
    expect(a.findings).toHaveLength(1);
    const article = (await t.call('kurator', 'GET', `/api/v1/intake/articles/${a.articleId}`)).json;
    expect(article.title).toBe('Puskesmas Neglasari Raih Penghargaan dari Kemenkes');
    expect(article.text).toContain('Puskesmas Neglasari meraih penghargaan Puskesmas Terbaik');
    expect(article.text).not.toMatch(/<script|<iframe|<img|onerror|document\.cookie|alert\(/i);
    expect(article.text).not.toMatch(/<[a-z]/i);
  });

  it('reads a "text" field that carries markup as HTML, so no <script> is ever stored', async () => {
    const res = await t.call('kurator', 'POST', '/api/v1/intake/articles', {
      text: '<p>Dinas Kesehatan Kota Tangerang meraih penghargaan Kota Sehat dari Kementerian Kesehatan (Kemenkes) pada Selasa (12/11/2024).</p><script>alert(1)</script>',
    });
    expect(res.status).toBe(201);
    const stored = await t.db.db
      .selectFrom('articles')
      .select('body')
      .where('id', '=', res.json.articles[0].articleId)
      .executeTakeFirstOrThrow();
    expect(stored.body).not.toMatch(/<script|alert/);
  });

  it('takes the same article sent twice at once in only once', async () => {
    const text =
      'Kecamatan Cipondoh meraih Juara 2 Lomba Kecamatan Terbaik tingkat Provinsi Banten dari Pemerintah Provinsi Banten pada Senin (4/8/2025).';
    const [a, b] = await Promise.all([
      t.call('kurator', 'POST', '/api/v1/intake/articles', { text }),
      t.call('kurator', 'POST', '/api/v1/intake/articles', { text }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect([a.json.articles[0].duplicate, b.json.articles[0].duplicate].sort()).toEqual([false, true]);
    expect(a.json.articles[0].articleId).toBe(b.json.articles[0].articleId);
  });

  it('stores an English article with no findings', async () => {
    const res = await uploadFixture(t, 'english.txt');
    expect(res.status).toBe(201);
    expect(res.json.articles[0]).toMatchObject({ language: 'other', findings: [], claims: 0 });
  });

  it('answers malformed JSON bodies with 4xx, never 500', async () => {
    expect(
      (await t.call('kurator', 'POST', '/api/v1/intake/articles', { text: 'a', html: '<p>b</p>' })).status,
    ).toBe(422);
    expect(
      (await t.call('kurator', 'POST', '/api/v1/intake/articles', { url: 'bukan url', text: 'x' })).status,
    ).toBe(422);
    expect((await t.call('kurator', 'POST', '/api/v1/intake/articles', { text: '   ' })).status).toBe(422);
    const broken = await t.call('kurator', 'POST', '/api/v1/intake/articles', '{"text":', {
      'content-type': 'application/json',
    });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
  });
});
