import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../src/auth/users.ts';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/http/server.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createRegion } from '../../src/services/units.ts';
import { createEmptyDatabaseUrl, dropDatabaseUrl } from '../support/db.ts';

// What is written through the API is still there after the server stops and a new one starts
// on the same database (a file for SQLite, the same database for PostgreSQL).

describe('persistence across a restart', () => {
  let url: string;
  beforeAll(async () => {
    url = await createEmptyDatabaseUrl();
  });
  afterAll(() => dropDatabaseUrl(url));

  const config = () => ({ ...loadConfig({}), databaseUrl: url, port: 0 });

  it('reads back an award created before the restart', async () => {
    const first = await startServer(config(), { host: '127.0.0.1' });
    let id: number;
    let token: string;
    try {
      await createRegion(first.db.db, SYSTEM_ACTOR, {
        code: '36.71',
        name: 'Kota Tangerang',
        kind: 'kota',
        foundedOn: '1993-02-28',
      });
      const user = await createUser(first.db.db, {
        email: 'admin@example.go.id',
        role: 'admin',
        password: 'kata-sandi-panjang',
      });
      token = await createApiToken(first.db.db, user.id);
      const res = await fetch(`${first.url}/api/v1/awards`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Standar Pelayanan Minimal (SPM) Awards 2025',
          editionYear: 2025,
          awardingBodyCode: 'kemendagri',
          level: 'nasional',
          category: 'Kategori Kota',
          rank: 'Juara 1',
          receivedOn: '2025-05-23',
        }),
      });
      expect(res.status).toBe(201);
      id = (await res.json()).id;
      const submitted = await fetch(`${first.url}/api/v1/awards/${id}/submit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(submitted.status).toBe(200);
    } finally {
      await first.close();
    }

    const second = await startServer(config(), { host: '127.0.0.1' });
    try {
      const res = await fetch(`${second.url}/api/v1/awards/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const award = await res.json();
      expect(award).toMatchObject({
        id,
        title: 'Standar Pelayanan Minimal (SPM) Awards 2025',
        state: 'submitted',
        receivedOn: '2025-05-23',
        rank: 'Juara 1',
      });
      const history = await fetch(`${second.url}/api/v1/awards/${id}/history`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect((await history.json()).items.map((e: { action: string }) => e.action)).toEqual([
        'create',
        'submit',
      ]);
    } finally {
      await second.close();
    }
  }, 30_000);
});
