import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createRegion } from '../../src/services/units.ts';
import { createTestDb, type TestDb, testDatabaseKind } from '../support/db.ts';
import { prestasi } from './run-cli.ts';

// `prestasi backup` while the server keeps writing: it must finish, and its copy must be whole.
// (The page-by-page backup API restarted on every write from another connection and only
// finished once the writes stopped.)

const onSqlite = testDatabaseKind() === 'sqlite';

describe('prestasi backup under a steady write load', { timeout: 120_000 }, () => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDb();
    await createRegion(t.db, SYSTEM_ACTOR, {
      code: '36.71',
      name: 'Kota Tangerang',
      kind: 'kota',
      foundedOn: null,
    });
    dir = mkdtempSync(join(tmpdir(), 'prestasi-backup-load-'));
  });
  afterAll(() => t.drop());

  it.runIf(onSqlite)('finishes while another connection writes hundreds of times a second', async () => {
    const writer = new SqliteDatabase(t.sqlitePath!);
    writer.pragma('busy_timeout = 5000');
    const insert = writer.prepare(
      "INSERT INTO audit_events (region_id, at, actor_id, actor_label, entity_type, entity_id, action, after_json) VALUES (3671, ?, NULL, 'beban', 'load', ?, 'create', ?)",
    );
    // About 25 MB, so that a page-by-page copy needs many steps a write can interrupt.
    const filler = 'x'.repeat(1000);
    writer.transaction(() => {
      for (let i = 0; i < 25_000; i++) insert.run(new Date().toISOString(), String(i), filler);
    })();
    const before = (writer.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;

    let writes = 0;
    const load = setInterval(() => {
      insert.run(new Date().toISOString(), `w${writes}`, filler);
      writes++;
    }, 1);
    const file = join(dir, 'under-load.db');
    const started = Date.now();
    const r = await Promise.race([
      prestasi(['backup', file], { databaseUrl: t.url }),
      new Promise<{ code: null; stdout: string; stderr: string }>((done) =>
        setTimeout(() => done({ code: null, stdout: '', stderr: 'still running after 60 s' }), 60_000),
      ),
    ]);
    const seconds = (Date.now() - started) / 1000;
    clearInterval(load);
    writer.close();
    expect(r.code, r.stderr).toBe(0);
    expect(writes / seconds).toBeGreaterThan(18); // the load really was steady while it ran

    const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const n = (copy.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
      expect(n).toBeGreaterThanOrEqual(before);
      expect(n).toBeLessThanOrEqual(before + writes);
    } finally {
      copy.close();
    }
  });
});
