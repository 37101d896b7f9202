import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/users.ts';
import { MAX_INPUT_BYTES } from '../../src/extract/source.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createRegion } from '../../src/services/units.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { fixturesDir, hasSeeds, repoRoot, seedsDir } from './support.ts';

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
    db = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'prestasi-intake-'));
    await createRegion(db.db, SYSTEM_ACTOR, {
      code: '36.71',
      name: 'Kota Tangerang',
      kind: 'kota',
      foundedOn: '1993-02-28',
    });
    await createUser(db.db, {
      email: 'kurator@example.go.id',
      role: 'kurator',
      password: 'sandi-kurator-123',
    });
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
    expect(res.stdout).toMatch(/! https:\/\/contoh\.invalid\/berita: Tidak bisa diambil .*simpan halamannya/);
    expect(res.stdout).toMatch(/4 gagal/);
  });
});
