// Watched news sources: registered by a curator or admin for the home region, changed and
// (de)activated with an audit event each, and listed with their health — when they were last
// fetched, what went wrong, how many articles and findings they brought. Several regions may
// watch the same address: each has its own source (settings, pause, health, errors), all
// subscribed to one shared fetch record (./fetch-record.ts), so the address is fetched once.

import type { Kysely, Selectable } from 'kysely';
import { nowIso } from '../../../db/now.ts';
import type { Database, NewsSourceTable } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { assertCurator } from '../../access.ts';
import type { Actor } from '../../actor.ts';
import { recordAudit } from '../../audit.ts';
import { AppError, conflict, invalid, notFound } from '../../errors.ts';
import { homeRegion } from '../ingest.ts';
import { checkWebUrl, FetchError } from './fetch.ts';
import { fetchRecordFor } from './fetch-record.ts';
import type { CreateSource, UpdateSource } from './schemas.ts';

export type SourceRow = Selectable<NewsSourceTable>;

export interface SourceHealth {
  id: number;
  name: string;
  url: string;
  kind: string;
  outlet: string | null;
  intervalMinutes: number;
  active: boolean;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  /** 'ok' | 'not_modified' | 'error' | null (never fetched) */
  lastStatus: string | null;
  lastError: string | null;
  failures: number;
  nextFetchAt: string | null;
  articles: number;
  findings: number;
  /** Listed links that could not be taken in (each with its own error). */
  itemErrors: number;
  /** Of those, links that failed for a passing reason and will be tried again. */
  itemRetries: number;
}

export async function createSource(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateSource,
  opts: { allowPrivate?: boolean } = {},
): Promise<SourceHealth> {
  assertCurator(actor);
  try {
    checkWebUrl(input.url, opts.allowPrivate ?? false);
  } catch (err) {
    if (err instanceof FetchError) throw invalid([{ field: 'url', message: err.message }]);
    throw err;
  }
  const home = await homeRegion(db, actor.regionId);
  if (!home) throw new AppError('conflict', 'Belum ada daerah: buat daerahnya dulu (prestasi demo / admin)');
  return inTransaction(db, async (trx) => {
    // Once per region: another region watching the same address is the point of sharing it.
    const taken = await trx
      .selectFrom('news_sources')
      .select('id')
      .where('region_id', '=', home.id)
      .where('url', '=', input.url)
      .executeTakeFirst();
    if (taken)
      throw conflict(`Sumber ini sudah terdaftar (#${taken.id})`, [
        { field: 'url', message: 'sudah terdaftar' },
      ]);
    const now = nowIso();
    // Subscribed to the address's shared fetch record: one request per round serves every region.
    const fetchId = await fetchRecordFor(trx, input.url);
    const row = await trx
      .insertInto('news_sources')
      .values({
        region_id: home.id,
        name: input.name,
        url: input.url,
        kind: input.kind,
        outlet: input.outlet ?? null,
        interval_minutes: input.intervalMinutes,
        active: 1,
        fetch_id: fetchId,
        listing_hash: null,
        last_fetch_at: null,
        last_success_at: null,
        last_status: null,
        last_error: null,
        failures: 0,
        next_fetch_at: now,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'news_source',
      entityId: row.id,
      action: 'create',
      after: row,
      regionId: row.region_id,
    });
    return toHealth(row, { articles: 0, findings: 0, itemErrors: 0, itemRetries: 0 });
  });
}

export async function updateSource(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  patch: UpdateSource,
): Promise<SourceHealth> {
  assertCurator(actor);
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('news_sources').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Sumber berita', id);
    const set: Partial<SourceRow> = { updated_at: nowIso() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.outlet !== undefined) set.outlet = patch.outlet ?? null;
    if (patch.intervalMinutes !== undefined) set.interval_minutes = patch.intervalMinutes;
    if (patch.active !== undefined) {
      set.active = patch.active ? 1 : 0;
      // Switched back on: poll it at the next round, with a clean slate of failures.
      if (patch.active && !before.active) Object.assign(set, { failures: 0, next_fetch_at: nowIso() });
    }
    const after = await trx
      .updateTable('news_sources')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'news_source',
      entityId: id,
      action: 'update',
      before,
      after,
    });
  });
  return getSource(db, actor, id);
}

export async function getSource(db: Kysely<Database>, actor: Actor, id: number): Promise<SourceHealth> {
  const [one] = await listSources(db, actor, id);
  if (!one) throw notFound('Sumber berita', id);
  return one;
}

/** Every source (or one) with its counts: articles taken in, findings they carry, item errors. */
export async function listSources(
  db: Kysely<Database>,
  actor: Actor,
  onlyId?: number,
): Promise<SourceHealth[]> {
  assertCurator(actor);
  let q = db.selectFrom('news_sources').selectAll().orderBy('id');
  if (onlyId !== undefined) q = q.where('id', '=', onlyId);
  const rows = await q.execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const items = await db
    .selectFrom('source_items')
    .select((eb) => [
      'source_id',
      eb.fn.count<number>('article_id').as('articles'),
      eb.fn.count<number>('error').as('errors'),
      eb.fn.count<number>('retry_at').as('retries'),
    ])
    .where('source_id', 'in', ids)
    .groupBy('source_id')
    .execute();
  const findings = await db
    .selectFrom('source_items')
    .innerJoin('finding_sources', 'finding_sources.article_id', 'source_items.article_id')
    .select((eb) => [
      'source_items.source_id',
      eb.fn.count<number>('finding_sources.finding_id').distinct().as('n'),
    ])
    .where('source_items.source_id', 'in', ids)
    .groupBy('source_items.source_id')
    .execute();
  return rows.map((r) => {
    const i = items.find((x) => x.source_id === r.id);
    const f = findings.find((x) => x.source_id === r.id);
    return toHealth(r, {
      articles: Number(i?.articles ?? 0),
      itemErrors: Number(i?.errors ?? 0),
      itemRetries: Number(i?.retries ?? 0),
      findings: Number(f?.n ?? 0),
    });
  });
}

/** The links of one source that could not be taken in, newest first, with why and when tried again. */
export async function sourceItemErrors(db: Kysely<Database>, actor: Actor, id: number, limit = 50) {
  assertCurator(actor);
  return db
    .selectFrom('source_items')
    .select(['url', 'error', 'seen_at as seenAt', 'attempts', 'retry_at as retryAt'])
    .where('source_id', '=', id)
    .where('error', 'is not', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

function toHealth(
  r: SourceRow,
  counts: { articles: number; findings: number; itemErrors: number; itemRetries: number },
): SourceHealth {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    kind: r.kind,
    outlet: r.outlet,
    intervalMinutes: r.interval_minutes,
    active: r.active === 1,
    lastFetchAt: r.last_fetch_at,
    lastSuccessAt: r.last_success_at,
    lastStatus: r.last_status,
    lastError: r.last_error,
    failures: r.failures,
    nextFetchAt: r.next_fetch_at,
    ...counts,
  };
}
