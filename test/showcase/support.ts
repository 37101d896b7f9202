import { parseHTML } from 'linkedom';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createAwardSchema } from '../../src/services/awards/schemas.ts';
import { createAward } from '../../src/services/awards/write.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type SeedResult, seedShowcase } from './seed.ts';

/** The test app with the showcase history seeded, plus an award whose text came from outside. */
export async function createShowcaseApp(): Promise<{ t: TestApp; seed: SeedResult; hostileId: number }> {
  const t = await createTestApp();
  const { root, dinkes, puskesmas, bkpsdm } = t.units;
  const seed = await seedShowcase(t.db.db, {
    regionCode: '36.71',
    unitIds: [root.id, dinkes.id, puskesmas.id, bkpsdm.id],
  });
  const hostile = await createAward(
    t.db.db,
    SYSTEM_ACTOR,
    createAwardSchema.parse({
      title: '<script>alert("judul")</script> Lomba & "Inovasi"',
      editionYear: 2025,
      awardingBodyText: '<img src=x onerror=alert(1)>',
      level: 'provinsi',
      fieldCode: 'inovasi',
      recipientKind: 'unit',
      unitId: puskesmas.id,
      receivedOn: '2025-12-31',
      place: '<b>Serang</b>',
      category: '=HYPERLINK("http://contoh.invalid","klik")',
      description: '</p><script>alert("keterangan")</script>',
    }),
    { state: 'verified' },
  );
  await t.db.db
    .insertInto('evidence')
    .values([
      {
        region_id: hostile.region_id,
        award_id: hostile.id,
        kind: 'link',
        url: 'javascript:alert(1)',
        caption: 'Tautan <script>alert("bukti")</script>',
        created_at: new Date().toISOString(),
      },
      {
        region_id: hostile.region_id,
        award_id: hostile.id,
        kind: 'article',
        url: 'https://news.example.id/berita',
        caption: 'Berita daerah',
        quote: 'Kutipan <script>alert("kutipan")</script>',
        created_at: new Date().toISOString(),
      },
    ])
    .execute();
  return { t, seed, hostileId: hostile.id };
}

export function dom(html: string) {
  return parseHTML(html).document;
}

export const CSS_PATH = '/aset/showcase.css';
