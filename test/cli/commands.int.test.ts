import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { createEmptyDatabaseUrl, dropDatabaseUrl } from '../support/db.ts';
import { expectUsageError, lastLine, prestasi } from './run-cli.ts';

// The user, token and migrate commands on the engine under test, through the real binary.

// Each run starts a Node process that loads the whole CLI: allow for a slow, busy machine.
describe('prestasi migrate, user add, token create', { timeout: 180_000 }, () => {
  let url: string;
  beforeAll(async () => {
    url = await createEmptyDatabaseUrl();
  });
  afterAll(() => dropDatabaseUrl(url));

  const appFor = () => {
    const db = openDatabase(url);
    return { app: createApp({ db, config: loadConfig({}) }), close: () => db.close() };
  };

  it('migrates an empty database, then reports there is nothing left to do', async () => {
    const first = await prestasi(['migrate'], { databaseUrl: url });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Migrasi diterapkan \(\d+\): 001_initial/);
    const db = openDatabase(url);
    try {
      const fields = await db.db.selectFrom('fields').select('code').execute();
      expect(fields.map((f) => f.code)).toContain('kesehatan');
      const givers = await db.db.selectFrom('awarding_bodies').select('code').execute();
      expect(givers.map((g) => g.code)).toContain('bkn');
    } finally {
      await db.close();
    }
    const second = await prestasi(['migrate'], { databaseUrl: url });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/tidak ada migrasi baru/);
  });

  it('adds a region from the gazetteer, refusing a code that is not one', async () => {
    const r = await prestasi(['region', 'add', '--code', '36.71', '--founded', '1993-02-28'], {
      databaseUrl: url,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('36.71 Kota Tangerang');
    const again = await prestasi(['region', 'add', '--code', '36.71'], { databaseUrl: url });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/sudah ada/);
    const unknown = await prestasi(['region', 'add', '--code', '36.99'], { databaseUrl: url });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/tidak ada di daftar Kemendagri/);
  });

  it('adds a user with the password from stdin, who can then sign in through the API', async () => {
    const r = await prestasi(
      [
        'user',
        'add',
        '--email',
        'Admin.Kota@Example.go.id',
        '--role',
        'admin',
        '--name',
        'Admin Kota',
        '--password-stdin',
      ],
      { databaseUrl: url, input: 'kata-sandi-panjang-1\nsecond line is ignored\n' },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('admin.kota@example.go.id');
    const { app, close } = appFor();
    try {
      const login = (password: string) =>
        app.request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin.kota@example.go.id', password }),
        });
      const ok = await login('kata-sandi-panjang-1');
      expect(ok.status).toBe(200);
      expect((await ok.json()).user.role).toBe('admin');
      // The newline is not part of the password, and the second line is not either.
      expect((await login('kata-sandi-panjang-1\n')).status).toBe(401);
    } finally {
      await close();
    }
  });

  it('prints a working API token alone on the last line', async () => {
    const r = await prestasi(['token', 'create', '--email', 'admin.kota@example.go.id', '--name', 'skrip'], {
      databaseUrl: url,
    });
    expect(r.code, r.stderr).toBe(0);
    const token = lastLine(r.stdout);
    expect(token).toMatch(/^prs_[A-Za-z0-9_-]{20,}$/);
    const { app, close } = appFor();
    try {
      const me = await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect((await me.json()).email).toBe('admin.kota@example.go.id');
      const wrong = await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}x` } });
      expect(wrong.status).toBe(401);
    } finally {
      await close();
    }
  });

  it('refuses bad input to user add with exit 2 and a message that says what to fix', async () => {
    const add = (args: string[], input = 'kata-sandi-panjang-2\n') =>
      prestasi(['user', 'add', ...args], { databaseUrl: url, input });
    expectUsageError(
      await add(['--email', 'a@example.go.id', '--role', 'boss', '--password-stdin']),
      /admin, verifikator, operator, kurator, viewer/,
    );
    expectUsageError(
      await add(['--email', 'b@example.go.id', '--role', 'operator', '--password-stdin']),
      /--unit/,
    );
    expectUsageError(
      await add(['--email', 'b@example.go.id', '--role', 'operator', '--unit', '9999', '--password-stdin']),
      /Unit 9999 tidak ada/,
    );
    expectUsageError(
      await add(['--email', 'c@example.go.id', '--role', 'viewer', '--password-stdin'], 'pendek\n'),
      /minimal 10 karakter/,
    );
    expectUsageError(await add(['--email', 'c@example.go.id', '--role', 'viewer']), /--password-stdin/);
    expectUsageError(
      await add(['--email', 'ADMIN.kota@example.go.id', '--role', 'viewer', '--password-stdin']),
      /sudah terdaftar/,
    );
    expectUsageError(await add(['--emial', 'x@example.go.id']), /unknown option/);
    const db = openDatabase(url);
    try {
      const emails = (await db.db.selectFrom('users').select('email').execute()).map((u) => u.email);
      expect(emails).toEqual(['admin.kota@example.go.id']);
    } finally {
      await db.close();
    }
  });

  it('refuses bad input to token create and migrate', async () => {
    expectUsageError(await prestasi(['token', 'create'], { databaseUrl: url }), /--email is required/);
    expectUsageError(
      await prestasi(['token', 'create', '--email', 'nobody@example.go.id'], { databaseUrl: url }),
      /no user with email nobody@example.go.id/,
    );
    expectUsageError(
      await prestasi(['migrate'], { databaseUrl: 'mysql://localhost/x' }),
      /DATABASE_URL "mysql:\/\/localhost\/x" is not understood/,
    );
    expectUsageError(await prestasi(['migrate', '--now'], { databaseUrl: url }), /unknown option/);
  });
});
