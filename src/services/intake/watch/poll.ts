// Polling watched sources: each due address is fetched once (conditionally), whatever number of
// regions' sources watch it (./fetch-record.ts), its listing read for each of them, and every
// link a source has not seen before taken in through the same ingest as a file or the API
// (./take-in.ts) — so new articles become findings in the regions they name, and repeats do not.
// Whatever goes wrong (a 500, a timeout, bad XML, a binary or huge page, an unknown encoding) is
// written against each source of that address, or against that link, and the round goes on with
// the others. Requests to one host are spaced by `hostDelayMs`.
import type { Kysely } from 'kysely';
import { nowIso } from '../../../db/now.ts';
import type { Database } from '../../../db/schema.ts';
import { type Actor, SYSTEM_ACTOR } from '../../actor.ts';
import { DEFAULT_LIMITS, type FetchLimits, fetchPolitely } from './fetch.ts';
import { listingHash, noteFetch } from './fetch-record.ts';
import { type ListedItem, listItems } from './links.ts';
import { getSource, type SourceRow } from './registry.ts';
import { messageOf, planFor, type SourcePlan, takeIn, unseen } from './take-in.ts';

export interface WatchOptions extends FetchLimits {
  /** Least time between two requests to one host. */
  hostDelayMs: number;
  /** New links taken in per source per round; the rest wait for the next round. */
  maxItemsPerPoll: number;
  /** Sources polled at once (different hosts proceed in parallel). */
  concurrency: number;
  /** A link that failed for a passing reason waits this long, doubled per failure, before its next round. */
  itemRetryMs: number;
  /** Fetches of one link before it is given up (its error stays on the health page). */
  itemAttempts: number;
}

export const DEFAULT_WATCH: WatchOptions = {
  ...DEFAULT_LIMITS,
  hostDelayMs: 1_000,
  maxItemsPerPoll: 30,
  concurrency: 4,
  itemRetryMs: 15 * 60_000,
  itemAttempts: 5,
};

/** The watcher acts as the system, named so in the audit trail. */
export const WATCH_ACTOR: Actor = { ...SYSTEM_ACTOR, label: 'watch' };

export interface PollReport {
  sourceId: number;
  name: string;
  status: 'ok' | 'not_modified' | 'error';
  error: string | null;
  /** Links the listing holds; new = not seen before (at most maxItemsPerPoll were taken). */
  listed: number;
  newLinks: number;
  /** Links that failed before, tried again this round. */
  retried: number;
  articles: number;
  findings: number;
  itemErrors: { url: string; error: string }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Spaces request starts to one host by `delayMs`, whichever source or article they are for. */
export class HostGate {
  private readonly last = new Map<string, number>();
  private readonly chains = new Map<string, Promise<void>>();
  constructor(private readonly delayMs: number) {}
  take = (url: string): Promise<void> => {
    const host = new URL(url).host;
    const turn = (this.chains.get(host) ?? Promise.resolve()).then(async () => {
      // A timer may fire a millisecond early by the wall clock, so wait until the gap is whole.
      const waitLeft = () => (this.last.get(host) ?? 0) + this.delayMs - Date.now();
      for (let wait = waitLeft(); wait > 0; wait = waitLeft()) await sleep(wait);
      this.last.set(host, Date.now());
    });
    this.chains.set(host, turn);
    return turn;
  };
}

// One gate per delay for the whole process: the watcher's rounds and a curator's "poll now"
// share it, so a host is never asked more often than the delay allows.
const gates = new Map<number, HostGate>();
const gateFor = (delayMs: number) => {
  const gate = gates.get(delayMs) ?? new HostGate(delayMs);
  gates.set(delayMs, gate);
  return gate;
};

/** Active sources whose time has come (never fetched, or next_fetch_at passed). */
export async function dueSources(db: Kysely<Database>, at = nowIso()): Promise<SourceRow[]> {
  return db
    .selectFrom('news_sources')
    .selectAll()
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('next_fetch_at', 'is', null), eb('next_fetch_at', '<=', at)]))
    .orderBy('next_fetch_at')
    .orderBy('id')
    .execute();
}

/**
 * The due sources and every other active source of the same addresses: the one request made
 * for a due source serves them all, and keeps their rounds together (a region's interval is how
 * long it waits at most; news that another region's request brought comes sooner, at no cost).
 * A paused source is never taken along.
 */
async function withSharers(db: Kysely<Database>, due: SourceRow[]): Promise<SourceRow[]> {
  if (!due.length) return due;
  return db
    .selectFrom('news_sources')
    .selectAll()
    .where('active', '=', 1)
    .where('fetch_id', 'in', [...new Set(due.map((s) => s.fetch_id))])
    .orderBy('id')
    .execute();
}

/** One round: every due address (or the sources given, by address), `concurrency` at a time. */
export async function pollDue(
  db: Kysely<Database>,
  opts: Partial<WatchOptions> = {},
  sources?: SourceRow[],
  actor: Actor = WATCH_ACTOR,
): Promise<PollReport[]> {
  const o = { ...DEFAULT_WATCH, ...opts };
  const byAddress = new Map<number, SourceRow[]>();
  for (const s of sources ?? (await withSharers(db, await dueSources(db))))
    byAddress.set(s.fetch_id, [...(byAddress.get(s.fetch_id) ?? []), s]);
  const queue = [...byAddress.values()];
  const gate = gateFor(o.hostDelayMs);
  const reports: PollReport[] = [];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift())
      reports.push(...(await pollAddress(db, group, o, gate, actor)));
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
  return reports.sort((a, b) => a.sourceId - b.sourceId);
}

/**
 * "Poll now" from the API: the caller's rights are checked (403/404) before any request goes
 * out, then that one source gets the same round the watcher runs (other regions' sources of the
 * address wait for the watcher: a request writes in its own region only).
 */
export async function pollSourceNow(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  opts: Partial<WatchOptions>,
): Promise<PollReport> {
  await getSource(db, actor, id);
  const row = await db.selectFrom('news_sources').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [report] = await pollDue(db, opts, [row], { ...actor, label: actor.label || WATCH_ACTOR.label });
  return report;
}

const emptyReport = (s: SourceRow): PollReport => ({
  sourceId: s.id,
  name: s.name,
  status: 'ok',
  error: null,
  listed: 0,
  newLinks: 0,
  retried: 0,
  articles: 0,
  findings: 0,
  itemErrors: [],
});

/** One address, fetched once for the sources given (all of one fetch record). */
export async function pollAddress(
  db: Kysely<Database>,
  sources: SourceRow[],
  o: WatchOptions,
  gate: HostGate,
  actor: Actor,
): Promise<PollReport[]> {
  const record = await db
    .selectFrom('source_fetches')
    .selectAll()
    .where('id', '=', sources[0].fetch_id)
    .executeTakeFirstOrThrow();
  // Conditional only when every source here has read the listing the validators belong to: a
  // source that is behind (new, resumed, or whose listing failed to read) needs the full answer.
  const inStep = record.listing_hash !== null && sources.every((s) => s.listing_hash === record.listing_hash);
  let res: Awaited<ReturnType<typeof fetchPolitely>>;
  try {
    res = await fetchPolitely(
      record.url,
      o,
      inStep ? { etag: record.etag, lastModified: record.last_modified } : {},
      gate.take,
    );
  } catch (err) {
    const error = messageOf(err);
    await noteFetch(db, record.id, { status: 'error' });
    for (const s of sources) await finish(db, s, { status: 'error', error });
    return sources.map((s) => ({ ...emptyReport(s), status: 'error', error }));
  }

  if (res.kind === 'not_modified') {
    await noteFetch(db, record.id, { status: 'not_modified' });
    // The listing did not change, but links that failed earlier may be due again.
    const plans = await Promise.all(sources.map((s) => planFor(db, s, emptyReport(s), [], o)));
    await takeIn(db, plans, o, gate, actor);
    for (const s of sources) await finish(db, s, { status: 'not_modified' });
    return plans.map((p) => ({ ...p.report, status: 'not_modified' }));
  }

  const hash = listingHash(res.text);
  await noteFetch(db, record.id, {
    status: 'ok',
    etag: res.etag,
    lastModified: res.lastModified,
    listingHash: hash,
  });
  const failed: PollReport[] = [];
  const plans: SourcePlan[] = [];
  // One address may be a feed to one region and a list page to another: read once per kind.
  const listings = new Map<string, ListedItem[] | { error: string }>();
  for (const s of sources) {
    let listing = listings.get(s.kind);
    if (!listing) {
      try {
        listing = listItems(s.kind, res.text, res.url);
      } catch (err) {
        listing = { error: messageOf(err) };
      }
      listings.set(s.kind, listing);
    }
    if (!Array.isArray(listing)) {
      await finish(db, s, { status: 'error', error: listing.error });
      failed.push({ ...emptyReport(s), status: 'error', error: listing.error });
      continue;
    }
    const report = emptyReport(s);
    report.listed = listing.length;
    const fresh = await unseen(db, s.id, listing);
    report.newLinks = fresh.length;
    plans.push(await planFor(db, s, report, fresh, o));
  }
  await takeIn(db, plans, o, gate, actor);
  for (const p of plans) await finish(db, p.source, { status: 'ok', listingHash: hash });
  return [...plans.map((p) => p.report), ...failed];
}

const MINUTE = 60_000;
// Back-off: a failing source waits interval × 2^failures (at most a day) before the next try.
const MAX_BACKOFF = 24 * 60 * MINUTE;

async function finish(
  db: Kysely<Database>,
  s: SourceRow,
  r: { status: 'ok' | 'not_modified' | 'error'; error?: string; listingHash?: string },
): Promise<void> {
  const now = Date.now();
  const failures = r.status === 'error' ? s.failures + 1 : 0;
  const wait = Math.min(s.interval_minutes * MINUTE * 2 ** Math.min(failures, 10), MAX_BACKOFF);
  await db
    .updateTable('news_sources')
    .set({
      last_fetch_at: new Date(now).toISOString(),
      last_status: r.status,
      last_error: r.status === 'error' ? (r.error ?? null) : null,
      failures,
      next_fetch_at: new Date(now + Math.max(wait, s.interval_minutes * MINUTE)).toISOString(),
      ...(r.status === 'error' ? {} : { last_success_at: new Date(now).toISOString() }),
      // Only a full, readable answer says which listing the source has read.
      ...(r.listingHash ? { listing_hash: r.listingHash } : {}),
    })
    .where('id', '=', s.id)
    .execute();
}
