import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createApiToken, createUser } from '../../src/auth/users.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database, Role } from '../../src/db/schema.ts';
import { createApp } from '../../src/http/app.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createRegion, createUnit } from '../../src/services/units.ts';
import { createTestDb } from './db.ts';

/** Kota Tangerang (36.71, founded 1993-02-28) and its unit tree, as pictured below. */
export async function seedKotaTangerang(db: Kysely<Database>) {
  await createRegion(db, SYSTEM_ACTOR, {
    code: '36.71',
    name: 'Kota Tangerang',
    kind: 'kota',
    foundedOn: '1993-02-28',
  });
  const root = await createUnit(db, SYSTEM_ACTOR, {
    regionCode: '36.71',
    name: 'Pemerintah Kota Tangerang',
    unitType: 'PEMDA',
  });
  const dinkes = await createUnit(db, SYSTEM_ACTOR, {
    regionCode: '36.71',
    parentId: root.id,
    name: 'Dinas Kesehatan',
    shortName: 'Dinkes',
    unitType: 'DINAS',
  });
  const puskesmas = await createUnit(db, SYSTEM_ACTOR, {
    regionCode: '36.71',
    parentId: dinkes.id,
    name: 'Puskesmas Neglasari',
    unitType: 'PUSKESMAS',
  });
  const bkpsdm = await createUnit(db, SYSTEM_ACTOR, {
    regionCode: '36.71',
    parentId: root.id,
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    shortName: 'BKPSDM',
    unitType: 'BADAN',
  });
  return { root, dinkes, puskesmas, bkpsdm };
}

/**
 * A migrated test database with a small region (Kota Tangerang, code 36.71), a unit tree
 *   Pemkot (root) ─ Dinas Kesehatan ─ Puskesmas Neglasari
 *                └ BKPSDM
 * one user and API token per role (the operator works for Dinas Kesehatan, `operatorOther`
 * for BKPSDM), and the Hono app. `call(role, method, path, body)` sends a JSON request as that role.
 */
export async function createTestApp(overrides: Partial<ReturnType<typeof loadConfig>> = {}) {
  const db = await createTestDb();
  const config = {
    ...loadConfig({}),
    uploadDir: mkdtempSync(join(tmpdir(), 'prestasi-uploads-')),
    ...overrides,
  };
  const app = createApp({ db, config });
  const units = await seedKotaTangerang(db.db);
  const { dinkes, bkpsdm } = units;

  const people: Record<string, { role: Role; unitId?: number }> = {
    admin: { role: 'admin' },
    verifikator: { role: 'verifikator' },
    operator: { role: 'operator', unitId: dinkes.id },
    operatorOther: { role: 'operator', unitId: bkpsdm.id },
    kurator: { role: 'kurator' },
    viewer: { role: 'viewer' },
    // Read-only across regions (issue 13): the province of Banten, and the nation.
    provinsi: { role: 'provinsi' },
    nasional: { role: 'nasional' },
  };
  const tokens: Record<string, string> = {};
  const passwords: Record<string, string> = {};
  for (const [name, p] of Object.entries(people)) {
    const password = `sandi-${name}-123`;
    const user = await createUser(db.db, {
      email: `${name}@example.go.id`,
      role: p.role,
      unitId: p.unitId,
      password,
    });
    tokens[name] = await createApiToken(db.db, user.id);
    passwords[name] = password;
  }
  type Who = keyof typeof people | 'public';

  /** Sends a request as a role ('public' = no credentials). Body objects are sent as JSON. */
  async function call(
    who: Who,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const h: Record<string, string> = { ...headers };
    if (who !== 'public') h.authorization = `Bearer ${tokens[who]}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData || typeof body === 'string') payload = body as BodyInit;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await app.request(path, { method, headers: h, body: payload });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field; the assertions check the shape
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json, text, headers: res.headers };
  }

  return { app, db, config, units, tokens, passwords, call, close: () => db.drop() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A valid award body for the Dinas Kesehatan operator. */
export const sampleAward = (unitId: number, over: Record<string, unknown> = {}) => ({
  title: 'Penghargaan Kota Sehat (Swasti Saba Wistara)',
  programme: 'Kabupaten/Kota Sehat',
  editionYear: 2025,
  awardingBodyCode: 'kemenkes',
  level: 'nasional',
  fieldCode: 'kesehatan',
  recipientKind: 'unit',
  unitId,
  receivedOn: '2025-11-12',
  place: 'Jakarta',
  ...over,
});
