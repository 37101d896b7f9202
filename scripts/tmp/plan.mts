import { sql } from 'kysely';
import { openDatabase } from '/work/prestasi-perf/src/db/database.ts';
import { prepareDatabase } from '/work/prestasi-perf/src/db/prepare.ts';
import { SYSTEM_ACTOR } from '/work/prestasi-perf/src/services/actor.ts';
import { listAwards } from '/work/prestasi-perf/src/services/awards/read.ts';
import { createRegion, createUnit } from '/work/prestasi-perf/src/services/units.ts';
import { insertBulkAwards } from '/work/prestasi-perf/test/support/bulk-awards.ts';

const db = openDatabase('sqlite:/tmp/perf/plan.db');
await prepareDatabase(db.db);
const n = await db.db
  .selectFrom('awards')
  .select((eb) => eb.fn.countAll().as('n'))
  .executeTakeFirst();
if (Number(n?.n) === 0) {
  await createRegion(db.db, SYSTEM_ACTOR, {
    code: '36.71',
    name: 'Kota Tangerang',
    kind: 'kota',
    foundedOn: '1993-02-28',
  });
  const root = await createUnit(db.db, SYSTEM_ACTOR, {
    regionCode: '36.71',
    name: 'Pemkot',
    unitType: 'PEMDA',
  });
  const f = await db.db.selectFrom('fields').select('id').limit(5).execute();
  const t = performance.now();
  await insertBulkAwards(db.db, {
    count: 200000,
    regionCode: '36.71',
    units: [{ id: root.id, path: root.path }],
    fieldIds: f.map((x) => x.id),
    fromYear: 1995,
    years: 31,
  });
  console.log('insert', performance.now() - t);
}
for (const q of [{}, { year: 2020 }]) {
  const t = performance.now();
  const r = await listAwards(db.db, null, {
    sort: 'receivedOn',
    order: 'desc',
    page: 1,
    pageSize: 20,
    ...q,
  } as any);
  console.log(JSON.stringify(q), 'total', r.total, Math.round(performance.now() - t), 'ms');
}
const plan =
  await sql`explain query plan select * from awards where state='verified' and is_public=1 order by coalesce(awards.received_on, cast(awards.edition_year as text) || '-12-31') desc, awards.id desc limit 20`.execute(
    db.db,
  );
console.log(plan.rows);
await db.close();
