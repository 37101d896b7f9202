import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH } from '../../src/http/guards.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// The NUL-byte guard used to walk JSON recursively: 100,000 levels overflowed its stack, the
// guard gave up, and PostgreSQL then failed with 500 on the NUL. Depth is now bounded by a
// linear scan and the walk is iterative.

const nested = (levels: number, inner: string) => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;

describe('deeply nested JSON', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts depth without being fooled by brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[[\\"]]"}]}')).toBe(3);
    expect(jsonDepth(nested(100_000, '1'))).toBe(100_000);
  });

  it('refuses 100,000 levels with a NUL inside with a 400 that says why, anonymous too', async () => {
    const body = `{"email":"a@b.c","password":"x","extra":${nested(100_000, '"\\u0000"')}}`;
    const json = { 'content-type': 'application/json' };
    for (const path of ['/api/v1/auth/login', '/api/v1/grade']) {
      const res = await t.call('public', 'POST', path, body, json);
      expect(res.status, path).toBe(400);
      expect(res.json.error.message).toMatch(/terlalu dalam/);
    }
    // A route for signed-in roles reads the body only after the access check.
    expect((await t.call('public', 'POST', '/api/v1/awards', body, json)).status).toBe(401);
    const operator = await t.call('operator', 'POST', '/api/v1/awards', body, json);
    expect(operator.status).toBe(400);
    expect(operator.json.error.message).toMatch(/terlalu dalam/);
    // The server is fine afterwards.
    expect((await t.call('public', 'GET', '/healthz')).status).toBe(200);
  });

  it('still finds a NUL at the deepest allowed level and names the field', async () => {
    const body = `{"email":"a@b.c","password":${nested(MAX_JSON_DEPTH - 1, '"x\\u0000"')}}`;
    const res = await t.call('public', 'POST', '/api/v1/auth/login', body, {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].field).toMatch(/^password(\.0)+$/);
  });
});
