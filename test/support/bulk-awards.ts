import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { regionIdOf } from '../../src/domain/region-code.ts';
import type { TestApp } from './app.ts';

// Many awards at once, for tests and benchmarks at size: one INSERT … SELECT over a recursive
// counter, so 100,000 rows take a second on either database. Every column is a formula of the
// row number `i` (1…count); `bulkAward(i)` is the same formula in TypeScript, so a test can
// say what any page should show without asking the code under test.

export const BULK_LEVELS = ['internasional', 'nasional', 'regional', 'provinsi', 'kabupaten/kota'];
const DAYS = ['-03-10', '-06-15', '-09-20', null];

export interface BulkOptions {
  count: number;
  regionCode: string;
  /** Recipient units, cycled by row number. */
  units: { id: number; path: string }[];
  /** Field ids, cycled. */
  fieldIds: number[];
  fromYear: number;
  years: number;
  /** Added to the row number in titles, so two batches do not collide. */
  offset?: number;
}

export interface BulkAward {
  title: string;
  year: number;
  level: string;
  unitIndex: number;
  fieldIndex: number;
  receivedOn: string | null;
  state: 'verified' | 'submitted' | 'draft';
  isPublic: boolean;
}

/** What row `i` holds (the TypeScript twin of the SQL below). */
export function bulkAward(i: number, o: BulkOptions): BulkAward {
  const year = o.fromYear + (i % o.years);
  const day = DAYS[i % DAYS.length];
  return {
    title: `Penghargaan massal ${i + (o.offset ?? 0)}`,
    year,
    level: BULK_LEVELS[i % BULK_LEVELS.length],
    unitIndex: i % o.units.length,
    fieldIndex: i % o.fieldIds.length,
    receivedOn: day === null ? null : `${year}${day}`,
    state: i % 10 === 0 ? 'draft' : i % 10 === 1 ? 'submitted' : 'verified',
    isPublic: i % 25 !== 2,
  };
}

/**
 * The tests at size: `count` awards of Kota Tangerang spread over the test app's four units and
 * the first five fields, editions 1995–2025, inserted; answers the options they were made with.
 */
export async function insertTestAppAwards(t: TestApp, count: number): Promise<BulkOptions> {
  const { root, dinkes, puskesmas, bkpsdm } = t.units;
  const fields = await t.db.db.selectFrom('fields').select('id').orderBy('id').limit(5).execute();
  const o: BulkOptions = {
    count,
    regionCode: '36.71',
    units: [root, dinkes, puskesmas, bkpsdm].map((u) => ({ id: u.id, path: u.path })),
    fieldIds: fields.map((f) => f.id),
    fromYear: 1995,
    years: 31,
  };
  await insertBulkAwards(t.db.db, o);
  return o;
}

/** The rows of a bulk insert the public sees (verified and public), by the formula. */
export const publicBulkAwards = (o: BulkOptions): BulkAward[] =>
  Array.from({ length: o.count }, (_, k) => bulkAward(k + 1, o)).filter(
    (r) => r.state === 'verified' && r.isPublic,
  );

const choose = (expr: ReturnType<typeof sql.raw>, values: readonly (string | number | null)[]) =>
  sql`case ${expr} % ${sql.lit(values.length)} ${sql.join(
    values.map((v, k) => sql`when ${sql.lit(k)} then ${v === null ? sql`null` : sql.lit(v)}`),
    sql` `,
  )} end`;

export async function insertBulkAwards(db: Kysely<Database>, o: BulkOptions): Promise<void> {
  if (!Number.isInteger(o.count) || o.count < 1) throw new Error('count must be a positive integer');
  const i = sql.raw('i');
  const year = sql`(${sql.lit(o.fromYear)} + i % ${sql.lit(o.years)})`;
  const now = new Date().toISOString();
  await sql`
    with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${sql.lit(o.count)})
    insert into awards (region_id, title, edition_year, level, field_id, recipient_kind, unit_id,
      unit_path, received_on, state, is_public, version, created_at, updated_at)
    select ${sql.lit(regionIdOf(o.regionCode))},
      ${sql.lit('Penghargaan massal ')} || cast(i + ${sql.lit(o.offset ?? 0)} as text),
      ${year},
      ${choose(i, BULK_LEVELS)},
      ${choose(i, o.fieldIds)},
      'unit',
      ${choose(
        i,
        o.units.map((u) => u.id),
      )},
      ${choose(
        i,
        o.units.map((u) => u.path),
      )},
      case when ${choose(i, DAYS)} is null then null else cast(${year} as text) || ${choose(i, DAYS)} end,
      case when i % 10 = 0 then 'draft' when i % 10 = 1 then 'submitted' else 'verified' end,
      case when i % 25 = 2 then 0 else 1 end,
      1, ${sql.lit(now)}, ${sql.lit(now)}
    from seq`.execute(db);
}
