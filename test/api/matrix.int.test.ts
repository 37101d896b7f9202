import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/users.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createSource } from '../../src/services/intake/watch/registry.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';
import { band } from '../support/scales.ts';
import { awardInState, freshUploadDir, pngBytes, uploadForm } from './helpers.ts';

// The role × endpoint matrix: for every write route in /api/v1/openapi.json, the status each
// role gets. A new write route without a row here fails the first test, so nobody ships a
// write endpoint whose rights were never checked.

const ROLES = ['admin', 'verifikator', 'operator', 'operatorOther', 'kurator', 'viewer', 'public'] as const;
type Who = (typeof ROLES)[number];
type Expected = Record<Who, number>;
interface Request {
  path: string;
  body?: unknown;
}
interface Row {
  /** Builds a fresh target for one role's attempt, so one role's success does not change the next. */
  setup: (t: TestApp, who: Who) => Promise<Request | Request[]>;
  expect: Expected;
}

/** Status for [admin, verifikator, operator in scope, operator out of scope, kurator, viewer, public]. */
const s = (...codes: number[]): Expected =>
  Object.fromEntries(ROLES.map((r, i) => [r, codes[i]])) as Expected;

let seq = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++seq}`;

const reason = { reason: 'Periksa lagi datanya' };
const emailOf = (who: Who) => `${who.toLowerCase()}@example.go.id`;

async function userId(t: TestApp, who: Exclude<Who, 'public'>): Promise<number> {
  const row = await t.db.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', emailOf(who))
    .executeTakeFirstOrThrow();
  return row.id;
}

const MATRIX: Record<string, Row> = {
  'POST /auth/login': {
    setup: async (t, who) => ({
      path: '/api/v1/auth/login',
      body:
        who === 'public'
          ? { email: 'tidak-dikenal@example.go.id', password: 'salah-sekali-123' }
          : { email: emailOf(who), password: t.passwords[who] },
    }),
    expect: s(200, 200, 200, 200, 200, 200, 401),
  },
  'POST /auth/logout': {
    setup: async () => ({ path: '/api/v1/auth/logout' }),
    expect: s(204, 204, 204, 204, 204, 204, 204),
  },
  'POST /awards': {
    setup: async (t) => ({ path: '/api/v1/awards', body: sampleAward(t.units.puskesmas.id) }),
    expect: s(201, 403, 201, 403, 201, 403, 401),
  },
  'PATCH /awards/{id}': {
    setup: async (t) => ({
      path: `/api/v1/awards/${await awardInState(t, 'draft')}`,
      body: { place: 'Serang' },
    }),
    expect: s(200, 403, 200, 403, 200, 403, 401),
  },
  'DELETE /awards/{id}': {
    setup: async (t) => ({ path: `/api/v1/awards/${await awardInState(t, 'draft')}` }),
    expect: s(204, 403, 204, 403, 204, 403, 401),
  },
  'POST /awards/{id}/submit': {
    setup: async (t) => ({ path: `/api/v1/awards/${await awardInState(t, 'draft')}/submit` }),
    expect: s(200, 403, 200, 403, 200, 403, 401),
  },
  'POST /awards/{id}/verify': {
    // Entered and submitted by the operator: the admin had no part in it (four eyes).
    setup: async (t) => {
      const id = (await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id))).json.id;
      await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`);
      return { path: `/api/v1/awards/${id}/verify` };
    },
    expect: s(200, 200, 403, 403, 403, 403, 401),
  },
  'POST /awards/{id}/return': {
    setup: async (t) => ({
      path: `/api/v1/awards/${await awardInState(t, 'submitted')}/return`,
      body: reason,
    }),
    expect: s(200, 200, 403, 403, 403, 403, 401),
  },
  'POST /awards/{id}/reopen': {
    setup: async (t) => ({
      path: `/api/v1/awards/${await awardInState(t, 'verified')}/reopen`,
      body: reason,
    }),
    expect: s(200, 200, 403, 403, 403, 403, 401),
  },
  'POST /awards/{id}/evidence': {
    // Both forms of the route: a file upload and a link.
    setup: async (t) => {
      const id = await awardInState(t, 'draft');
      return [
        { path: `/api/v1/awards/${id}/evidence`, body: uploadForm(pngBytes(++seq), 'piagam.png') },
        {
          path: `/api/v1/awards/${id}/evidence`,
          body: { url: 'https://example.go.id/berita', caption: 'Berita' },
        },
      ];
    },
    expect: s(201, 403, 201, 403, 201, 403, 401),
  },
  'DELETE /evidence/{id}': {
    setup: async (t) => {
      const id = await awardInState(t, 'draft');
      const ev = await t.call('admin', 'POST', `/api/v1/awards/${id}/evidence`, {
        url: 'https://example.go.id/a',
      });
      return { path: `/api/v1/evidence/${ev.json.id}` };
    },
    expect: s(204, 403, 204, 403, 204, 403, 401),
  },
  'POST /units': {
    setup: async (t) => ({
      path: '/api/v1/units',
      body: { parentId: t.units.root.id, name: unique('Kecamatan Uji'), unitType: 'KECAMATAN' },
    }),
    expect: s(201, 403, 403, 403, 403, 403, 401),
  },
  'PATCH /units/{id}': {
    setup: async (t) => ({
      path: `/api/v1/units/${t.units.puskesmas.id}`,
      body: { shortName: unique('PKM') },
    }),
    expect: s(200, 403, 403, 403, 403, 403, 401),
  },
  'POST /awarding-bodies': {
    setup: async () => ({
      path: '/api/v1/awarding-bodies',
      body: { code: unique('giver'), abbreviation: 'Uji', name: 'Lembaga Uji', level: 'nasional' },
    }),
    expect: s(201, 403, 403, 403, 403, 403, 401),
  },
  'PATCH /awarding-bodies/{id}': {
    setup: async (t) => {
      const id = (await t.call('public', 'GET', '/api/v1/awarding-bodies?q=bkn')).json.items[0].id;
      return { path: `/api/v1/awarding-bodies/${id}`, body: { aliases: ['Kepala BKN', unique('BKN')] } };
    },
    expect: s(200, 403, 403, 403, 403, 403, 401),
  },
  'POST /fields': {
    setup: async () => ({
      path: '/api/v1/fields',
      body: { code: unique('bidang'), nameId: 'Bidang Uji', nameEn: 'Test Field' },
    }),
    expect: s(201, 403, 403, 403, 403, 403, 401),
  },
  'PATCH /fields/{id}': {
    setup: async (t) => {
      const field = (await t.call('public', 'GET', '/api/v1/fields')).json.items[0];
      return { path: `/api/v1/fields/${field.id}`, body: { sortOrder: field.sortOrder } };
    },
    expect: s(200, 403, 403, 403, 403, 403, 401),
  },
  'DELETE /fields/{id}': {
    setup: async (t) => {
      const code = unique('hapus');
      const f = await t.call('admin', 'POST', '/api/v1/fields', { code, nameId: 'Hapus', nameEn: 'Delete' });
      return { path: `/api/v1/fields/${f.json.id}` };
    },
    expect: s(200, 403, 403, 403, 403, 403, 401),
  },
  'POST /users': {
    setup: async () => ({
      path: '/api/v1/users',
      body: { email: `${unique('u')}@example.go.id`, role: 'viewer' },
    }),
    expect: s(201, 403, 403, 403, 403, 403, 401),
  },
  'PATCH /users/{id}': {
    setup: async (t) => {
      const u = await t.call('admin', 'POST', '/api/v1/users', {
        email: `${unique('p')}@example.go.id`,
        role: 'viewer',
      });
      return { path: `/api/v1/users/${u.json.id}`, body: { name: 'Nama Baru' } };
    },
    expect: s(200, 403, 403, 403, 403, 403, 401),
  },
  'POST /users/me/tokens': {
    setup: async () => ({ path: '/api/v1/users/me/tokens', body: { name: 'skrip' } }),
    expect: s(201, 201, 201, 201, 201, 201, 401),
  },
  'DELETE /users/me/tokens/{id}': {
    // Each signed-in role revokes a token of its own; the public has none to name.
    setup: async (t, who) => {
      const owner = who === 'public' ? 'admin' : who;
      await createApiToken(t.db.db, await userId(t, owner), 'matriks');
      const row = await t.db.db
        .selectFrom('api_tokens')
        .select('id')
        .where('user_id', '=', await userId(t, owner))
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return { path: `/api/v1/users/me/tokens/${row.id}` };
    },
    expect: s(204, 204, 204, 204, 204, 204, 401),
  },
};

const scaleVersion = (version: string, validFromYear: number | null) => ({
  version,
  validFromYear,
  validToYear: null,
  legalBasis: 'uji matriks',
  source: 'uji',
  bands: [band('C', 0, 49.99), band('B', 50, 79.99), band('A', 80, 100)],
});
const newScale = () => ({
  id: unique('uji').replace(/[^a-z0-9-]/g, ''),
  name: 'Indeks Uji Matriks',
  giverCode: 'kemendagri',
  kind: 'numeric',
  confidence: 'UNCONFIRMED',
  versions: [scaleVersion('1', null)],
});

/** Rows for routes owned by other features (grading scales), kept with the rest of the matrix. */
Object.assign(MATRIX, {
  'POST /scales': {
    setup: async () => ({ path: '/api/v1/scales', body: newScale() }),
    expect: s(201, 403, 403, 403, 403, 403, 401),
  },
  'POST /scales/{id}/versions': {
    setup: async (t: TestApp) => {
      const scale = newScale();
      expect((await t.call('admin', 'POST', '/api/v1/scales', scale)).status).toBe(201);
      return {
        path: `/api/v1/scales/${scale.id}/versions`,
        body: { ...scaleVersion('2', 2030), supersede: true },
      };
    },
    expect: s(201, 403, 403, 403, 403, 403, 401),
  },
  'POST /grade': {
    // A calculation, not a change: open to everyone.
    setup: async () => ({
      path: '/api/v1/grade',
      body: { scaleId: 'ombudsman-kepatuhan', year: 2024, score: 94.76 },
    }),
    expect: s(200, 200, 200, 200, 200, 200, 200),
  },
} satisfies Record<string, Row>);

/** A short news report whose award event differs per call (the finding fingerprint includes the date). */
let story = 0;
function newsArticle() {
  const n = story++;
  const year = 1995 + (n % 30);
  const day = 1 + Math.floor(n / 30);
  return {
    title: `Kota Sehat ${year}-${day}`,
    published: `${year}-11-${String(day + 1).padStart(2, '0')}`,
    text: `TANGERANG – Pemerintah Kota Tangerang meraih penghargaan Swasti Saba Wistara dari Kementerian Kesehatan RI pada ${year}. Penghargaan Kota Sehat ${year} itu diserahkan Menteri Kesehatan di Jakarta, Selasa (${day}/11/${year}).`,
  };
}
let lateStory = 0;
async function pendingFinding(t: TestApp): Promise<number> {
  const res = await t.call('admin', 'POST', '/api/v1/intake/articles', newsArticle());
  expect(res.status, res.text).toBe(201);
  return res.json.articles[0].findings[0].id;
}
/**
 * An accepted finding, then another outlet's report of the same event: a late source. Its own
 * giver and edition year, so it never joins a finding another row made.
 */
async function lateSource(t: TestApp): Promise<{ id: number; articleId: number }> {
  const year = 1960 + ++lateStory;
  const article = {
    title: `Keterbukaan Informasi ${year}`,
    published: `${year}-12-20`,
    text: `TANGERANG – Pemerintah Kota Tangerang meraih penghargaan Badan Publik Informatif dari Komisi Informasi Pusat pada Rabu (18/12/${year}). Penghargaan itu diterima Wali Kota di Jakarta.`,
  };
  const first = await t.call('admin', 'POST', '/api/v1/intake/articles', article);
  const id = first.json.articles[0].findings[0].id;
  expect((await t.call('admin', 'POST', `/api/v1/intake/findings/${id}/accept`)).status).toBe(200);
  const late = await t.call('admin', 'POST', '/api/v1/intake/articles', {
    ...article,
    title: `${article.title} (media lain)`,
    text: `${article.text} Wali Kota berterima kasih kepada seluruh tenaga kesehatan.`,
  });
  expect(late.json.articles[0].findings[0]).toMatchObject({ id, outcome: 'source' });
  return { id, articleId: late.json.articles[0].articleId };
}
// A watched source on this machine: polling it asks nothing of the network (the app refuses
// private hosts), so the matrix checks rights, not connectivity.
async function watchedSource(t: TestApp): Promise<number> {
  const s = await createSource(
    t.db.db,
    SYSTEM_ACTOR,
    { url: `http://127.0.0.1:9/rss-${unique('src')}`, kind: 'feed', name: 'Sumber uji', intervalMinutes: 60 },
    { allowPrivate: true },
  );
  return s.id;
}
const importCsv = () =>
  Buffer.from(
    'Nama Penghargaan,Tahun,Pemberi Penghargaan,Tingkat,Bidang,Unit Kerja,Tgl\n' +
      `Puskesmas Ramah Anak ${++seq},2025,Kementerian Kesehatan,Nasional,kesehatan,Dinkes,2025-05-23\n`,
  );

Object.assign(MATRIX, {
  'POST /imports': {
    // The operator of another unit gets the all-or-nothing report (422) naming the out-of-scope row.
    setup: async () => ({ path: '/api/v1/imports', body: uploadForm(importCsv(), 'rekap.csv', 'text/csv') }),
    expect: s(200, 200, 200, 422, 200, 403, 401),
  },
  'POST /intake/articles': {
    setup: async () => ({ path: '/api/v1/intake/articles', body: newsArticle() }),
    expect: s(201, 403, 403, 403, 201, 403, 401),
  },
  'POST /intake/findings/{id}/accept': {
    setup: async (t: TestApp) => ({ path: `/api/v1/intake/findings/${await pendingFinding(t)}/accept` }),
    expect: s(200, 403, 403, 403, 200, 403, 401),
  },
  'POST /intake/findings/{id}/merge': {
    setup: async (t: TestApp) => ({
      path: `/api/v1/intake/findings/${await pendingFinding(t)}/merge`,
      body: { awardId: await awardInState(t, 'draft') },
    }),
    expect: s(200, 403, 403, 403, 200, 403, 401),
  },
  'POST /intake/sources': {
    setup: async () => ({
      path: '/api/v1/intake/sources',
      body: { url: `https://berita.example/${unique('rss')}`, kind: 'feed', name: 'Berita Pemkot' },
    }),
    expect: s(201, 403, 403, 403, 201, 403, 401),
  },
  'PATCH /intake/sources/{id}': {
    setup: async (t: TestApp) => ({
      path: `/api/v1/intake/sources/${await watchedSource(t)}`,
      body: { intervalMinutes: 120 },
    }),
    expect: s(200, 403, 403, 403, 200, 403, 401),
  },
  'POST /intake/sources/{id}/poll': {
    setup: async (t: TestApp) => ({ path: `/api/v1/intake/sources/${await watchedSource(t)}/poll` }),
    expect: s(200, 403, 403, 403, 200, 403, 401),
  },
  'POST /intake/findings/{id}/attach-sources': {
    setup: async (t: TestApp) => {
      const id = await pendingFinding(t);
      const res = await t.call('admin', 'POST', `/api/v1/intake/findings/${id}/accept`);
      expect(res.status, res.text).toBe(200);
      return { path: `/api/v1/intake/findings/${id}/attach-sources` };
    },
    expect: s(200, 403, 403, 403, 200, 403, 401),
  },
  'POST /intake/findings/{id}/dismiss-match': {
    setup: async (t: TestApp) => {
      const id = await pendingFinding(t);
      // Matched to an award on record, as ingest does when giver, year and title agree.
      await t.db.db
        .updateTable('findings')
        .set({ matched_award_id: await awardInState(t, 'draft') })
        .where('id', '=', id)
        .execute();
      return { path: `/api/v1/intake/findings/${id}/dismiss-match` };
    },
    expect: s(200, 403, 403, 403, 200, 403, 401),
  },
  'POST /intake/findings/{id}/dismiss-evidence': {
    setup: async (t: TestApp) => {
      const { id, articleId } = await lateSource(t);
      return { path: `/api/v1/intake/findings/${id}/dismiss-evidence`, body: { articleId } };
    },
    expect: s(200, 403, 403, 403, 200, 403, 401),
  },
  'POST /intake/findings/{id}/restore-evidence': {
    setup: async (t: TestApp) => {
      const { id, articleId } = await lateSource(t);
      const dismissed = await t.call('admin', 'POST', `/api/v1/intake/findings/${id}/dismiss-evidence`, {
        articleId,
      });
      expect(dismissed.status, dismissed.text).toBe(200);
      return { path: `/api/v1/intake/findings/${id}/restore-evidence`, body: { articleId } };
    },
    expect: s(200, 403, 403, 403, 200, 403, 401),
  },
  'POST /intake/findings/{id}/restore-match': {
    setup: async (t: TestApp) => {
      const id = await pendingFinding(t);
      // A match the curator dismissed ("not the same award"), as dismiss-match leaves it.
      await t.db.db
        .updateTable('findings')
        .set({ dismissed_match_award_id: await awardInState(t, 'draft') })
        .where('id', '=', id)
        .execute();
      return { path: `/api/v1/intake/findings/${id}/restore-match` };
    },
    expect: s(200, 403, 403, 403, 200, 403, 401),
  },
  'POST /intake/findings/{id}/reject': {
    setup: async (t: TestApp) => ({
      path: `/api/v1/intake/findings/${await pendingFinding(t)}/reject`,
      body: { reason: 'Bukan penghargaan untuk pemda ini' },
    }),
    expect: s(200, 403, 403, 403, 200, 403, 401),
  },
} satisfies Record<string, Row>);

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

describe('role × endpoint matrix', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ uploadDir: freshUploadDir() });
  });
  afterAll(() => t.close());

  it('has a row for every write route in the OpenAPI document, and no row for a route that is gone', async () => {
    const doc = (await t.call('public', 'GET', '/api/v1/openapi.json')).json;
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) =>
        Object.keys(ops)
          .filter((m) => WRITE_METHODS.includes(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(15);
    expect(
      routes.filter((r) => !(r in MATRIX)),
      'write routes without a matrix row',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((r) => !routes.includes(r)),
      'matrix rows for unknown routes',
    ).toEqual([]);
  });

  for (const [route, row] of Object.entries(MATRIX)) {
    it(`${route}: ${ROLES.map((r) => `${r} ${row.expect[r]}`).join(', ')}`, async () => {
      const method = route.split(' ')[0];
      const actual: Partial<Record<Who, number | string>> = {};
      for (const who of ROLES) {
        const requests = [(await row.setup(t, who)) as Request | Request[]].flat();
        const statuses = new Set<number>();
        for (const req of requests) statuses.add((await t.call(who, method, req.path, req.body)).status);
        actual[who] = statuses.size === 1 ? [...statuses][0] : [...statuses].join('/');
      }
      expect(actual).toEqual(row.expect);
    });
  }

  it('keeps operators inside their subtree: no reading drafts outside (403), no creating outside (403)', async () => {
    const draft = await awardInState(t, 'draft', t.units.puskesmas.id);
    expect((await t.call('operatorOther', 'GET', `/api/v1/awards/${draft}`)).status).toBe(403);
    expect((await t.call('operatorOther', 'GET', `/api/v1/awards/${draft}/history`)).status).toBe(403);
    expect((await t.call('operatorOther', 'GET', `/api/v1/awards/${draft}/evidence`)).status).toBe(403);
    // The operator of Dinkes reads its own sub-unit's draft.
    expect((await t.call('operator', 'GET', `/api/v1/awards/${draft}`)).status).toBe(200);
    const outside = await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.bkpsdm.id));
    expect(outside.status).toBe(403);
    expect(outside.json.error.code).toBe('forbidden');
    // A team award that names an outside unit as its owner is outside too.
    const parent = await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.root.id));
    expect(parent.status).toBe(403);
    const list = await t.call('operatorOther', 'GET', '/api/v1/awards?state=draft');
    expect(list.json.items.map((a: { id: number }) => a.id)).not.toContain(draft);
  });
});
