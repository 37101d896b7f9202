import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/users.ts';
import { MAX_INPUT_BYTES } from '../../src/extract/source.ts';
import { prestasi } from '../cli/run-cli.ts';
import type { TestDb } from '../support/db.ts';
import { FixtureSite } from './fixture-server.ts';
import { curatorDb, fixturesDir, hasSeeds, repoRoot, seedsDir } from './support.ts';

// The real command line against a test database: ingest → list → accept/reject, as a user would.
// Each spawn starts tsx from cold, so these tests get a generous timeout (not a speed check).
describe('prestasi ingest / findings (CLI)', { timeout: 240_000 }, () => {
  let db: TestDb;
  let dir: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/prestasi.js', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
      timeout: 60_000,
    });

  beforeAll(async () => {
    db = await curatorDb();
    dir = mkdtempSync(join(tmpdir(), 'prestasi-intake-'));
    await createUser(db.db, { email: 'viewer@example.go.id', role: 'viewer', password: 'sandi-viewer-123' });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it.skipIf(!hasSeeds)(
    'ingests a folder, reports a re-ingest as nothing new, and accepts a finding as a draft award',
    async () => {
      const first = run('ingest', seedsDir, '--as', 'kurator@example.go.id');
      expect(first.status, first.stderr).toBe(0);
      // Four ranked BKN awards, plus the earlier Anugerah Meritokrasi the article recalls (optional in gold).
      expect(first.stdout).toMatch(/004_17ff1f40b0f7007c\.txt → artikel #\d+ .*: [45] temuan baru/);
      expect(first.stdout).toMatch(/Selesai: 5 artikel baru, 0 sudah ada/);

      const again = run(
        'ingest',
        join(seedsDir, '001_8e5e36db5053bf8f.txt'),
        join(fixturesDir, 'spm-2025-other-outlet.txt'),
      );
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/= .*001_8e5e36db5053bf8f\.txt .*sudah pernah dimasukkan/);
      expect(again.stdout).toMatch(/spm-2025-other-outlet\.txt .*: 0 temuan baru, 1 sumber tambahan/);

      const list = run('findings', 'list', '--state', 'pending', '--json');
      expect(list.status, list.stderr).toBe(0);
      const items = JSON.parse(list.stdout) as {
        id: number;
        proposal: { title: string };
        sources: unknown[];
      }[];
      const spm = items.find((f) => /SPM\)? Awards 2025/.test(f.proposal.title));
      expect(spm?.sources).toHaveLength(2);

      const accepted = run('findings', 'accept', String(spm!.id), '--as', 'kurator@example.go.id');
      expect(accepted.status, accepted.stderr).toBe(0);
      const awardId = Number(accepted.stdout.match(/draf penghargaan #(\d+)/)?.[1]);
      const award = await db.db
        .selectFrom('awards')
        .selectAll()
        .where('id', '=', awardId)
        .executeTakeFirstOrThrow();
      expect(award).toMatchObject({
        state: 'draft',
        edition_year: 2025,
        received_on: '2025-05-23',
        rank_position: 1,
      });
      const evidence = await db.db
        .selectFrom('evidence')
        .selectAll()
        .where('award_id', '=', awardId)
        .execute();
      expect(evidence).toHaveLength(2);

      const twice = run('findings', 'accept', String(spm!.id));
      expect(twice.status).toBe(2);
      expect(twice.stderr).toMatch(/sudah diputuskan/);
      expect(twice.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace

      const porprov = items.find((f) => /Porprov/.test(f.proposal.title))!;
      const rejected = run(
        'findings',
        'reject',
        String(porprov.id),
        '--reason',
        'Kejuaraan olahraga',
        '--as',
        'kurator@example.go.id',
      );
      expect(rejected.status, rejected.stderr).toBe(0);
      const row = await db.db
        .selectFrom('findings')
        .selectAll()
        .where('id', '=', porprov.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ state: 'rejected', decision_reason: 'Kejuaraan olahraga' });
    },
  );

  it('refuses users who are not curators, and hostile files with clear messages and exit 2', async () => {
    const viewer = run('findings', 'list', '--state', 'pending');
    expect(viewer.status).toBe(0); // the CLI itself acts as the system unless --as is given
    const notCurator = run(
      'findings',
      'reject',
      '1',
      '--reason',
      'bukan penghargaan',
      '--as',
      'viewer@example.go.id',
    );
    expect(notCurator.status).toBe(2);
    expect(notCurator.stderr).toMatch(/kurator/);

    const huge = join(dir, 'besar.txt');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_INPUT_BYTES + 1);
    const binary = join(dir, 'gambar.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    const res = run(
      'ingest',
      huge,
      binary,
      join(dir, 'tidak-ada.txt'),
      'https://contoh.invalid/berita',
      '--timeout',
      '2',
    );
    expect(res.status).toBe(2);
    expect(res.stdout).toMatch(/! .*besar\.txt: .*batasnya 2 MB/);
    expect(res.stdout).toMatch(/! .*gambar\.txt: Berkas biner/);
    expect(res.stdout).toMatch(/! .*tidak-ada\.txt: Berkas atau folder tidak ada/);
    expect(res.stdout).toMatch(
      /! https:\/\/contoh\.invalid\/berita: Tidak bisa dihubungi \(ENOTFOUND\)\. Periksa jaringan.*simpan halamannya/,
    );
    expect(res.stdout).toMatch(/4 gagal/);
  });

  // `ingest URL` reads the web only through the watcher's guarded fetch. The fixture site lives on
  // 127.0.0.1, so it is reached only with the explicit allowance; without it the URL is refused
  // (exit 2, the same as any refused input) and nothing is fetched or stored.
  it('fetches a URL through the guarded fetch: a local site only when allowed', async () => {
    const site = await new FixtureSite().start();
    try {
      site.routes.set('/berita/wtp-2025', {
        body: `<!doctype html><html><head><meta charset="utf-8"><title>Pemkot Tangerang Raih Opini WTP</title>
          <meta property="article:published_time" content="2025-06-02T10:00:00+07:00"></head><body>
          <article><h1>Pemkot Tangerang Raih Opini WTP</h1>
          <p>TANGERANG – Pemerintah Kota Tangerang meraih opini Wajar Tanpa Pengecualian (WTP) dari Badan Pemeriksa Keuangan (BPK) pada Senin (2/6/2025).</p>
          <p>Wali Kota Tangerang mengatakan opini itu diraih untuk kesekian kalinya berkat kerja seluruh perangkat daerah.</p>
          </article></body></html>`,
      });
      site.routes.set('/pindah', { status: 302, headers: { location: '/berita/wtp-2025' } });
      // 3 MB of text that travels as a few KB of gzip: the cap applies after decompression.
      site.routes.set('/bom.html', {
        body: gzipSync(Buffer.alloc(3 * 1024 * 1024, 'a')),
        headers: { 'content-encoding': 'gzip' },
      });
      const articles = async () => (await db.db.selectFrom('articles').select('id').execute()).length;
      const before = await articles();
      const env = { DATABASE_URL: db.url, INTAKE_WATCH_ALLOW_PRIVATE: '' };

      const refused = await prestasi(
        ['ingest', site.url('/berita/wtp-2025'), 'http://localhost:9/berita', '--json'],
        { env },
      );
      expect(refused.code, refused.stderr).toBe(2);
      const out = JSON.parse(refused.stdout) as {
        input: string;
        error?: { code: string; message: string };
      }[];
      expect(out.map((o) => o.error?.code)).toEqual(['forbidden', 'forbidden']);
      expect(out[0].error?.message).toMatch(/lokal\/privat .*--allow-private/);
      expect(site.hits).toHaveLength(0); // refused before any request went out
      expect(await articles()).toBe(before);

      const text = await prestasi(['ingest', site.url('/pindah')], { env });
      expect(text.code).toBe(2);
      expect(text.stdout).toMatch(
        /! http:\/\/127\.0\.0\.1:\d+\/pindah: Alamat jaringan lokal\/privat tidak diambil/,
      );

      const allowed = await prestasi(
        ['ingest', site.url('/pindah'), site.url('/bom.html'), '--allow-private', '--json'],
        { env },
      );
      expect(allowed.code, allowed.stderr).toBe(2); // the bomb is refused, the article taken in
      const [page, bomb] = JSON.parse(allowed.stdout) as {
        input: string;
        articles?: { articleId: number; duplicate: boolean; findings: unknown[] }[];
        error?: { code: string; message: string };
      }[];
      expect(page.articles).toHaveLength(1);
      expect(page.articles?.[0]).toMatchObject({ duplicate: false });
      expect(page.articles?.[0].findings.length).toBeGreaterThan(0);
      const stored = await db.db
        .selectFrom('articles')
        .selectAll()
        .where('id', '=', page.articles![0].articleId)
        .executeTakeFirstOrThrow();
      // The redirect was followed (and re-checked): the article keeps the address it was read from.
      expect(stored.url).toBe(site.url('/berita/wtp-2025'));
      expect(stored.published_on).toBe('2025-06-02');
      expect(bomb.error).toMatchObject({ code: 'payload_too_large' });
      expect(bomb.error?.message).toMatch(/Lebih dari 2048 KB/);

      // The environment allowance works the same as the flag (a re-run finds the same text).
      const byEnv = await prestasi(['ingest', site.url('/berita/wtp-2025')], {
        env: { ...env, INTAKE_WATCH_ALLOW_PRIVATE: '1' },
      });
      expect(byEnv.code, byEnv.stderr).toBe(0);
      expect(byEnv.stdout).toMatch(/^= .*wtp-2025 → artikel #\d+ .*sudah pernah dimasukkan/m);
    } finally {
      await site.close();
    }
  });
});
