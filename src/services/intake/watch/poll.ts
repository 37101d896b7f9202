// Polling watched sources: each due source is fetched (conditionally), its listing read, and
// every link not seen before taken in through the same ingest as a file or the API — so new
// articles become findings and repeats do not. Whatever goes wrong (a 500, a timeout, bad XML, a
// binary or huge page, an unknown encoding) is written against that source or that link, and
// the round goes on with the others. Requests to one host are spaced by `hostDelayMs`. A link
// that failed for a passing reason (timeout, network, 429/5xx) is tried again in later rounds,
// after a back-off that doubles, up to `itemAttempts` fetches — never written off at the first miss.
import type { Kysely } from 'kysely';
import { nowIso } from '../../../db/now.ts';
import type { Database } from '../../../db/schema.ts';
import { type Actor, SYSTEM_ACTOR } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { ingest } from '../ingest.ts';
import type { IntakeInput } from '../prepare.ts';
import { DEFAULT_LIMITS, FetchError, type FetchLimits, fetchPolitely, isPassingFailure } from './fetch.ts';
import { type ListedItem, ListingError, listItems } from './links.ts';
import { getSource, type SourceRow } from './registry.ts';

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

/** One round: every due source (or the ones given), `concurrency` at a time. */
export async function pollDue(
  db: Kysely<Database>,
  opts: Partial<WatchOptions> = {},
  sources?: SourceRow[],
  actor: Actor = WATCH_ACTOR,
): Promise<PollReport[]> {
  const o = { ...DEFAULT_WATCH, ...opts };
  const queue = [...(sources ?? (await dueSources(db)))];
  const gate = gateFor(o.hostDelayMs);
  const reports: PollReport[] = [];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) reports.push(await pollSource(db, s, o, gate, actor));
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
  return reports.sort((a, b) => a.sourceId - b.sourceId);
}

/**
 * "Poll now" from the API: the caller's rights are checked (403/404) before any request goes
 * out, then that one source gets the same round the watcher runs.
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

export async function pollSource(
  db: Kysely<Database>,
  source: SourceRow,
  o: WatchOptions,
  gate: HostGate,
  actor: Actor,
): Promise<PollReport> {
  const report: PollReport = {
    sourceId: source.id,
    name: source.name,
    status: 'ok',
    error: null,
    listed: 0,
    newLinks: 0,
    retried: 0,
    articles: 0,
    findings: 0,
    itemErrors: [],
  };
  let listing: ListedItem[];
  let validators: { etag: string | null; lastModified: string | null };
  try {
    const res = await fetchPolitely(
      source.url,
      o,
      { etag: source.etag, lastModified: source.last_modified },
      gate.take,
    );
    if (res.kind === 'not_modified') {
      // The listing did not change, but links that failed earlier may be due again.
      await takeIn(db, source, [], o, gate, actor, report);
      await finish(db, source, { status: 'not_modified' });
      return { ...report, status: 'not_modified' };
    }
    listing = listItems(source.kind, res.text, res.url);
    validators = { etag: res.etag, lastModified: res.lastModified };
  } catch (err) {
    const error = messageOf(err);
    await finish(db, source, { status: 'error', error });
    return { ...report, status: 'error', error };
  }

  report.listed = listing.length;
  const fresh = await unseen(db, source.id, listing);
  report.newLinks = fresh.length;
  await takeIn(db, source, fresh, o, gate, actor, report);
  await finish(db, source, { status: 'ok', ...validators });
  return report;
}

/** New links first, then links due for another try; at most maxItemsPerPoll in all. */
async function takeIn(
  db: Kysely<Database>,
  source: SourceRow,
  fresh: ListedItem[],
  o: WatchOptions,
  gate: HostGate,
  actor: Actor,
  report: PollReport,
): Promise<void> {
  const room = Math.max(0, o.maxItemsPerPoll - fresh.length);
  const due = room ? await dueRetries(db, source.id, room) : [];
  const work = [
    ...fresh.slice(0, o.maxItemsPerPoll).map((item) => ({ item, attempts: 0 })),
    // A retry is taken in with what the listing said on the first try (its text is not kept:
    // only a short teaser sends a link to its page, and the page is what is retried).
    ...due.map((r) => ({
      item: { url: r.url, title: r.item_title, published: r.item_published, html: null },
      attempts: r.attempts,
    })),
  ];
  report.retried = due.length;
  for (const { item, attempts } of work) {
    let articleId: number | null = null;
    let error: unknown = null;
    try {
      const input = await itemInput(item, source, o, gate);
      // Findings go to the queue of the region that watches the source.
      // Taken in by the system for every region kept here: each event goes to the queue of the
      // region it names (services/intake/routing.ts), so one source serves them all.
      for (const r of await ingest(db, actor, input, { regionId: source.region_id })) {
        articleId ??= r.articleId;
        if (!r.duplicate) report.articles++;
        report.findings += r.findings.filter((f) => f.outcome === 'new').length;
      }
    } catch (err) {
      error = err;
      report.itemErrors.push({ url: item.url, error: messageOf(err) });
    }
    const tries = attempts + 1;
    const again = error !== null && isPassingFailure(error) && tries < o.itemAttempts;
    await remember(db, source, item, {
      articleId,
      error: error === null ? null : messageOf(error),
      attempts: tries,
      retryAt: again ? new Date(Date.now() + o.itemRetryMs * 2 ** (tries - 1)).toISOString() : null,
    });
  }
}

/** Links of this source that failed for a passing reason and whose back-off is over, oldest first. */
async function dueRetries(db: Kysely<Database>, sourceId: number, limit: number) {
  return db
    .selectFrom('source_items')
    .select(['url', 'attempts', 'item_title', 'item_published'])
    .where('source_id', '=', sourceId)
    .where('retry_at', 'is not', null)
    .where('retry_at', '<=', nowIso())
    .orderBy('retry_at')
    .limit(limit)
    .execute();
}

/** The links of a listing this source has not listed before, in listing order. */
async function unseen(db: Kysely<Database>, sourceId: number, items: ListedItem[]): Promise<ListedItem[]> {
  if (!items.length) return [];
  const seen = new Set(
    (
      await db
        .selectFrom('source_items')
        .select('url')
        .where('source_id', '=', sourceId)
        .where(
          'url',
          'in',
          items.map((i) => i.url),
        )
        .execute()
    ).map((r) => r.url),
  );
  return items.filter((i) => !seen.has(i.url));
}

// A feed item whose own text is this long is the article; a shorter one is a teaser: fetch the page.
const FULL_TEXT_CHARS = 500;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function itemInput(
  item: ListedItem,
  source: SourceRow,
  o: WatchOptions,
  gate: HostGate,
): Promise<IntakeInput> {
  const meta = {
    url: item.url,
    outlet: source.outlet,
    published: item.published,
    sourceKind: 'watch' as const,
  };
  const inline = item.html && item.html.replace(/<[^>]*>/g, '').trim().length >= FULL_TEXT_CHARS;
  if (item.html && inline) {
    // The headline is part of what the extractor reads, as for feed files.
    const title = item.title ? `<h1>${escapeHtml(item.title)}</h1>` : '';
    return { ...meta, content: `${title}${item.html}`, name: item.url, format: 'html', title: item.title };
  }
  const page = await fetchPolitely(item.url, o, {}, gate.take);
  if (page.kind !== 'ok') throw new FetchError('Server menjawab 304 tanpa diminta', 'http');
  return {
    ...meta,
    // The feed's own title, like its date, is what the source says of the item; the page's is a fallback.
    title: item.title,
    url: page.url,
    content: page.text,
    name: item.url,
    format: /html/i.test(page.contentType) ? 'html' : 'auto',
  };
}

/** One row per link: inserted the first time, updated by each retry. */
async function remember(
  db: Kysely<Database>,
  source: { id: number; region_id: number },
  item: ListedItem,
  r: { articleId: number | null; error: string | null; attempts: number; retryAt: string | null },
): Promise<void> {
  const values = {
    item_title: item.title?.slice(0, 500) ?? null,
    item_published: item.published?.slice(0, 100) ?? null,
    article_id: r.articleId,
    error: r.error?.slice(0, 500) ?? null,
    attempts: r.attempts,
    retry_at: r.retryAt,
    seen_at: nowIso(),
  };
  await db
    .insertInto('source_items')
    .values({ region_id: source.region_id, source_id: source.id, url: item.url, ...values })
    .onConflict((oc) => oc.columns(['region_id', 'source_id', 'url']).doUpdateSet(values))
    .execute();
}

const MINUTE = 60_000;
// Back-off: a failing source waits interval × 2^failures (at most a day) before the next try.
const MAX_BACKOFF = 24 * 60 * MINUTE;

async function finish(
  db: Kysely<Database>,
  s: SourceRow,
  r: {
    status: 'ok' | 'not_modified' | 'error';
    error?: string;
    etag?: string | null;
    lastModified?: string | null;
  },
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
      // Validators only from a full, readable answer: a broken listing is fetched in full next time.
      ...(r.status === 'ok' ? { etag: r.etag ?? null, last_modified: r.lastModified ?? null } : {}),
    })
    .where('id', '=', s.id)
    .execute();
}

/** What went wrong, for the health page: the fetch's or the validation's own words. */
function messageOf(err: unknown): string {
  if (err instanceof FetchError || err instanceof ListingError) return err.message;
  if (err instanceof AppError) {
    const details = err.details.map((d) => d.message).join('; ');
    return details ? `${err.message} (${details})` : err.message;
  }
  if (err instanceof RangeError) return `Halaman tidak bisa dibaca (${err.message.slice(0, 120)})`;
  return `Galat tak terduga: ${(err as Error)?.message?.slice(0, 200) ?? String(err)}`;
}
