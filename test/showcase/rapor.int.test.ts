import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createAwardSchema } from '../../src/services/awards/schemas.ts';
import { createAward } from '../../src/services/awards/write.ts';
import type { TestApp } from '../support/app.ts';
import { sampleAward } from '../support/app.ts';
import { createShowcaseApp, dom } from './support.ts';

// Units reachable from the menu, a rapor that tells recurring assessments from programmes won
// more than once, one "Penerima" row, news evidence as a safe link, clean filter URLs.

describe('unit pages and award page details', () => {
  let t: TestApp;
  let noteAward: number;
  let articleAward: number;
  beforeAll(async () => {
    ({ t } = await createShowcaseApp());
    const bkpsdm = t.units.bkpsdm.id;
    const add = async (over: Record<string, unknown>) =>
      (
        await createAward(
          t.db.db,
          SYSTEM_ACTOR,
          createAwardSchema.parse(sampleAward(bkpsdm, { fieldCode: 'kepegawaian', ...over })),
          { state: 'verified' },
        )
      ).id;
    // A programme won twice, the giver renamed in between (KLHK, then KLH): one series, no score.
    await add({
      title: 'Juara I Adipura 2021',
      programme: 'Adipura',
      editionYear: 2021,
      awardingBodyCode: 'klhk',
      receivedOn: '2021-06-01',
    });
    await add({
      title: 'Juara II Adipura 2025',
      programme: 'Adipura',
      editionYear: 2025,
      awardingBodyCode: 'klh',
      receivedOn: '2025-03-01',
    });
    // An assessment graded every year.
    for (const [year, score] of [
      [2023, 71.5],
      [2024, 75.12],
    ] as const)
      await add({
        title: `SAKIP ${year}`,
        programme: 'Evaluasi SAKIP',
        editionYear: year,
        awardingBodyCode: 'kemenpanrb',
        receivedOn: `${year + 1}-02-01`,
        scaleId: 'sakip',
        score,
      });
    noteAward = await add({
      title: 'Penghargaan dengan catatan penerima',
      editionYear: 2024,
      receivedOn: '2024-05-05',
      recipientNote: 'atas pembinaan pada Kelurahan Contoh',
    });
    articleAward = await add({
      title: 'Penghargaan dari berita',
      editionYear: 2024,
      receivedOn: '2024-06-06',
    });
    const now = new Date().toISOString();
    const [article] = await t.db.db
      .insertInto('articles')
      .values({
        url: 'https://berita.example.id/pemkot-raih-penghargaan',
        outlet: 'Warta Contoh',
        title: 'Pemkot Raih Penghargaan dari Berita',
        published_on: '2024-06-07',
        content_hash: 'rapor-test-article',
        body: 'Isi berita contoh.',
        source_kind: 'text',
        created_at: now,
      })
      .returning('id')
      .execute();
    await t.db.db
      .insertInto('evidence')
      .values({
        region_id: 3671,
        award_id: articleAward,
        kind: 'article',
        article_id: article.id,
        caption: 'Laporan berita',
        quote: 'Kutipan.',
        created_at: now,
      })
      .execute();
  }, 60_000);
  afterAll(() => t.close());

  const get = (path: string) => t.call('public', 'GET', path);

  it('the menu leads to /unit, which lists every unit in tree order with a link to its rapor', async () => {
    const home = dom((await get('/')).text);
    expect([...home.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toContain('/unit');
    const res = await get('/unit');
    expect(res.status).toBe(200);
    const page = dom(res.text);
    const links = [...page.querySelectorAll('.unit-tree a')].map((a) => a.getAttribute('href'));
    for (const u of Object.values(t.units)) expect(links).toContain(`/unit/${u.id}`);
    // A sub-unit comes right after its parent.
    expect(links.indexOf(`/unit/${t.units.puskesmas.id}`)).toBe(
      links.indexOf(`/unit/${t.units.dinkes.id}`) + 1,
    );
    expect(page.querySelector('nav a[aria-current="page"]')?.getAttribute('href')).toBe('/unit');
  });

  it('the rapor lists graded assessments as recurring and programmes won twice apart from them', async () => {
    const page = dom((await get(`/unit/${t.units.bkpsdm.id}`)).text);
    const assessed = page.querySelector('section[aria-labelledby="series"]')?.textContent ?? '';
    const repeated = page.querySelector('section[aria-labelledby="repeated"]')?.textContent ?? '';
    expect(assessed).toContain('Evaluasi SAKIP');
    expect(assessed).not.toContain('Adipura');
    expect(repeated).toContain('Adipura');
    expect(repeated).toContain('2 kali');
    expect(repeated).toContain('2021, 2025'); // one series across the giver's rename
    expect(repeated).not.toContain('SAKIP');
  });

  it('shows "Penerima" once, with the recipient note under the recipient', async () => {
    const page = dom((await get(`/penghargaan/${noteAward}`)).text);
    const labels = [...page.querySelectorAll('.facts dt')].map((d) => d.textContent?.trim());
    expect(labels.filter((l) => l === 'Penerima')).toHaveLength(1);
    expect(labels).not.toContain('');
    const recipient = [...page.querySelectorAll('.fact')].find(
      (f) => f.querySelector('dt')?.textContent === 'Penerima',
    );
    expect(recipient?.querySelector('dd')?.textContent).toContain('atas pembinaan pada Kelurahan Contoh');
  });

  it('names news evidence by its headline and outlet and links it safely', async () => {
    const page = dom((await get(`/penghargaan/${articleAward}`)).text);
    const link = page.querySelector('.evidence a[href^="https://berita.example.id"]');
    expect(link?.textContent).toBe('Pemkot Raih Penghargaan dari Berita');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(page.querySelector('.evidence')?.textContent).toContain('Warta Contoh');
  });

  it('answers a filter URL with empty parameters by redirecting to the clean one', async () => {
    const res = await t.app.request('/penghargaan?tahun=2025&bidang=&q=&tingkat=');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/penghargaan?tahun=2025');
    const none = await t.app.request('/penghargaan?tahun=&q=');
    expect(none.headers.get('location')).toBe('/penghargaan');
    expect((await t.app.request('/penghargaan?tahun=2025')).status).toBe(200);
  });
});
