import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/sessions.ts';
import { createApiToken, createUser } from '../../src/auth/users.ts';
import { recapCacheStats } from '../../src/http/api/public-recap.ts';
import { createApp } from '../../src/http/app.ts';
import { SESSION_COOKIE } from '../../src/http/auth/session.ts';
import { pageCacheStats } from '../../src/http/pages/showcase/cache.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { HIDDEN, KAB_ONLY, KOTA_ONLY, type RegionsSeed, seedRegions } from './regions.ts';

// The showcase and the public recap are the public record: everyone, signed in or not, gets the
// public's view (verified, public awards) of every region, from the one shared cache. A signed-in
// request's own database handle is confined to its regions (http/region-scope.ts; on PostgreSQL
// its transaction with row-level security): read through it, region B's pages were empty for a
// user of region A, and each signed-in request rendered the page afresh. Real server, real HTTP;
// tokens keep the requests off the direct path (src/http/direct.ts), so each goes through the app.

describe('signed-in visitors on the public showcase', () => {
  let t: TestApp;
  let seed: RegionsSeed;
  let server: RunningServer;
  /** An admin of Kabupaten Tangerang (36.03): region B's own admin. */
  let kabAdmin: string;
  beforeAll(async () => {
    t = await createTestApp();
    seed = await seedRegions(t.db.db, t.units.root.id);
    const user = await createUser(t.db.db, {
      email: 'admin-kab@example.go.id',
      role: 'admin',
      unitId: seed.kabUnit,
      password: 'sandi-admin-kab-123',
    });
    kabAdmin = await createApiToken(t.db.db, user.id);
    server = await startServer({ ...t.config, port: 0, logLevel: 'silent' }, { db: t.db, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    await server?.close().catch(() => undefined);
    await t?.close();
  });

  /** GET as the public (no token) or with a bearer token. */
  const get = async (path: string, token?: string) => {
    const res = await fetch(`${server.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.status, body: await res.text() };
  };

  const kabPages = () => [
    '/wilayah/36.03',
    '/wilayah/36.03/penghargaan',
    `/wilayah/36.03/penghargaan/${seed.kabAwardId}`,
    '/wilayah/36.03/unit',
    `/wilayah/36.03/unit/${seed.kabUnit}`,
    '/wilayah/36.03/linimasa',
    '/wilayah/36.03/data',
    '/wilayah/36.03/data/penghargaan.csv',
    '/wilayah/36.03/data/penghargaan.json',
    '/',
    '/perbandingan',
    '/perbandingan/36',
    '/data',
    '/data/penghargaan.csv',
  ];

  it("a user of another region sees region B's public pages exactly as the public does", async () => {
    for (const path of kabPages()) {
      const pub = await get(path);
      expect(pub.status, path).toBe(200);
      // The Kota Tangerang admin (36.71) and operator: signed in, but not of Kabupaten Tangerang.
      for (const who of ['admin', 'operator'] as const) {
        const signedIn = await get(path, t.tokens[who]);
        expect(signedIn.status, `${who} ${path}`).toBe(200);
        expect(signedIn.body, `${who} ${path}`).toBe(pub.body);
      }
    }
    const list = await get('/wilayah/36.03/penghargaan', t.tokens.admin);
    expect(list.body).toContain(KAB_ONLY);
  });

  it("a user of another region gets region B's public recap, the same as the public's", async () => {
    const pub = await get('/api/v1/recap?region=36.03&year=2024');
    expect(pub.status).toBe(200);
    expect(JSON.parse(pub.body).total).toBeGreaterThan(0);
    for (const who of ['admin', 'operator', 'viewer'] as const)
      expect((await get('/api/v1/recap?region=36.03&year=2024', t.tokens[who])).body, who).toBe(pub.body);
  });

  it("a region's own admin sees no draft or hidden award on its public pages", async () => {
    for (const [token, code, own] of [
      [t.tokens.admin, '36.71', KOTA_ONLY],
      [kabAdmin, '36.03', KAB_ONLY],
    ] as const) {
      for (const path of [
        '',
        '/penghargaan',
        '/linimasa',
        '/data/penghargaan.csv',
        '/data/penghargaan.json',
      ]) {
        const url = `/wilayah/${code}${path}`;
        const res = await get(url, token);
        expect(res.status, url).toBe(200);
        expect(res.body, url).not.toContain(HIDDEN);
        expect(res.body, url).toBe((await get(url)).body);
        if (path !== '/linimasa') expect(res.body, url).toContain(own);
      }
      for (const id of seed.hiddenIds) {
        const res = await get(`/wilayah/${code}/penghargaan/${id}`, token);
        expect(res.status).toBe(404);
        expect(res.body).not.toContain(HIDDEN);
      }
    }
  });

  // Before, the national reader (who reads every region, so nothing was filtered out) still got
  // a page rendered again in a cache of its own request: different bytes (the chart ids of each
  // render differ) and a render the shared cache never saw.
  it('a signed-in visit is answered from the shared cache: no render, no recount', async () => {
    const path = '/wilayah/36.74/linimasa';
    const pub = await get(path);
    const { renders } = pageCacheStats(t.db.db);
    for (const token of [t.tokens.nasional, t.tokens.admin, kabAdmin]) {
      const signedIn = await get(path, token);
      expect(pageCacheStats(t.db.db).renders).toBe(renders);
      expect(signedIn.body).toBe(pub.body);
    }

    // And the other way round: a signed-in visit first fills the cache the public then reads.
    const first = await get('/wilayah/36.74/penghargaan?tahun=2024', t.tokens.admin);
    const after = pageCacheStats(t.db.db).renders;
    expect((await get('/wilayah/36.74/penghargaan?tahun=2024')).body).toBe(first.body);
    expect(pageCacheStats(t.db.db).renders).toBe(after);

    const recap = '/api/v1/recap?region=36.74&year=2024';
    const pubRecap = await get(recap);
    const { builds } = recapCacheStats(t.db.db);
    expect((await get(recap, t.tokens.admin)).body).toBe(pubRecap.body);
    expect(recapCacheStats(t.db.db).builds).toBe(builds);
  });

  it('a browser session gets the public pages too, and its visits write nothing', async () => {
    const user = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'operator@example.go.id')
      .executeTakeFirstOrThrow();
    const { cookie } = await createSession(t.db.db, user.id, new Date(Date.now() + 3600_000));
    const audit = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('audit_events')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await audit();
    for (const path of [
      '/wilayah/36.03/penghargaan?tahun=2024',
      '/wilayah/36.02',
      '/perbandingan?tahun=2024',
    ]) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe((await get(path)).body);
    }
    expect(await audit()).toBe(before);
  });

  it("a user's own region's recap stays theirs: verified records the public does not see count", async () => {
    // The Kota admin's recap of 36.71 counts the verified, unpublished award; the public's does not.
    const pub = JSON.parse((await get('/api/v1/recap?region=36.71&year=2025')).body);
    const own = JSON.parse((await get('/api/v1/recap?region=36.71&year=2025', t.tokens.admin)).body);
    expect(own.total).toBe(pub.total + 1);
  });

  it('a showcase visit never looks its session up (the page does not read who asks); a token is still checked', async () => {
    const sqls: string[] = [];
    const log: KyselyPlugin = {
      transformQuery: (args) => {
        sqls.push(t.db.db.getExecutor().compileQuery(args.node, args.queryId).sql);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const app = createApp({ db: { ...t.db, db: t.db.db.withPlugin(log) }, config: t.config });
    const user = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'viewer@example.go.id')
      .executeTakeFirstOrThrow();
    const { cookie } = await createSession(t.db.db, user.id, new Date(Date.now() + 3600_000));
    const visit = async (path: string, headers: Record<string, string>) => {
      sqls.length = 0;
      const res = await app.request(path, { headers });
      await res.text();
      return {
        status: res.status,
        lookups: sqls.filter((q) => /from "(sessions|api_tokens)"/.test(q)).length,
      };
    };
    const withCookie = { cookie: `${SESSION_COOKIE}=${cookie}` };
    for (const path of ['/wilayah/36.03/penghargaan?tahun=2024', '/wilayah/36.02', '/perbandingan'])
      expect(await visit(path, withCookie), path).toEqual({ status: 200, lookups: 0 });
    // The same cookie is looked up where the actor is read: the workspace, the API.
    expect(await visit('/kerja', withCookie)).toEqual({ status: 200, lookups: 1 });
    expect(await visit('/api/v1/auth/me', withCookie)).toMatchObject({ lookups: 1 });
    // A bad token on a showcase page is still refused, so a script notices.
    expect((await visit('/wilayah/36.02', { authorization: 'Bearer tidak-ada' })).status).toBe(401);
  });
});
