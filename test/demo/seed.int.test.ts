import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { DEMO_ARTICLES } from '../../src/demo/articles.ts';
import { DEMO_AWARDS } from '../../src/demo/awards.ts';
import { SAMPLE_MARK } from '../../src/demo/history.ts';
import { DEFAULT_SEEDS_DIR, readSeedReport } from '../../src/demo/reports.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const count = async (
  t: TestDb,
  table: 'awards' | 'org_units' | 'users' | 'evidence' | 'articles' | 'audit_events',
) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

// Without ../shared beside the clone the seed reports (and so their articles and links) are absent.
const hasSeeds = existsSync(DEFAULT_SEEDS_DIR);

describe('demo seed', () => {
  let t: TestDb;
  let first: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    t = await createTestDb();
    first = await seedDemo(t.db);
  }, 60_000);
  afterAll(() => t.drop());

  it('creates Kota Tangerang with its unit tree and one account per demo user', async () => {
    expect(first.seeded).toBe(true);
    const region = await t.db.selectFrom('regions').selectAll().executeTakeFirstOrThrow();
    expect(region).toMatchObject({
      code: '36.71',
      name: 'Kota Tangerang',
      kind: 'kota',
      founded_on: '1993-02-28',
    });
    expect(await count(t, 'org_units')).toBe(first.units);
    expect(first.units).toBeGreaterThan(25);
    const orgs = await t.db.selectFrom('org_units').select(['name', 'path', 'unit_type']).execute();
    const byName = new Map(orgs.map((u) => [u.name, u]));
    // Puskesmas Neglasari sits under Dinas Kesehatan, Bagian Organisasi under Sekretariat Daerah.
    expect(byName.get('Puskesmas Neglasari')!.path.startsWith(byName.get('Dinas Kesehatan')!.path)).toBe(
      true,
    );
    expect(byName.get('Bagian Organisasi')!.path.startsWith(byName.get('Sekretariat Daerah')!.path)).toBe(
      true,
    );
    expect(
      byName.get('Kelurahan Poris Plawad')!.path.startsWith(byName.get('Kecamatan Cipondoh')!.path),
    ).toBe(true);
    const users = await t.db.selectFrom('users').select(['email', 'role']).execute();
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(['admin', 'verifikator', 'operator', 'kurator', 'viewer']),
    );
    for (const a of DEMO_ACCOUNTS) expect(a.password.length).toBeGreaterThanOrEqual(10);
  });

  it('enters the four BKN awards of 9 October 2025 as verified, through BKPSDM', async () => {
    const rows = await t.db
      .selectFrom('awards')
      .innerJoin('awarding_bodies', 'awarding_bodies.id', 'awards.awarding_body_id')
      .innerJoin('org_units', 'org_units.id', 'awards.unit_id')
      .select([
        'awards.state',
        'awards.rank',
        'awards.rank_position',
        'awards.recipient_kind',
        'org_units.short_name',
      ])
      .where('awarding_bodies.code', '=', 'bkn')
      .where('awards.received_on', '=', '2025-10-09')
      .orderBy('awards.id')
      .execute();
    expect(rows).toHaveLength(4);
    expect(
      rows.every((r) => r.state === 'verified' && r.short_name === 'BKPSDM' && r.recipient_kind === 'region'),
    ).toBe(true);
    expect(rows.map((r) => r.rank_position)).toEqual([1, 2, 3, null]);
  });

  it('grades the Ombudsman 2024 score 94.76 as Kategori A, in one series with 2023 (93.21)', async () => {
    const rows = await t.db
      .selectFrom('awards')
      .select(['edition_year', 'score', 'grade_code', 'grade_zone', 'series_key', 'state', 'scale_version'])
      .where('scale_id', '=', 'ombudsman-kepatuhan')
      .where('recipient_kind', '=', 'region')
      .where('title', 'not like', `%${SAMPLE_MARK}%`)
      .orderBy('edition_year')
      .execute();
    expect(rows.map((r) => [r.edition_year, r.score, r.grade_code, r.state])).toEqual([
      [2023, 93.21, 'A', 'verified'],
      [2024, 94.76, 'A', 'verified'],
    ]);
    expect(rows[1].grade_zone).toBe('hijau');
    expect(rows[0].series_key).toBeTruthy();
    expect(rows[0].series_key).toBe(rows[1].series_key);
  });

  it('enters SPM Awards 2025, the 2022 awards and leaves one draft, one submitted, one returned', async () => {
    const spm = await t.db
      .selectFrom('awards')
      .selectAll()
      .where('title', 'like', '%SPM%')
      .executeTakeFirstOrThrow();
    expect(spm).toMatchObject({
      received_on: '2025-05-23',
      rank: 'Juara 1',
      rank_position: 1,
      state: 'verified',
    });
    const y2022 = await t.db
      .selectFrom('awards')
      .select(['title', 'state', 'status_label', 'level'])
      .where('edition_year', '=', 2022)
      .where('title', 'not like', `%${SAMPLE_MARK}%`)
      .execute();
    expect(y2022).toHaveLength(7);
    expect(y2022.every((a) => a.state === 'verified')).toBe(true);
    expect(y2022.find((a) => a.title.includes('WTP'))!.status_label).toBe('WTP');
    expect(y2022.find((a) => a.title.includes('Porprov'))!.level).toBe('provinsi');
    const states = await t.db.selectFrom('awards').select('state').execute();
    const tally = (s: string) => states.filter((r) => r.state === s).length;
    // One real example per state plus the samples waiting in each (src/demo/history.ts).
    expect([tally('draft'), tally('submitted'), tally('returned')]).toEqual([3, 3, 2]);
    const returned = await t.db
      .selectFrom('awards')
      .selectAll()
      .where('state', '=', 'returned')
      .where('title', 'not like', `%${SAMPLE_MARK}%`)
      .executeTakeFirstOrThrow();
    expect(returned.return_reason).toMatch(/bukan penghargaan tersendiri/);
    expect(await count(t, 'awards')).toBe(first.awards);
  });

  it('has the history the seed reports tell: 239 awards 1993–2022, 48 in 2022, 87 in 2025, samples marked', async () => {
    const verified = await t.db
      .selectFrom('awards')
      .select(['edition_year', 'title', 'description'])
      .where('state', '=', 'verified')
      .where('is_public', '=', 1)
      .execute();
    const inYears = (a: number, b: number) =>
      verified.filter((r) => r.edition_year >= a && r.edition_year <= b).length;
    expect(inYears(1993, 2022)).toBe(239);
    expect(inYears(2022, 2022)).toBe(48);
    expect(inYears(2025, 2025)).toBe(87);
    expect(new Set(verified.map((r) => r.edition_year)).size).toBeGreaterThanOrEqual(30);
    const samples = verified.filter((r) => r.title.includes(SAMPLE_MARK));
    expect(samples.length).toBe(
      verified.length -
        DEMO_AWARDS.filter((d) => d.state === 'verified' && d.award.isPublic !== false).length,
    );
    for (const s of samples) expect(s.description).toMatch(/Data contoh/);
    const pending = await t.db.selectFrom('findings').select('id').where('state', '=', 'pending').execute();
    expect(pending.length).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!hasSeeds)(
    'files each record as its unit operator and verifies it as the verifikator, all audited',
    async () => {
      const spm = await t.db
        .selectFrom('awards')
        .select('id')
        .where('title', 'like', '%SPM%')
        .executeTakeFirstOrThrow();
      const events = await t.db
        .selectFrom('audit_events')
        .select(['action', 'actor_label'])
        .where('entity_type', '=', 'award')
        .where('entity_id', '=', String(spm.id))
        .orderBy('id')
        .execute();
      expect(events.map((e) => [e.action, e.actor_label])).toEqual([
        ['create', 'organisasi@prestasi.demo'],
        ['evidence.add', 'organisasi@prestasi.demo'],
        ['submit', 'organisasi@prestasi.demo'],
        ['verify', 'verifikator@prestasi.demo'],
      ]);
    },
  );

  it.skipIf(!hasSeeds)(
    'keeps each seed report as an article and links it with a sentence that is in the text',
    async () => {
      const evidence = await t.db
        .selectFrom('evidence')
        .innerJoin('articles', 'articles.id', 'evidence.article_id')
        .select(['evidence.quote', 'evidence.kind', 'evidence.url', 'articles.body'])
        .execute();
      const fromReports = evidence.filter((e) => e.quote);
      expect(fromReports).toHaveLength(first.reports);
      expect(first.reports).toBe(DEMO_AWARDS.filter((d) => d.report).length);
      for (const e of fromReports) {
        expect(e.kind).toBe('article');
        expect(e.url).toBeNull();
        expect(e.body).toContain(e.quote);
      }
      // The four seed reports and the demo's own sample articles (src/demo/articles.ts).
      expect(await count(t, 'articles')).toBe(4 + DEMO_ARTICLES.length);
    },
  );

  it('adds nothing when run again', async () => {
    const before = await Promise.all(
      (['awards', 'org_units', 'users', 'evidence', 'articles', 'audit_events'] as const).map((x) =>
        count(t, x),
      ),
    );
    const again = await seedDemo(t.db);
    expect(again.seeded).toBe(false);
    const after = await Promise.all(
      (['awards', 'org_units', 'users', 'evidence', 'articles', 'audit_events'] as const).map((x) =>
        count(t, x),
      ),
    );
    expect(after).toEqual(before);
  });
});

describe('demo seed without the seed reports', () => {
  it('still enters every award, with the certificates it draws itself as evidence', async () => {
    const t = await createTestDb();
    try {
      const empty = mkdtempSync(join(tmpdir(), 'no-seeds-'));
      const uploadDir = mkdtempSync(join(tmpdir(), 'demo-uploads-'));
      const r = await seedDemo(t.db, { seedsDir: empty, uploadDir });
      expect(r.reports).toBe(0);
      expect(await count(t, 'awards')).toBe(r.awards);
      expect(r.evidence).toBeGreaterThan(DEMO_AWARDS.length);
      expect(await count(t, 'evidence')).toBe(r.evidence);
      const file = await t.db
        .selectFrom('evidence')
        .select(['sha256', 'media_type'])
        .where('kind', '=', 'file')
        .executeTakeFirstOrThrow();
      expect(file.media_type).toBe('application/pdf');
      expect(readdirSync(uploadDir, { recursive: true }).length).toBeGreaterThan(0);
    } finally {
      await t.drop();
    }
  }, 60_000);
});

describe('seed report lookup', () => {
  it.skipIf(!hasSeeds)('finds reports by number beside the repository', () => {
    expect(readSeedReport('004', DEFAULT_SEEDS_DIR)?.body).toContain('BKPSDM');
    expect(readSeedReport('999', DEFAULT_SEEDS_DIR)).toBeNull();
  });
});
