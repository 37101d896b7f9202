import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/services/actor.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Every write route, read from the OpenAPI document (so a new route is covered by itself):
// a caller who may not use it gets 401/403 whatever the body — never 422 with the body's
// validation rules. Callers who may use it get the validation answer instead.

interface WriteRoute {
  method: string;
  path: string;
  access: string;
}

describe('authentication and role checks come before body validation', () => {
  let t: TestApp;
  let routes: WriteRoute[];
  beforeAll(async () => {
    t = await createTestApp();
    const doc = (await t.call('public', 'GET', '/api/v1/openapi.json')).json;
    routes = Object.entries<Record<string, { 'x-access'?: string }>>(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => method !== 'get')
        .map(([method, op]) => ({ method, path, access: String(op['x-access']) })),
    );
  });
  afterAll(() => t.close());

  // A bad body and a bad id: whoever gets past the access check gets a 4xx about these.
  // The NUL character and the deep nesting are body checks too: they wait for the access check.
  const BAD_BODY = { bogus: '\u2603'.repeat(3), unitId: -1, email: 42, title: 'a\u0000b', deep: nest(80) };
  function nest(levels: number): unknown {
    let v: unknown = 'x';
    for (let i = 0; i < levels; i++) v = [v];
    return v;
  }
  const concrete = (path: string) => `/api/v1${path.replace(/\{[^}]+\}/g, '0')}`;

  it('documents an access rule for every write route', () => {
    expect(routes.length).toBeGreaterThanOrEqual(27);
    for (const r of routes) expect(r.access, `${r.method} ${r.path}`).toMatch(/^(public|signed-in|[a-z,]+)$/);
  });

  it('answers 401 to the public and 403 to roles without the right, before validating', async () => {
    const seen: string[] = [];
    for (const r of routes) {
      if (r.access === 'public') continue;
      const anonymous = await t.call('public', r.method.toUpperCase(), concrete(r.path), BAD_BODY);
      expect(anonymous.status, `anonymous ${r.method} ${r.path}`).toBe(401);
      for (const role of ROLES) {
        const allowed = r.access === 'signed-in' || r.access.split(',').includes(role);
        const res = await t.call(role, r.method.toUpperCase(), concrete(r.path), BAD_BODY);
        const label = `${role} ${r.method} ${r.path}`;
        if (allowed) {
          expect([400, 404, 409, 415, 422], label).toContain(res.status);
        } else {
          expect(res.status, label).toBe(403);
          expect(res.json.error.details, label).toEqual([]);
          seen.push(label);
        }
      }
    }
    expect(seen).toContain('viewer post /awards');
  });
});
