// Article in → stored once (by content hash), its counts stored as claims, its award events
// stored as findings for a curator. An event another outlet already reported joins that finding
// as one more source; an event matching an award on record is flagged as evidence for it.

import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/errors.ts';
import { nowIso } from '../../db/now.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { extractArticle } from '../../extract/index.ts';
import { isIndonesian } from '../../extract/language.ts';
import type { AwardEvent } from '../../extract/types.ts';
import { assertCurator } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { writeRegionId } from '../regions.ts';
import { fingerprint } from './fingerprint.ts';
import { findMatchingAward, findSameEvent } from './match.ts';
import { articleBands, NEAR_DUPLICATE_BANDS } from './minhash.ts';
import { type IntakeInput, type PreparedArticle, prepareInput } from './prepare.ts';
import { type Proposal, toProposal } from './proposal.ts';
import type { HomeRegion } from './region.ts';
import { type Route, routeEvent, subjectTenant } from './routing.ts';
import { resolveHomeUnit } from './units.ts';

export interface IngestedFinding {
  id: number;
  title: string;
  /** 'new': a new finding; 'source': this article joined a finding another article started. */
  outcome: 'new' | 'source';
  state: string;
  matchedAwardId: number | null;
}

export interface IngestResult {
  articleId: number;
  title: string | null;
  /** True when the same text was taken in before: nothing was written. */
  duplicate: boolean;
  /** 'other' = not Indonesian: stored, but the extractor finds nothing in it by design. */
  language: 'id' | 'other';
  findings: IngestedFinding[];
  claims: number;
  /** Events set aside: another region's award, or no recipient in an article not about ours. */
  otherRegions: number;
}

/** Takes in one input (a feed gives several articles). Each article is its own transaction. */
export async function ingest(
  db: Kysely<Database>,
  actor: Actor,
  input: IntakeInput,
  /** regionId: the region the article is taken in for (a watched source's), for its audit event. */
  opts: IngestOptions = {},
): Promise<IngestResult[]> {
  assertCurator(actor);
  const articles = prepareInput(input);
  const results: IngestResult[] = [];
  for (const a of articles) results.push(await ingestOnce(db, actor, a, opts));
  return results;
}

/**
 * Two requests taking in the same article (or the same event) at once: the second transaction
 * hits a unique key (content hash, fingerprint) and rolls back. Running it again sees the first
 * one's rows and reports a duplicate or adds a source, instead of failing with a 500.
 */
type IngestOptions = { regionId?: number };

async function ingestOnce(
  db: Kysely<Database>,
  actor: Actor,
  a: PreparedArticle,
  opts: IngestOptions,
): Promise<IngestResult> {
  try {
    return await ingestArticle(db, actor, a, opts);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return ingestArticle(db, actor, a, opts);
  }
}

async function ingestArticle(
  db: Kysely<Database>,
  actor: Actor,
  a: PreparedArticle,
  opts: IngestOptions,
): Promise<IngestResult> {
  return inTransaction(db, async (trx) => {
    const seen = await trx
      .selectFrom('articles')
      .select(['id', 'title', 'body'])
      .where('content_hash', '=', a.contentHash)
      .executeTakeFirst();
    const language = isIndonesian(a.body) ? 'id' : 'other';
    if (seen)
      return {
        articleId: seen.id,
        title: seen.title,
        duplicate: true,
        language,
        findings: [],
        claims: 0,
        otherRegions: 0,
      };

    const extraction = extractArticle(a.body, { published: a.published, title: a.title });
    const now = nowIso();
    const article = await trx
      .insertInto('articles')
      .values({
        url: a.url,
        outlet: a.outlet,
        title: a.title,
        published_on: a.published,
        content_hash: a.contentHash,
        body: a.body,
        source_kind: a.sourceKind,
        created_by: actor.id,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (extraction.claims.length)
      await trx
        .insertInto('claims')
        .values(
          extraction.claims.map((c) => ({
            article_id: article.id,
            count: c.count,
            period: c.period,
            subject: c.subject,
            quote: c.quote,
          })),
        )
        .execute();
    const nearDuplicates = await storeBands(trx, article.id, a.body);
    const findings: IngestedFinding[] = [];
    // The queues an event may go to: every region kept here when the system takes an article in
    // (the news watcher: one source serves every region it names), the curator's own otherwise.
    const tenants = await tenantRegions(trx, actor);
    const subject = subjectTenant(a.body, tenants);
    const events = extraction.awards;
    let otherRegions = 0;
    for (const event of events) {
      const decision: Route<HomeRegion> | { to: 'first' } =
        tenants.size > 0 ? routeEvent(event, tenants, subject) : { to: 'first' };
      if (decision.to === null) {
        otherRegions++;
        await trx
          .insertInto('other_region_events')
          .values({
            article_id: article.id,
            reason: decision.reason,
            region_code: decision.region?.code ?? null,
            region_name: decision.region?.name ?? null,
            proposal_json: JSON.stringify(toProposal(event, a.published)),
            quote: event.quote,
            start_offset: event.start,
            end_offset: event.end,
            created_at: now,
          })
          .execute();
        continue;
      }
      const to = decision.to === 'first' ? null : decision.to;
      const unit = await resolveHomeUnit(trx, to?.code ?? null, event.recipientUnit, event.recipient);
      const f = await recordEvent(
        trx,
        actor,
        to?.id ?? (await writeRegionId(trx, actor)),
        article.id,
        event,
        a.published,
        unit?.id ?? null,
        nearDuplicates,
      );
      if (f && !findings.some((x) => x.id === f.id)) findings.push(f);
    }
    const { body: _body, ...summary } = article;
    await recordAudit(trx, actor, {
      entityType: 'article',
      entityId: article.id,
      action: 'ingest',
      after: {
        ...summary,
        findings: findings.map((f) => f.id),
        claims: extraction.claims.length,
        otherRegions,
      },
      ...(opts.regionId !== undefined ? { regionId: opts.regionId } : {}),
    });
    return {
      articleId: article.id,
      title: article.title,
      duplicate: false,
      language,
      findings,
      claims: extraction.claims.length,
      otherRegions,
    };
  });
}

/** Stores the article's MinHash keys; answers the articles sharing enough of them (near-duplicates). */
async function storeBands(trx: Kysely<Database>, articleId: number, body: string): Promise<number[]> {
  const bands = articleBands(body);
  if (!bands.length) return [];
  const near = await trx
    .selectFrom('article_bands')
    .select((eb) => ['article_id', eb.fn.countAll<number>().as('shared')])
    .where('band', 'in', bands)
    .groupBy('article_id')
    .having((eb) => eb.fn.countAll(), '>=', NEAR_DUPLICATE_BANDS)
    .execute();
  await trx
    .insertInto('article_bands')
    .values(bands.map((band) => ({ article_id: articleId, band })))
    .execute();
  return near.map((r) => r.article_id);
}

/** The regions whose queues an actor's intake fills: its own, or every region for the system. */
async function tenantRegions(db: Kysely<Database>, actor: Actor): Promise<Map<string, HomeRegion>> {
  let q = db.selectFrom('regions').select(['id', 'code', 'name', 'kind']);
  if (actor.regionId !== null) q = q.where('id', '=', actor.regionId);
  return new Map((await q.execute()).map((r) => [r.code, r]));
}

/** The region whose queue findings go to: the actor's, else the first by code (a single-region install). */
export async function homeRegion(
  db: Kysely<Database>,
  regionId: number | null = null,
): Promise<HomeRegion | null> {
  let q = db.selectFrom('regions').select(['id', 'code', 'name', 'kind']);
  q = regionId !== null ? q.where('id', '=', regionId) : q.orderBy('code');
  return (await q.executeTakeFirst()) ?? null;
}

async function recordEvent(
  trx: Kysely<Database>,
  actor: Actor,
  regionId: number,
  articleId: number,
  event: AwardEvent,
  published: string | null,
  unitId: number | null,
  nearDuplicates: number[],
): Promise<IngestedFinding | null> {
  const proposal = toProposal(event, published, unitId);
  const fp = fingerprint(proposal);
  const existing = await findSameEvent(trx, fp, proposal, articleId, nearDuplicates);
  const source = {
    region_id: regionId,
    article_id: articleId,
    quote: event.quote,
    start_offset: event.start,
    end_offset: event.end,
    // Where each slot was read in this article, so the review page can mark every piece.
    slots_json: JSON.stringify(event.slots ?? {}),
  };
  if (existing) {
    const already = await trx
      .selectFrom('finding_sources')
      .select('id')
      .where('finding_id', '=', existing.id)
      .where('article_id', '=', articleId)
      .executeTakeFirst();
    // The same event twice in one article (a headline and its paragraph): one source is enough.
    if (already) return null;
    await trx
      .insertInto('finding_sources')
      .values({ ...source, finding_id: existing.id })
      .execute();
    const before = JSON.parse(existing.proposal_json) as Proposal;
    // A later report may know what the first did not (the date, the rank): fill the gaps only.
    const enriched = existing.state === 'pending' ? fillGaps(before, proposal) : before;
    const after = await trx
      .updateTable('findings')
      .set({
        proposal_json: JSON.stringify(enriched),
        confidence: Math.max(existing.confidence, event.confidence),
        updated_at: nowIso(),
      })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'finding',
      entityId: existing.id,
      action: 'add_source',
      before: { proposal: before, confidence: existing.confidence },
      after: { proposal: enriched, confidence: after.confidence, articleId },
      regionId,
    });
    return {
      id: existing.id,
      title: enriched.title,
      outcome: 'source',
      state: existing.state,
      matchedAwardId: existing.matched_award_id,
    };
  }
  const matchedAwardId = await findMatchingAward(trx, proposal);
  const now = nowIso();
  const row = await trx
    .insertInto('findings')
    .values({
      region_id: regionId,
      fingerprint: fp,
      state: 'pending',
      proposal_json: JSON.stringify(proposal),
      confidence: event.confidence,
      matched_award_id: matchedAwardId,
      award_id: null,
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('finding_sources')
    .values({ ...source, finding_id: row.id })
    .execute();
  await recordAudit(trx, actor, {
    entityType: 'finding',
    entityId: row.id,
    action: 'create',
    after: row,
    regionId,
  });
  return { id: row.id, title: proposal.title, outcome: 'new', state: 'pending', matchedAwardId };
}

function fillGaps(a: Proposal, b: Proposal): Proposal {
  const out = { ...a } as Record<string, unknown>;
  for (const [k, v] of Object.entries(b))
    if ((out[k] === null || out[k] === undefined) && v !== null) out[k] = v;
  return out as unknown as Proposal;
}
