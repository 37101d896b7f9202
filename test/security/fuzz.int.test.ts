import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/users.ts';
import { seededRandom } from '../../src/domain/random.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';

// Hostile requests generated from the OpenAPI document: every operation, as the public, a
// viewer and the admin (who reaches deepest), with hostile path ids, query values and bodies
// built from the documented field names. Whatever the request, the answer is below 500, and the
// server is healthy afterwards. Deterministic (seeded), a few thousand requests per database.

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);

const HOSTILE_TEXT = [
  '',
  ' ',
  '0',
  '-1',
  '1',
  '2',
  '2147483647',
  '2147483648',
  '9223372036854775808',
  '1e309',
  'NaN',
  'true',
  'null',
  "' OR 1=1 --",
  '"; DROP TABLE awards; --',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '\u202e\u0301\ud83d\ude00',
  '\ud800',
  'x'.repeat(5000),
  '2025-02-30',
  '0000-00-00',
  '9999-12-31',
  'verified',
  'admin',
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_TEXT,
  0,
  -1,
  1,
  2 ** 31,
  2 ** 53,
  -(2 ** 63),
  1.5,
  1e308,
  true,
  false,
  null,
  [],
  {},
  [1, 2, 3],
  { $gt: '' },
  { nested: { deeper: [null, { x: 'y' }] } },
  Array.from({ length: 200 }, (_, i) => i),
];
const RAW_BODIES = [
  '',
  'null',
  '[]',
  '"text"',
  '42',
  '{',
  '{"a":',
  '{"a":1,,}',
  '\u0000',
  `${'['.repeat(80)}${']'.repeat(80)}`,
];

/** A path segment: percent-encoded, or a malformed escape where the text cannot be encoded. */
function pathSegment(text: string): string {
  try {
    return encodeURIComponent(text.slice(0, 300)) || '1';
  } catch {
    return '%E0%A4%A';
  }
}

interface DocOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, unknown> };
}

interface Operation {
  method: string;
  path: string;
  query: string[];
  bodyTypes: string[];
}

describe('fuzzing every API operation from the OpenAPI document', { timeout: 120_000 }, () => {
  let t: TestApp;
  let operations: Operation[];
  let fieldNames: string[];
  beforeAll(async () => {
    t = await createTestApp();
    // Something to find: a few awards in several states, so valid ids reach real rows.
    for (const over of [{}, { title: 'Penghargaan kedua' }, { title: 'Ketiga' }])
      await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id, over));
    const doc = (await t.call('public', 'GET', '/api/v1/openapi.json')).json;
    operations = Object.entries<Record<string, DocOperation>>(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyTypes: Object.keys(op.requestBody?.content ?? {}),
      })),
    );
    const names = new Set<string>();
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props) for (const k of Object.keys(props)) names.add(k);
      for (const v of Object.values(node)) walk(v);
    };
    walk(doc);
    fieldNames = [...names];
  });
  afterAll(() => t.close());

  it('answers thousands of hostile requests without a single 5xx, and stays healthy', async () => {
    const rnd = seededRandom(20251129);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    for (let i = 0; i < REQUESTS; i++) {
      const op = pick(operations);
      const who = pick(['public', 'viewer', 'admin', 'admin', 'operator'] as const);
      const path = op.path.replace(/\{[^}]+\}/g, () => pathSegment(pick(HOSTILE_TEXT)));
      const params = new URLSearchParams();
      for (const q of op.query) if (rnd() < 0.6) params.set(q, pick(HOSTILE_TEXT));
      if (rnd() < 0.1) params.set(pick(fieldNames), pick(HOSTILE_TEXT));
      const url = `/api/v1${path}${params.size ? `?${params}` : ''}`;
      const headers: Record<string, string> = {};
      if (who !== 'public') headers.authorization = `Bearer ${t.tokens[who]}`;
      let body: BodyInit | undefined;
      if (op.method !== 'GET' && rnd() < 0.9) {
        const form = op.bodyTypes.includes('multipart/form-data') && rnd() < 0.4;
        if (form) {
          const fd = new FormData();
          const bytes = new Uint8Array(Math.floor(rnd() * 2000)).map(() => Math.floor(rnd() * 256));
          fd.append(
            pick(['file', 'text', 'x']),
            new File([bytes], pick(['a.xlsx', 'b.png', 'c.csv', '../x'])),
          );
          for (let k = 0; k < 3; k++) fd.append(pick(fieldNames), String(pick(HOSTILE_TEXT)));
          body = fd;
        } else if (rnd() < 0.15) {
          body = pick(RAW_BODIES);
          headers['content-type'] = 'application/json';
        } else {
          const base: Record<string, unknown> = rnd() < 0.5 ? sampleAward(t.units.dinkes.id) : {};
          const n = 1 + Math.floor(rnd() * 4);
          for (let k = 0; k < n; k++) base[pick(fieldNames)] = pick(HOSTILE_VALUES);
          body = JSON.stringify(base);
          headers['content-type'] = pick([
            'application/json',
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
          ]);
        }
      }
      const res = await t.app.request(url, { method: op.method, headers, body });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500)
        failures.push(`${res.status} ${who} ${op.method} ${url.slice(0, 200)} ${String(body).slice(0, 200)}`);
      // A password reset or deactivation in the fuzz revokes that role's token: issue a fresh one.
      if (res.status === 401 && who !== 'public') {
        const user = await t.db.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', `${who}@example.go.id`)
          .executeTakeFirstOrThrow();
        await t.db.db.updateTable('users').set({ active: 1 }).where('id', '=', user.id).execute();
        t.tokens[who] = await createApiToken(t.db.db, user.id);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `fuzz: ${REQUESTS} requests in ${seconds.toFixed(1)} s`,
      Object.fromEntries([...statuses].sort()),
    );
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
    // Healthy afterwards: health check, sign-in, and an ordinary create all work.
    expect((await t.call('public', 'GET', '/healthz')).status).toBe(200);
    await t.db.db.deleteFrom('login_attempts').execute();
    const login = await t.call('public', 'POST', '/api/v1/auth/login', {
      email: 'verifikator@example.go.id',
      password: t.passwords.verifikator,
    });
    expect([200, 401]).toContain(login.status); // 401 only if the fuzz reset that password
    const created = await t.call('admin', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id));
    expect(created.status, created.text).toBe(201);
  });
});
