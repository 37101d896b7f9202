import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createAward } from '../../src/services/awards/write.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';
import { testDatabaseKind } from '../support/db.ts';
import { awardInState, freshUploadDir, pngBytes, uploadForm } from './helpers.ts';

// Every class of bad input answers a 4xx in the error shape, and a generated sweep over every
// route in the OpenAPI document with garbage never reaches a 500.

type Json = Record<string, unknown>;

function expectErrorShape(res: { status: number; json: Json | null; text: string }, status: number) {
  expect(res.status, res.text).toBe(status);
  const error = (res.json as { error: { code: string; message: string; details: unknown[] } }).error;
  expect(typeof error.code).toBe('string');
  expect(error.message.length).toBeGreaterThan(10);
  expect(Array.isArray(error.details)).toBe(true);
}

describe('bad input: one clear 4xx per class', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ maxUploadBytes: 2048, uploadDir: freshUploadDir() });
  });
  afterAll(() => t.close());

  it('malformed JSON → 400 on every kind of write', async () => {
    for (const [method, path] of [
      ['POST', '/api/v1/awards'],
      ['PATCH', `/api/v1/units/${t.units.dinkes.id}`],
      ['POST', '/api/v1/awarding-bodies'],
      ['POST', '/api/v1/fields'],
      ['POST', '/api/v1/users'],
      ['POST', '/api/v1/users/me/tokens'],
    ]) {
      const res = await t.call('admin', method, path, '{"title": "Kota Sehat",', {
        'content-type': 'application/json',
      });
      expectErrorShape(res, 400);
      expect(res.json.error.message, path).toMatch(/JSON/);
    }
  });

  it('validation → 422 naming the field and the fix', async () => {
    const award = await t.call(
      'operator',
      'POST',
      '/api/v1/awards',
      sampleAward(t.units.dinkes.id, { editionYear: 'dua ribu' }),
    );
    expectErrorShape(award, 422);
    expect(award.json.error.details[0].field).toBe('editionYear');
    const date = await t.call(
      'operator',
      'POST',
      '/api/v1/awards',
      sampleAward(t.units.dinkes.id, { receivedOn: '2025-02-30' }),
    );
    expect(date.json.error.details[0]).toMatchObject({ field: 'receivedOn' });
    expect(date.json.error.details[0].message).toMatch(/kalender/);
    const unknownField = await t.call('admin', 'POST', '/api/v1/fields', {
      code: 'x-y',
      nameId: 'A b',
      nameEn: 'A b',
      warna: 'merah',
    });
    expectErrorShape(unknownField, 422);
    expect(JSON.stringify(unknownField.json.error.details)).toContain('warna');
    const giver = await t.call('admin', 'POST', '/api/v1/awarding-bodies', {
      code: 'Bukan Slug',
      abbreviation: 'X',
      name: 'Xyz',
      level: 'galaksi',
    });
    expect(giver.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'level']);
    const password = await t.call('admin', 'POST', '/api/v1/users', {
      email: 'a@example.go.id',
      role: 'viewer',
      password: 'pendek',
    });
    expect(password.json.error.details[0]).toMatchObject({ field: 'password' });
    expect((await t.call('admin', 'GET', '/api/v1/awards/abc')).status).toBe(422);
  });

  it('unknown id → 404 on every resource', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/v1/awards/999999'],
      ['PATCH', '/api/v1/awards/999999', { place: 'X' }],
      ['POST', '/api/v1/awards/999999/submit'],
      ['POST', '/api/v1/awards/999999/evidence', { url: 'https://example.go.id' }],
      ['GET', '/api/v1/evidence/999999/file'],
      ['DELETE', '/api/v1/evidence/999999'],
      ['GET', '/api/v1/units/999999'],
      ['PATCH', '/api/v1/units/999999', { name: 'Tidak Ada' }],
      ['GET', '/api/v1/awarding-bodies/999999'],
      ['PATCH', '/api/v1/awarding-bodies/999999', { name: 'Tidak Ada' }],
      ['PATCH', '/api/v1/fields/999999', { nameId: 'Tidak Ada' }],
      ['DELETE', '/api/v1/fields/999999'],
      ['PATCH', '/api/v1/users/999999', { name: 'Tidak Ada' }],
      ['DELETE', '/api/v1/users/me/tokens/999999'],
    ] as const) {
      const res = await t.call('admin', method, path, body);
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
  });

  it('conflicting state → 409', async () => {
    const verified = await awardInState(t, 'verified');
    for (const [method, path, body] of [
      ['POST', `/api/v1/awards/${verified}/submit`],
      ['POST', `/api/v1/awards/${verified}/verify`],
      ['PATCH', `/api/v1/awards/${verified}`, { place: 'X' }],
      ['DELETE', `/api/v1/awards/${verified}`],
      ['POST', `/api/v1/awards/${verified}/evidence`, { url: 'https://example.go.id' }],
      ['POST', '/api/v1/fields', { code: 'kesehatan', nameId: 'Kesehatan', nameEn: 'Health' }],
      ['POST', '/api/v1/users', { email: 'admin@example.go.id', role: 'viewer' }],
    ] as const) {
      const res = await t.call('admin', method, path, body);
      expectErrorShape(res, 409);
    }
  });

  it('upload too large → 413, wrong type by content → 415, wrong media type → 415', async () => {
    const id = await awardInState(t, 'draft');
    const big = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(Buffer.concat([pngBytes(), Buffer.alloc(4096)]), 'a.png'),
    );
    expectErrorShape(big, 413);
    const text = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(Buffer.from('%PDX teks saja'), 'a.pdf', 'application/pdf'),
    );
    expectErrorShape(text, 415);
    const plain = await t.call('operator', 'POST', `/api/v1/awards/${id}/evidence`, 'url=https://x.id', {
      'content-type': 'text/plain',
    });
    expect(plain.status).toBe(415);
    const tooBigJson = await t.call('admin', 'POST', '/api/v1/awards', {
      ...sampleAward(t.units.dinkes.id),
      description: 'x'.repeat(200_000),
    });
    expectErrorShape(tooBigJson, 413);
  });

  it('unknown route under /api → 404', async () => {
    expect((await t.call('public', 'GET', '/api/v1/penghargaan')).status).toBe(404);
    expect((await t.call('admin', 'DELETE', '/api/v1/units/1')).status).toBe(404);
  });

  it('unknown route under /api → 404 JSON naming the route', async () => {
    const res = await t.call('public', 'GET', '/api/v1/penghargaan');
    expectErrorShape(res, 404);
    expect(res.json.error.message).toContain('/api/v1/penghargaan');
  });

  it('refuses NUL bytes in text with 422 instead of failing on PostgreSQL', async () => {
    const nul = 'Dinas\u0000Uji';
    const draft = await awardInState(t, 'draft');
    for (const [method, path, body, field] of [
      ['POST', '/api/v1/units', { name: nul, unitType: 'DINAS' }, 'name'],
      ['PATCH', `/api/v1/units/${t.units.dinkes.id}`, { shortName: nul }, 'shortName'],
      [
        'POST',
        '/api/v1/awarding-bodies',
        { code: 'uji-nul', abbreviation: 'U', name: nul, level: 'nasional' },
        'name',
      ],
      ['PATCH', '/api/v1/awarding-bodies/1', { aliases: ['ok', nul] }, 'aliases.1'],
      ['POST', '/api/v1/fields', { code: 'uji-nul', nameId: nul, nameEn: 'Test' }, 'nameId'],
      ['POST', '/api/v1/users', { email: 'nul@example.go.id', name: nul, role: 'viewer' }, 'name'],
      ['POST', '/api/v1/users/me/tokens', { name: nul }, 'name'],
      ['POST', `/api/v1/awards/${draft}/evidence`, { url: 'https://example.go.id', caption: nul }, 'caption'],
    ] as const) {
      const res = await t.call('admin', method, path, body);
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(422);
      expect(res.json.error.details[0].field).toBe(field);
    }
    // Also in a link: refused at the door rather than stored percent-encoded.
    const link = await t.call('admin', 'POST', `/api/v1/awards/${draft}/evidence`, {
      url: 'https://example.go.id/a b\u0000c',
    });
    expect(link.status).toBe(422);
    expect(link.json.error.details[0].field).toBe('url');
    // And in the path of any route.
    expect((await t.call('admin', 'GET', '/api/v1/scales/%00')).status).toBe(400);
  });

  it('a failed multi-row write leaves nothing behind', async () => {
    const count = async () => ({
      awards: Number(
        (
          await t.db.db
            .selectFrom('awards')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      team: Number(
        (
          await t.db.db
            .selectFrom('award_team_members')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      audit: Number(
        (
          await t.db.db
            .selectFrom('audit_events')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    const before = await count();
    const team = [{ unitId: t.units.dinkes.id }, { unitId: 987654 }];
    const res = await t.call(
      'admin',
      'POST',
      '/api/v1/awards',
      sampleAward(t.units.dinkes.id, { recipientKind: 'team', team }),
    );
    expectErrorShape(res, 422);
    expect(res.json.error.details[0].field).toBe('team.1.unitId');
    expect(await count()).toEqual(before);

    // A failure in the database after the award row is written (a trigger refusing the second
    // team member) must roll the award back too.
    if (testDatabaseKind() === 'postgres') {
      await sql`CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN
        IF NEW.person_name = 'BOOM' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END; $$ LANGUAGE plpgsql`.execute(
        t.db.db,
      );
      await sql`CREATE TRIGGER refuse_boom BEFORE INSERT ON award_team_members FOR EACH ROW EXECUTE FUNCTION refuse_boom()`.execute(
        t.db.db,
      );
    } else {
      await sql`CREATE TRIGGER refuse_boom BEFORE INSERT ON award_team_members WHEN NEW.person_name = 'BOOM'
        BEGIN SELECT RAISE(ABORT, 'boom'); END`.execute(t.db.db);
    }
    const input = sampleAward(t.units.dinkes.id, {
      recipientKind: 'team',
      team: [{ personName: 'dr. Ani' }, { personName: 'BOOM' }],
    });
    await expect(createAward(t.db.db, SYSTEM_ACTOR, input as never)).rejects.toThrow(/boom/);
    expect(await count()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

interface OpenApiSchema {
  type?: string | string[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  $ref?: string;
  anyOf?: OpenApiSchema[];
}

/** The same object with every property of the wrong type. */
function wrongTypes(schema: OpenApiSchema | undefined, resolve: (s: OpenApiSchema) => OpenApiSchema): Json {
  const props = schema ? (resolve(schema).properties ?? {}) : {};
  return Object.fromEntries(
    Object.entries(props).map(([k, p]) => {
      const r = resolve(p);
      const type = [r.type ?? r.anyOf?.map((a) => resolve(a).type)].flat().filter(Boolean)[0];
      const wrong =
        type === 'string'
          ? 12345
          : type === 'number' || type === 'integer'
            ? '12abc'
            : type === 'boolean'
              ? 'ya'
              : type === 'array'
                ? { a: 1 }
                : [1, 2];
      return [k, wrong];
    }),
  );
}

const everyProperty = (
  schema: OpenApiSchema | undefined,
  resolve: (s: OpenApiSchema) => OpenApiSchema,
  value: unknown,
): Json =>
  Object.fromEntries(Object.keys((schema && resolve(schema).properties) ?? {}).map((k) => [k, value]));

describe('generated sweep: garbage on every route never gives a 500', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ uploadDir: freshUploadDir() });
    await awardInState(t, 'draft');
  });
  afterAll(() => t.close());

  it('answers every garbage request with a status below 500', async () => {
    const doc = (await t.call('public', 'GET', '/api/v1/openapi.json')).json;
    const resolve = (s: OpenApiSchema): OpenApiSchema =>
      s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]) : s;
    const huge = 'ü'.repeat(50_000);
    const failures: string[] = [];
    let sent = 0;
    for (const [template, ops] of Object.entries(
      doc.paths as Record<
        string,
        Record<
          string,
          {
            requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
            parameters?: { in: string; name: string }[];
          }
        >
      >,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        const isDelete = method === 'delete';
        // Never the real id 1 on deletes, so the sweep does not remove what later requests need.
        const ids = template.includes('{')
          ? ['999999', 'abc', '-1', '0', '1.5', '9'.repeat(40), '%00', ...(isDelete ? [] : ['1'])]
          : [''];
        const schema: OpenApiSchema | undefined = op.requestBody?.content?.['application/json']?.schema;
        const bodies: unknown[] =
          method === 'get' || isDelete
            ? [undefined]
            : [
                undefined,
                {},
                [],
                'teks',
                42,
                null,
                true,
                [{}],
                JSON.parse('{"__proto__": {"role": "admin"}, "constructor": {"prototype": 1}}'),
                wrongTypes(schema, resolve),
                everyProperty(schema, resolve, null),
                everyProperty(schema, resolve, huge),
                everyProperty(schema, resolve, { $gt: '' }),
                everyProperty(schema, resolve, 'nul\u0000byte'),
                everyProperty(schema, resolve, []),
              ];
        const queries = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        for (const id of ids) {
          const path = `/api/v1${template.replace(/\{[^}]+\}/g, id)}`;
          // Each value alone: with repeated keys only the first one reaches the handler.
          const garbageQueries = queries.length
            ? [encodeURIComponent(huge.slice(0, 3000)), '%27;--', 'a%00b', '%5B%5D', '-1'].map(
                (v) => `?${queries.map((q: string) => `${q}=${v}`).join('&')}`,
              )
            : [];
          for (const who of ['admin', 'operator', 'public'] as const) {
            for (const body of id === ids[ids.length - 1] ? bodies : [bodies[0]]) {
              for (const url of [path, ...garbageQueries.map((q) => path + q)]) {
                const res = await t.call(who, method.toUpperCase(), url, body);
                sent++;
                if (res.status >= 500 || (res.status >= 400 && !res.json?.error?.code))
                  failures.push(
                    `${who} ${method.toUpperCase()} ${url.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 80)} → ${res.status} ${res.text.slice(0, 120)}`,
                  );
              }
            }
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures.join('\n')).toBe('');
  }, 120_000);
});
