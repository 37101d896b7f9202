import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { expectUsageError, prestasi, REPO_ROOT } from '../cli/run-cli.ts';
import { createEmptyDatabaseUrl, dropDatabaseUrl, testDatabaseKind } from '../support/db.ts';

/** Starts `prestasi demo --port 0` and resolves with its output once it serves. */
function startDemo(
  url: string,
  extra: string[] = [],
): Promise<{ child: ChildProcess; out: string; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/prestasi.js', 'demo', '--port', '0', ...extra], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/berjalan di (http:\/\/localhost:\d+)/);
      if (m) resolve({ child, out, base: m[1].replace('localhost', '127.0.0.1') });
    });
    child.stderr!.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${err}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe('prestasi demo', { timeout: 180_000 }, () => {
  let url: string;
  beforeAll(async () => {
    url = await createEmptyDatabaseUrl();
  });
  afterAll(() => dropDatabaseUrl(url));

  it('creates the demo, prints the accounts and serves it; a second start adds nothing', async () => {
    const first = await startDemo(url);
    try {
      expect(first.out).toMatch(/Data demo dibuat: \d+ unit, 12 akun, \d{3} penghargaan/);
      for (const a of DEMO_ACCOUNTS) expect(first.out).toContain(`${a.email}`);
      expect(first.out).toContain(DEMO_ACCOUNTS.find((a) => a.role === 'verifikator')!.password);
      const health = await fetch(`${first.base}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', database: testDatabaseKind() });
      const verifikator = DEMO_ACCOUNTS.find((a) => a.key === 'verifikator')!;
      const login = await fetch(`${first.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: verifikator.email, password: verifikator.password }),
      });
      expect(login.status).toBe(200);
    } finally {
      expect(await stop(first.child)).toBe(0);
    }
    const second = await startDemo(url);
    try {
      expect(second.out).toMatch(/Data demo sudah ada/);
    } finally {
      await stop(second.child);
    }
  });

  it('refuses a bad port, and --reset on PostgreSQL', async () => {
    expectUsageError(await prestasi(['demo', '--port', 'abc'], { databaseUrl: url }), /is not a port/);
    if (testDatabaseKind() === 'postgres')
      expectUsageError(await prestasi(['demo', '--reset'], { databaseUrl: url }), /dropdb/);
  });
});
