// The links of a listing, taken in: each new link (and each link whose retry is due) becomes an
// article through the same ingest as a file or the API, and is remembered per source with its
// article or its error. A link is taken in once per round for every source that lists it (the
// regions sharing an address), and never fetched again once any source has its article: the
// articles are shared, and the system's ingest routes each event to the queue of the region it
// names (../routing.ts). A link that failed for a passing reason (timeout, network, 429/5xx) is
// tried again in later rounds, after a back-off that doubles, up to `itemAttempts` fetches.
import type { Kysely } from 'kysely';
import { nowIso } from '../../../db/now.ts';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { ingest } from '../ingest.ts';
import type { IntakeInput } from '../prepare.ts';
import { FetchError, fetchPolitely, isPassingFailure } from './fetch.ts';
import { type ListedItem, ListingError } from './links.ts';
import type { HostGate, PollReport, WatchOptions } from './poll.ts';
import type { SourceRow } from './registry.ts';

/** One source's share of a round: its report, and the links it takes in (with their earlier tries). */
export interface SourcePlan {
  source: SourceRow;
  report: PollReport;
  work: { item: ListedItem; attempts: number }[];
}

/** New links first, then links due for another try; at most maxItemsPerPoll in all. */
export async function planFor(
  db: Kysely<Database>,
  source: SourceRow,
  report: PollReport,
  fresh: ListedItem[],
  o: WatchOptions,
): Promise<SourcePlan> {
  const room = Math.max(0, o.maxItemsPerPoll - fresh.length);
  const due = room ? await dueRetries(db, source.id, room) : [];
  report.retried = due.length;
  const work = [
    ...fresh.slice(0, o.maxItemsPerPoll).map((item) => ({ item, attempts: 0 })),
    // A retry is taken in with what the listing said on the first try (its text is not kept:
    // only a short teaser sends a link to its page, and the page is what is retried).
    ...due.map((r) => ({
      item: { url: r.url, title: r.item_title, published: r.item_published, html: null },
      attempts: r.attempts,
    })),
  ];
  return { source, report, work };
}

interface LinkOutcome {
  articleId: number | null;
  error: unknown;
  /** Articles written (not taken in before). */
  written: number;
  /** The region of each new finding. */
  findingRegions: number[];
}

/** Takes in every plan's links; a link several sources list is fetched and ingested once. */
export async function takeIn(
  db: Kysely<Database>,
  plans: SourcePlan[],
  o: WatchOptions,
  gate: HostGate,
  actor: Actor,
): Promise<void> {
  const done = new Map<string, LinkOutcome>();
  for (const { source, report, work } of plans)
    for (const { item, attempts } of work) {
      let out = done.get(item.url);
      if (!out) {
        out = await takeInLink(db, item, source, o, gate, actor);
        done.set(item.url, out);
      }
      report.articles += out.written;
      // The findings this source brought its own region (others went to the regions they name).
      report.findings += out.findingRegions.filter((r) => r === source.region_id).length;
      if (out.error !== null) report.itemErrors.push({ url: item.url, error: messageOf(out.error) });
      const tries = attempts + 1;
      const again = out.error !== null && isPassingFailure(out.error) && tries < o.itemAttempts;
      await remember(db, source, item, {
        articleId: out.articleId,
        error: out.error === null ? null : messageOf(out.error),
        attempts: tries,
        retryAt: again ? new Date(Date.now() + o.itemRetryMs * 2 ** (tries - 1)).toISOString() : null,
      });
    }
}

async function takeInLink(
  db: Kysely<Database>,
  item: ListedItem,
  source: SourceRow,
  o: WatchOptions,
  gate: HostGate,
  actor: Actor,
): Promise<LinkOutcome> {
  // Another source (of any region) took this link in already: its article is shared, no request.
  const known = await db
    .selectFrom('articles')
    .select('id')
    .where('url', '=', item.url)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (known) return { articleId: known.id, error: null, written: 0, findingRegions: [] };
  const out: LinkOutcome = { articleId: null, error: null, written: 0, findingRegions: [] };
  const findingIds: number[] = [];
  try {
    const input = await itemInput(item, source, o, gate);
    // Taken in by the system for every region kept here: each event goes to the queue of the
    // region it names (services/intake/routing.ts), so one source serves them all.
    for (const r of await ingest(db, actor, input, { regionId: source.region_id })) {
      out.articleId ??= r.articleId;
      if (!r.duplicate) out.written++;
      findingIds.push(...r.findings.filter((f) => f.outcome === 'new').map((f) => f.id));
    }
  } catch (err) {
    out.error = err;
  }
  if (findingIds.length)
    out.findingRegions = (
      await db.selectFrom('findings').select('region_id').where('id', 'in', findingIds).execute()
    ).map((f) => f.region_id);
  return out;
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
export async function unseen(
  db: Kysely<Database>,
  sourceId: number,
  items: ListedItem[],
): Promise<ListedItem[]> {
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

/** What went wrong, for the health page: the fetch's or the validation's own words. */
export function messageOf(err: unknown): string {
  if (err instanceof FetchError || err instanceof ListingError) return err.message;
  if (err instanceof AppError) {
    const details = err.details.map((d) => d.message).join('; ');
    return details ? `${err.message} (${details})` : err.message;
  }
  if (err instanceof RangeError) return `Halaman tidak bisa dibaca (${err.message.slice(0, 120)})`;
  return `Galat tak terduga: ${(err as Error)?.message?.slice(0, 200) ?? String(err)}`;
}
