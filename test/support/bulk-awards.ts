import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { regionIdOf } from '../../src/domain/region-code.ts';
import { seriesKeyFor } from '../../src/services/awards/references.ts';
import type { TestApp } from './app.ts';

// Many awards at once, for tests and benchmarks at size: one INSERT … SELECT over a recursive
// counter, so 100,000 rows take a second on either database. Every column is a formula of the
// row number `g` (the batch's row number plus its offset); `bulkAward(i)` is the same formula
// in TypeScript, so a test can say what any page should show without asking the code under test.
//
// Like real records, awards come in series: a programme of a giver received by a unit once a
// year. Rows run series by series, `years` rows each (one per year), the series' unit cycling
// through `units` and its programme numbered after them; one programme in ten is a one-off
// award with no programme (so no series key), as the records hold singles too.

export const BULK_LEVELS = ['internasional', 'nasional', 'regional', 'provinsi', 'kabupaten/kota'];
/** Givers of the programmes, cycled (reference codes with no successor: their series key is theirs). */
export const BULK_GIVERS = ['kemendagri', 'kemenpanrb', 'bkn', 'ombudsman', 'bpk', 'kemenkes'];
const DAYS = ['-03-10', '-06-15', '-09-20', null];

export interface BulkOptions {
  count: number;
  regionCode: string;
  /** Recipient units, cycled by series. */
  units: { id: number; path: string }[];
  /** Field ids, cycled. */
  fieldIds: number[];
  fromYear: number;
  years: number;
  /** Row numbers of this batch start after it, so batches continue one another (titles and series). */
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
  programme: string | null;
  giverCode: string;
  seriesKey: string | null;
}

/** What row `i` of a batch holds (the TypeScript twin of the SQL below). */
export function bulkAward(i: number, o: BulkOptions): BulkAward {
  const g = i + (o.offset ?? 0);
  const series = Math.floor((g - 1) / o.years);
  const year = o.fromYear + ((g - 1) % o.years);
  const unitIndex = series % o.units.length;
  const p = Math.floor(series / o.units.length);
  const programme = p % 10 === 9 ? null : `Program massal P${p}`;
  const giverCode = BULK_GIVERS[p % BULK_GIVERS.length];
  const day = DAYS[g % DAYS.length];
  return {
    title: `Penghargaan massal ${g}`,
    year,
    level: BULK_LEVELS[g % BULK_LEVELS.length],
    unitIndex,
    fieldIndex: g % o.fieldIds.length,
    receivedOn: day === null ? null : `${year}${day}`,
    state: g % 10 === 0 ? 'draft' : g % 10 === 1 ? 'submitted' : 'verified',
    isPublic: g % 25 !== 2,
    programme,
    giverCode,
    seriesKey: seriesKeyFor(giverCode, programme, `u${o.units[unitIndex].id}`),
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
  const giverIds = new Map(
    (
      await db.selectFrom('awarding_bodies').select(['id', 'code']).where('code', 'in', BULK_GIVERS).execute()
    ).map((b) => [b.code, b.id]),
  );
  const g = sql.raw('g');
  const s = sql.raw('s');
  const p = sql.raw('p');
  const year = sql`(${sql.lit(o.fromYear)} + (g - 1) % ${sql.lit(o.years)})`;
  const unitId = choose(
    s,
    o.units.map((u) => u.id),
  );
  const now = new Date().toISOString();
  // The programme's slug is what seriesKeyFor makes of "Program massal P<n>".
  await sql`
    with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${sql.lit(o.count)}),
    rowno as (select i + ${sql.lit(o.offset ?? 0)} as g from seq),
    inseries as (select g, (g - 1) / ${sql.lit(o.years)} as s from rowno),
    numbered as (select g, s, s / ${sql.lit(o.units.length)} as p from inseries)
    insert into awards (region_id, title, programme, edition_year, awarding_body_id, level, field_id,
      recipient_kind, unit_id, unit_path, received_on, state, is_public, series_key, version,
      created_at, updated_at)
    select ${sql.lit(regionIdOf(o.regionCode))},
      ${sql.lit('Penghargaan massal ')} || cast(g as text),
      case when p % 10 = 9 then null else ${sql.lit('Program massal P')} || cast(p as text) end,
      ${year},
      ${choose(
        p,
        BULK_GIVERS.map((c) => giverIds.get(c) ?? null),
      )},
      ${choose(g, BULK_LEVELS)},
      ${choose(g, o.fieldIds)},
      'unit',
      ${unitId},
      ${choose(
        s,
        o.units.map((u) => u.path),
      )},
      case when ${choose(g, DAYS)} is null then null else cast(${year} as text) || ${choose(g, DAYS)} end,
      case when g % 10 = 0 then 'draft' when g % 10 = 1 then 'submitted' else 'verified' end,
      case when g % 25 = 2 then 0 else 1 end,
      case when p % 10 = 9 then null else ${choose(p, BULK_GIVERS)} || ${sql.lit(':program-massal-p')}
        || cast(p as text) || ${sql.lit(':u')} || cast(${unitId} as text) end,
      1, ${sql.lit(now)}, ${sql.lit(now)}
    from numbered`.execute(db);
}
