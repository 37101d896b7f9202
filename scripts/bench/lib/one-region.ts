import { type Kysely, sql } from 'kysely';
import { createApiToken, createUser } from '../../../src/auth/users.ts';
import type { Database } from '../../../src/db/schema.ts';
import { seedKotaTangerang } from '../../../test/support/app.ts';
import { insertBulkAwards } from '../../../test/support/bulk-awards.ts';

// One region grown to a size, for the benchmarks that measure a page or an export as the
// record grows (growth, exports): Kota Tangerang with its pemda and one dinas as recipients,
// eight fields, an admin and an operator of the dinas with API tokens, and awards added by one INSERT … SELECT per step.

export async function seedBenchRegion(db: Kysely<Database>) {
  // The tests' Kota Tangerang tree; the pemda and Dinas Kesehatan receive the awards.
  const { root, dinkes: dinas } = await seedKotaTangerang(db);
  const units = [root, dinas].map((u) => ({ id: u.id, path: u.path }));
  const fieldIds = (await db.selectFrom('fields').select('id').orderBy('id').limit(8).execute()).map(
    (f) => f.id,
  );
  const admin = await createUser(db, {
    email: 'admin@bench.id',
    role: 'admin',
    password: 'kata-sandi-bench',
  });
  const token = await createApiToken(db, admin.id);
  // An operator of the dinas: its recap with unverified records is the one signed-in scope the
  // kept counts do not answer (its own unit's drafts are a path, not a visibility).
  const operator = await createUser(db, {
    email: 'operator@bench.id',
    role: 'operator',
    unitId: dinas.id,
    password: 'kata-sandi-bench',
  });
  const operatorToken = await createApiToken(db, operator.id);
  /**
   * Adds awards until the region holds `size` (from `have`). The insert updates a dozen indexes
   * and the kept counts row by row; with SQLite's default 2 MB page cache that thrashes (11.5
   * min for the 1M step under load), so a large cache for the insert only, then `cacheAfter`.
   */
  const growTo = async (have: number, size: number, cacheAfter: number) => {
    await sql`pragma cache_size = -1000000`.execute(db);
    await insertBulkAwards(db, {
      count: size - have,
      regionCode: '36.71',
      units,
      fieldIds,
      fromYear: 1995,
      years: 31,
      offset: have,
    });
    await sql`pragma cache_size = ${sql.raw(String(cacheAfter))}`.execute(db);
  };
  return { root, dinas, admin, token, operatorToken, growTo };
}
