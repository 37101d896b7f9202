import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { RegionScope } from '../../src/db/region-scope.ts';
import type { AppEnv } from '../../src/http/env.ts';
import { dropCachedPages } from '../../src/http/pages/showcase/cache.ts';
import { type OpenBuilder, serveOpenFile } from '../../src/http/pages/showcase/open-files.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

// The open-data files (/data/penghargaan.csv, .json) served to requests side by side. The region
// walk (test/security/region-walk.int.test.ts), run with its actors side by side, got 500s
// (ENOENT): a signed-in request's database handle is its own, so each one kept its own store of
// files, wrote the whole file again, and swept the files other requests were about to open.
// Reading that code showed a second way to the same error: an older generation's write that
// finishes after a newer one swept the newer file the store serves. The writes here are held and
// released by hand, so the order is certain; the files and the database are real.

describe('open-data files served side by side', () => {
  let db: TestDb;
  const app = new Hono<AppEnv>();
  /** Writes held until released: name → release(content). */
  const held: ((content: string) => void)[] = [];
  const build: OpenBuilder = (dir, name) =>
    new Promise((resolve) => {
      held.push((content) => {
        mkdirSync(dir, { recursive: true });
        const path = join(dir, `${name}.${content}`);
        writeFileSync(path, content);
        resolve({ path, etag: `"${content}"`, bytes: Buffer.byteLength(content) });
      });
    });

  beforeAll(async () => {
    db = await createTestDb();
    const config = { ...loadConfig({}), uploadDir: mkdtempSync(join(tmpdir(), 'prestasi-open-files-')) };
    app.use(async (c, next) => {
      // A signed-in request gets a handle of its own, scoped to its regions (http/region-scope.ts).
      const own = c.req.header('x-signed-in')
        ? db.db.withPlugin(new RegionScope({ read: [3671], write: 3671 }))
        : db.db;
      c.set('deps', { db: { ...db, db: own }, config });
      c.set('appDb', db.db);
      await next();
    });
    app.get('/file', (c) => serveOpenFile(c, null, 'semua-penghargaan.csv', 'text/csv', build));
  });
  afterAll(() => db.drop());

  it('the newer file stays served when an older write finishes after it', async () => {
    const older = app.request('/file');
    await until(() => held.length === 1);
    dropCachedPages(db.db); // the data moves on: a new generation
    const newer = app.request('/file');
    await until(() => held.length === 2);
    held[1]('neu');
    expect(await (await newer).text()).toBe('neu');
    held[0]('alt');
    // The older request is answered with the newer file, and so is everyone after it.
    expect(await (await older).text()).toBe('neu');
    const after = await app.request('/file');
    expect(after.status).toBe(200);
    expect(await after.text()).toBe('neu');
  });

  it('signed-in requests, each with its own database handle, share the file the public gets', async () => {
    const written = held.length;
    const answers = ([{}, { 'x-signed-in': '1' }, { 'x-signed-in': '1' }] as Record<string, string>[]).map(
      (headers) => app.request('/file', { headers }),
    );
    // A store per handle would write the file again for each signed-in request: let such writes
    // finish (so nothing hangs), then say so.
    await new Promise((r) => setTimeout(r, 50));
    for (const release of held.slice(written)) release('noch-einmal');
    expect(held.length).toBe(written);
    for (const a of await Promise.all(answers)) expect(await a.text()).toBe('neu');
  });
});

async function until(ok: () => boolean) {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
}
