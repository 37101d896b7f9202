import { existsSync } from 'node:fs';
import { openDatabase } from './src/db/database.ts';
import { prepareDatabase } from './src/db/prepare.ts';
import { SYSTEM_ACTOR } from './src/services/actor.ts';
import { createRegion, createUnit } from './src/services/units.ts';
import { insertBulkAwards } from './test/support/bulk-awards.ts';
const N = Number(process.argv[2] ?? 100000);
const file = `/tmp/perf-exp/g${N}.db`;
const fresh = !existsSync(file);
const db = openDatabase(`sqlite:${file}`);
await prepareDatabase(db.db);
if (fresh) {
  await createRegion(db.db, SYSTEM_ACTOR, { code: '36.71', name: 'Kota Tangerang', kind: 'kota', foundedOn: '1993-02-28' });
  const root = await createUnit(db.db, SYSTEM_ACTOR, { regionCode: '36.71', name: 'Pemerintah Kota Tangerang', unitType: 'PEMDA' });
  const dinas = await createUnit(db.db, SYSTEM_ACTOR, { regionCode: '36.71', parentId: root.id, name: 'Dinas Kesehatan', unitType: 'DINAS' });
  const fieldIds = (await db.db.selectFrom('fields').select('id').orderBy('id').limit(8).execute()).map((f) => f.id);
  await insertBulkAwards(db.db, { count: N, regionCode: '36.71', units: [root, dinas].map((u) => ({ id: u.id, path: u.path })), fieldIds, fromYear: 1995, years: 31, offset: 0 });
}
await db.close();
console.log('ok', file);
