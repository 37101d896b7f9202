// A synthetic national dataset for the benchmark: ~550 regions × 40 units × 30 years,
// about one million awards. Deterministic (seeded PRNG) so that runs compare.
// Loading uses the raw drivers in big batches: the loader is not what is measured.
import pg from 'pg';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { regionIdOf } from '../../src/domain/region-code.ts';

// BENCH_REGIONS makes a smaller dataset while a benchmark is being written (results name the size).
export const REGIONS = Number(process.env.BENCH_REGIONS ?? 550);
export const UNITS_PER_REGION = 40;
export const FIRST_YEAR = 1996;
export const YEARS = 30;
export const AWARDS_PER_REGION_YEAR = 60; // 550 × 30 × 60 = 990,000

const LEVELS = ['internasional', 'nasional', 'regional', 'provinsi', 'kabupaten/kota'];
const STATES = [
  'verified',
  'verified',
  'verified',
  'verified',
  'verified',
  'verified',
  'verified',
  'verified',
  'submitted',
  'draft',
];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const regionCode = (i: number) =>
  `${String(11 + Math.floor(i / 25)).padStart(2, '0')}.${String(1 + (i % 25)).padStart(2, '0')}`;

/** Opens (and fills if empty) the benchmark database at `url`. Returns it ready to query. */
export async function loadNationalDataset(url: string, log: (m: string) => void = () => {}): Promise<Db> {
  const db = openDatabase(url);
  await prepareDatabase(db.db);
  const have = await db.db
    .selectFrom('awards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const expected = REGIONS * YEARS * AWARDS_PER_REGION_YEAR;
  if (Number(have.n) === expected) {
    log(`dataset already loaded (${expected} awards)`);
    if (db.kind === 'postgres') await settle(url, log);
    return db;
  }
  if (Number(have.n) !== 0)
    throw new Error(`benchmark database ${url} holds ${have.n} awards; delete it and run again`);
  const fields = (await db.db.selectFrom('fields').select('id').execute()).map((f) => f.id);
  const givers = (await db.db.selectFrom('awarding_bodies').select('id').execute()).map((g) => g.id);
  const rand = prng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const started = Date.now();

  const regionRows: unknown[][] = [];
  const unitRows: unknown[][] = [];
  let unitId = 0;
  const unitsByRegion: { id: number; path: string }[][] = [];
  for (let r = 0; r < REGIONS; r++) {
    const code = regionCode(r);
    regionRows.push([
      regionIdOf(code),
      code,
      `Kabupaten/Kota Sintetis ${code}`,
      r % 5 === 0 ? 'kota' : 'kabupaten',
      '1990-01-01',
      null,
      '2025-01-01T00:00:00Z',
    ]);
    const units: { id: number; path: string }[] = [];
    const rootId = ++unitId;
    units.push({ id: rootId, path: `/${rootId}/` });
    unitRows.push([rootId, regionIdOf(code), null, `Pemda ${code}`, null, 'PEMDA', `/${rootId}/`]);
    for (let u = 1; u < UNITS_PER_REGION; u++) {
      const id = ++unitId;
      // 15 OPD under the root; the rest hang under one of them (UPTD, puskesmas, kelurahan).
      const parent = u <= 15 ? units[0] : units[1 + ((u - 16) % 15)];
      const path = `${parent.path}${id}/`;
      units.push({ id, path });
      unitRows.push([
        id,
        regionIdOf(code),
        parent.id,
        `Unit ${u} ${code}`,
        null,
        u <= 15 ? 'DINAS' : 'UPTD',
        path,
      ]);
    }
    unitsByRegion.push(units);
  }

  function* awardRows() {
    let id = 0;
    for (let r = 0; r < REGIONS; r++) {
      const code = regionCode(r);
      for (let y = 0; y < YEARS; y++) {
        const year = FIRST_YEAR + y;
        for (let a = 0; a < AWARDS_PER_REGION_YEAR; a++) {
          const unit = pick(unitsByRegion[r]);
          const month = 1 + Math.floor(rand() * 12);
          const day = 1 + Math.floor(rand() * 28);
          const state = pick(STATES);
          yield [
            ++id,
            regionIdOf(code),
            `Penghargaan ${a} ${year} ${code}`,
            year,
            pick(givers),
            pick(LEVELS),
            pick(fields),
            'unit',
            unit.id,
            unit.path,
            `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            state,
            1,
          ];
        }
      }
    }
  }

  const now = '2025-01-01T00:00:00Z';
  if (db.kind === 'sqlite') {
    const s = db.sqlite!;
    s.transaction(() => {
      const ri = s.prepare(
        'insert into regions (id, code, name, kind, founded_on, emblem_url, created_at) values (?,?,?,?,?,?,?)',
      );
      for (const row of regionRows) ri.run(...row);
      const ui = s.prepare(
        `insert into org_units (id, region_id, parent_id, name, short_name, unit_type, path, active, created_at, updated_at) values (?,?,?,?,?,?,?,1,'${now}','${now}')`,
      );
      for (const row of unitRows) ui.run(...row);
      const ai = s.prepare(
        `insert into awards (id, region_id, title, edition_year, awarding_body_id, level, field_id, recipient_kind, unit_id, unit_path, received_on, state, is_public, version, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,1,'${now}','${now}')`,
      );
      let n = 0;
      for (const row of awardRows()) {
        ai.run(...row);
        if (++n % 200_000 === 0) log(`  ${n} awards`);
      }
    })();
    s.exec('ANALYZE');
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await insertColumns(
        client,
        'regions',
        ['id', 'code', 'name', 'kind', 'founded_on', 'emblem_url', 'created_at'],
        ['int8', 'text', 'text', 'text', 'text', 'text', 'text'],
        regionRows,
      );
      await insertColumns(
        client,
        'org_units',
        ['id', 'region_id', 'parent_id', 'name', 'short_name', 'unit_type', 'path'],
        ['int', 'int8', 'int', 'text', 'text', 'text', 'text'],
        unitRows,
        `, active, created_at, updated_at`,
        `, 1, '${now}', '${now}'`,
      );
      let batch: unknown[][] = [];
      let n = 0;
      const flush = async () => {
        await insertColumns(
          client,
          'awards',
          [
            'id',
            'region_id',
            'title',
            'edition_year',
            'awarding_body_id',
            'level',
            'field_id',
            'recipient_kind',
            'unit_id',
            'unit_path',
            'received_on',
            'state',
            'is_public',
          ],
          ['int', 'int8', 'text', 'int', 'int', 'text', 'int', 'text', 'int', 'text', 'text', 'text', 'int'],
          batch,
          ', version, created_at, updated_at',
          `, 1, '${now}', '${now}'`,
        );
        batch = [];
      };
      for (const row of awardRows()) {
        batch.push(row);
        if (batch.length === 20_000) {
          await flush();
          n += 20_000;
          if (n % 200_000 === 0) log(`  ${n} awards`);
        }
      }
      if (batch.length) await flush();
      // Explicit ids were inserted: move the sequences past them.
      await client.query(`select setval('org_units_id_seq', (select max(id) from org_units))`);
      await client.query(`select setval('awards_id_seq', (select max(id) from awards))`);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    await settle(url, log);
  }
  log(`loaded ${expected} awards in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return db;
}

/** Column-wise insert through unnest(): one statement per batch, no parameter limit issues. */
async function insertColumns(
  client: pg.Client,
  table: string,
  columns: string[],
  types: string[],
  rows: unknown[][],
  extraColumns = '',
  extraValues = '',
) {
  const arrays = columns.map((_, i) => rows.map((r) => r[i]));
  const unnest = types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  const select = columns.map((c) => `u.${c}`).join(', ');
  await client.query(
    `insert into ${table} (${columns.join(', ')}${extraColumns}) select ${select}${extraValues} from unnest(${unnest}) as u(${columns.join(', ')})`,
    arrays,
  );
}

/**
 * A production database has been vacuumed by autovacuum; a freshly loaded one has not, and
 * until it is, every index-only scan also reads the table (the visibility map is empty): the
 * recap counts read the heap and cost several times what they cost in service. VACUUM (ANALYZE)
 * once after loading, and again when a database loaded by an older version of this script
 * never was.
 */
async function settle(url: string, log: (m: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select relpages, relallvisible from pg_class where relname = 'awards' and relkind = 'r'`,
    );
    const { relpages, relallvisible } = rows[0] ?? { relpages: 0, relallvisible: 0 };
    if (relpages > 0 && relallvisible >= relpages * 0.9) return;
    const started = Date.now();
    await client.query('VACUUM (ANALYZE)');
    log(
      `vacuumed in ${((Date.now() - started) / 1000).toFixed(1)} s (visibility map was ${relallvisible}/${relpages} pages)`,
    );
  } finally {
    await client.end();
  }
}
