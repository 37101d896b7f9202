import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { ingest } from '../../src/services/intake/ingest.ts';
import { WATCH_ACTOR } from '../../src/services/intake/watch/poll.ts';
import { createRegion, createUnit } from '../../src/services/units.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { fixturesDir } from './support.ts';

// Two regions kept side by side (Kota Tangerang 36.71 and Kabupaten Tangerang 36.03): an
// article the system takes in (the news watcher) fills the queue of each region it names; a
// region that is not kept here (Kota Tangerang Selatan) stays with the article, set aside.

describe('intake routing between the regions kept', () => {
  let t: TestApp;
  const text = (name: string) => readFileSync(join(fixturesDir, 'regions', name), 'utf8');
  const regionsOf = async (articleId: number) =>
    (
      await t.db.db
        .selectFrom('findings as f')
        .innerJoin('finding_sources as s', 's.finding_id', 'f.id')
        .select('f.region_id')
        .where('s.article_id', '=', articleId)
        .execute()
    ).map((r) => Number(r.region_id));
  const setAside = async (articleId: number) =>
    (
      await t.db.db
        .selectFrom('other_region_events')
        .select('region_code')
        .where('article_id', '=', articleId)
        .execute()
    ).map((r) => r.region_code);

  beforeAll(async () => {
    t = await createTestApp();
    await createRegion(t.db.db, SYSTEM_ACTOR, {
      code: '36.03',
      name: 'Kabupaten Tangerang',
      kind: 'kabupaten',
      foundedOn: null,
    });
    await createUnit(t.db.db, SYSTEM_ACTOR, {
      regionCode: '36.03',
      name: 'Pemerintah Kabupaten Tangerang',
      unitType: 'PEMDA',
    });
  });
  afterAll(() => t.close());

  it("puts the neighbour's award in the neighbour's queue when the system takes the article in", async () => {
    const [r] = await ingest(t.db.db, WATCH_ACTOR, {
      content: text('kab-tangerang.txt'),
      name: 'kab-tangerang.txt',
      format: 'text',
      sourceKind: 'watch',
    });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(new Set(await regionsOf(r.articleId))).toEqual(new Set([3603]));
    expect(r.otherRegions).toBe(0);
  });

  it('splits one article between the regions it names, and keeps the one not kept here aside', async () => {
    const [r] = await ingest(t.db.db, WATCH_ACTOR, {
      content: text('tangsel-and-ours.txt'),
      name: 'tangsel-and-ours.txt',
      format: 'text',
      sourceKind: 'watch',
    });
    expect(await regionsOf(r.articleId)).toContain(3671);
    expect(await regionsOf(r.articleId)).not.toContain(3674);
    expect(await setAside(r.articleId)).toContain('36.74');
  });

  it("a curator's own upload fills only the curator's queue", async () => {
    const kurator = await t.db.db
      .selectFrom('users')
      .selectAll()
      .where('role', '=', 'kurator')
      .where('region_id', '=', 3671)
      .executeTakeFirstOrThrow();
    const actor = await actorFor(t.db.db, kurator);
    const body = text('kab-tangerang.txt').replace(
      'Pemkab Tangerang Raih',
      'Kabupaten Tangerang Kembali Raih',
    );
    const [r] = await ingest(t.db.db, actor, {
      content: body,
      name: 'kab-2.txt',
      format: 'text',
      sourceKind: 'file',
    });
    expect(r.findings).toEqual([]);
    expect(await setAside(r.articleId)).toContain('36.03');
  });
});
