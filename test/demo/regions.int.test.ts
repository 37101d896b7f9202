import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, findUserByEmail } from '../../src/auth/users.ts';
import { seedSampleRegion } from '../../src/demo/other-region.ts';
import { listAwards } from '../../src/services/awards/read.ts';
import { listAwardsQuerySchema } from '../../src/services/awards/schemas.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

// `prestasi demo --regions 36.71,36.03`: a sample region from the gazetteer, with its own
// accounts that read and change only its own records.
describe('demo sample region', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it('adds Kabupaten Tangerang with accounts and verified records of its own, once', async () => {
    const accounts = await seedSampleRegion(t.db, '36.03');
    expect(accounts.map((a) => a.email)).toEqual([
      'admin.36-03@prestasi.demo',
      'verifikator.36-03@prestasi.demo',
      'dinkes.36-03@prestasi.demo',
    ]);
    const region = await t.db.selectFrom('regions').selectAll().executeTakeFirstOrThrow();
    expect(region).toMatchObject({ id: 3603, name: 'Kabupaten Tangerang', kind: 'kabupaten', parent_id: 36 });
    const admin = await actorFor(t.db, (await findUserByEmail(t.db, accounts[0].email))!);
    expect(admin.regionId).toBe(3603);
    const list = await listAwards(t.db, admin, listAwardsQuerySchema.parse({ pageSize: 100 }));
    expect(list.items).toHaveLength(4);
    expect(list.items.every((a) => a.regionCode === '36.03' && a.state === 'verified')).toBe(true);
    expect(await seedSampleRegion(t.db, '36.03')).toEqual([]);
  });
});
