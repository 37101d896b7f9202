// What a curator reads: findings with their sources, one finding with the article texts and
// the quote offsets (so a page can highlight the sentence), one article with what was found in it.
// Article text is returned as text: pages escape it on output, nothing is ever rendered as markup.
import type { Kysely, Selectable } from 'kysely';
import type { Database, FindingTable } from '../../db/schema.ts';
import type { Slot, SlotSource } from '../../extract/types.ts';
import { assertCurator } from '../access.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { Proposal } from './proposal.ts';
import type { ListFindingsQuery } from './schemas.ts';

export interface FindingSource {
  articleId: number;
  articleTitle: string | null;
  outlet: string | null;
  url: string | null;
  publishedOn: string | null;
  quote: string;
  start: number;
  end: number;
  /** Where each filled slot was read in this article, with how sure; {} for sources stored before. */
  slots: Partial<Record<Slot, SlotSource>>;
  /** A curator said this article is not evidence of the finding's award (no longer offered). */
  offerDismissed: boolean;
  /** Only in the single-finding view. */
  articleText?: string;
}

/** The award on record a finding matches or became, as the review page names it. */
export interface AwardSummary {
  id: number;
  title: string;
  state: string;
  editionYear: number;
}

export interface Finding {
  id: number;
  state: string;
  confidence: number;
  proposal: Proposal;
  matchedAwardId: number | null;
  /** The match a curator dismissed ("not the same award"); the review page offers to undo it. */
  dismissedMatchAwardId: number | null;
  awardId: number | null;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionReason: string | null;
  createdAt: string;
  sources: FindingSource[];
  /**
   * Articles of a decided finding not yet evidence of its award (outlets that reported it after
   * the decision): offered to the curator, attached by POST …/findings/{id}/attach-sources.
   */
  pendingEvidence: number[];
  /** Only in the single-finding view: the awards behind matchedAwardId and awardId. */
  awards?: AwardSummary[];
}

export async function listFindings(
  db: Kysely<Database>,
  actor: Actor,
  q: Partial<ListFindingsQuery> = {},
): Promise<{ items: Finding[]; total: number }> {
  assertCurator(actor);
  let base = db.selectFrom('findings');
  if (q.state) base = base.where('state', '=', q.state);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('id', 'desc')
    .limit(q.limit ?? 100)
    .offset(q.offset ?? 0)
    .execute();
  return { items: await withSources(db, rows, false), total: Number(total) };
}

export async function getFinding(db: Kysely<Database>, actor: Actor, id: number): Promise<Finding> {
  assertCurator(actor);
  const row = await db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Temuan', id);
  const [finding] = await withSources(db, [row], true);
  const ids = [row.matched_award_id, row.dismissed_match_award_id, row.award_id].filter(
    (a): a is number => a !== null,
  );
  const awards = ids.length
    ? await db
        .selectFrom('awards')
        .select(['id', 'title', 'state', 'edition_year'])
        .where('id', 'in', ids)
        .execute()
    : [];
  return {
    ...finding,
    awards: awards.map((a) => ({ id: a.id, title: a.title, state: a.state, editionYear: a.edition_year })),
  };
}

export async function getArticle(db: Kysely<Database>, actor: Actor, id: number) {
  assertCurator(actor);
  const a = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound('Artikel', id);
  const claims = await db
    .selectFrom('claims')
    .selectAll()
    .where('article_id', '=', id)
    .orderBy('id')
    .execute();
  const sources = await db
    .selectFrom('finding_sources')
    .innerJoin('findings', 'findings.id', 'finding_sources.finding_id')
    .select([
      'findings.id',
      'findings.state',
      'findings.proposal_json',
      'findings.confidence',
      'findings.award_id',
      'findings.matched_award_id',
      'finding_sources.quote',
      'finding_sources.start_offset',
      'finding_sources.end_offset',
    ])
    .where('finding_sources.article_id', '=', id)
    .orderBy('finding_sources.start_offset')
    .execute();
  const setAside = await listSetAside(db, actor, { articleId: id, limit: 500 });
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    publishedOn: a.published_on,
    sourceKind: a.source_kind,
    createdAt: a.created_at,
    text: a.body,
    claims: claims.map((c) => ({ count: c.count, period: c.period, subject: c.subject, quote: c.quote })),
    findings: sources.map((s) => ({
      id: s.id,
      state: s.state,
      title: (JSON.parse(s.proposal_json) as Proposal).title,
      confidence: s.confidence,
      awardId: s.award_id,
      matchedAwardId: s.matched_award_id,
      quote: s.quote,
      start: s.start_offset,
      end: s.end_offset,
    })),
    /** Events not proposed for the home region, with why (new; older fields unchanged). */
    otherRegions: setAside.items.map(({ articleId: _a, articleTitle: _t, outlet: _o, url: _u, ...e }) => e),
  };
}

async function withSources(
  db: Kysely<Database>,
  rows: Selectable<FindingTable>[],
  withText: boolean,
): Promise<Finding[]> {
  if (!rows.length) return [];
  const sources = await db
    .selectFrom('finding_sources')
    .innerJoin('articles', 'articles.id', 'finding_sources.article_id')
    .select([
      'finding_sources.finding_id',
      'finding_sources.article_id',
      'finding_sources.quote',
      'finding_sources.start_offset',
      'finding_sources.end_offset',
      'finding_sources.slots_json',
      'finding_sources.offer_dismissed_at',
      'articles.title',
      'articles.outlet',
      'articles.url',
      'articles.published_on',
      ...(withText ? (['articles.body'] as const) : []),
    ])
    .where(
      'finding_sources.finding_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('finding_sources.id')
    .execute();
  const awardIds = [...new Set(rows.map((r) => r.award_id).filter((a): a is number => a !== null))];
  const attached = awardIds.length
    ? await db
        .selectFrom('evidence')
        .select(['award_id', 'article_id'])
        .where('award_id', 'in', awardIds)
        .where('kind', '=', 'article')
        .execute()
    : [];
  const isEvidence = (awardId: number, articleId: number) =>
    attached.some((e) => e.award_id === awardId && e.article_id === articleId);
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    confidence: r.confidence,
    proposal: JSON.parse(r.proposal_json) as Proposal,
    matchedAwardId: r.matched_award_id,
    dismissedMatchAwardId: r.dismissed_match_award_id,
    awardId: r.award_id,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    createdAt: r.created_at,
    sources: sources
      .filter((s) => s.finding_id === r.id)
      .map((s) => ({
        articleId: s.article_id,
        articleTitle: s.title,
        outlet: s.outlet,
        url: s.url,
        publishedOn: s.published_on,
        quote: s.quote,
        start: s.start_offset,
        end: s.end_offset,
        slots: parseSlots(s.slots_json),
        offerDismissed: s.offer_dismissed_at !== null,
        ...(withText ? { articleText: (s as { body?: string }).body } : {}),
      })),
    pendingEvidence:
      r.award_id === null
        ? []
        : sources
            .filter(
              (s) =>
                s.finding_id === r.id &&
                s.offer_dismissed_at === null &&
                !isEvidence(r.award_id as number, s.article_id),
            )
            .map((s) => s.article_id),
  }));
}

function parseSlots(json: string | null): Partial<Record<Slot, SlotSource>> {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Partial<Record<Slot, SlotSource>>) : {};
  } catch {
    return {};
  }
}

export interface SetAsideEvent {
  id: number;
  articleId: number;
  articleTitle: string | null;
  outlet: string | null;
  url: string | null;
  reason: string;
  region: { code: string | null; name: string | null };
  proposal: Proposal;
  quote: string;
  start: number;
  end: number;
}

/** Events kept out of the home queue (another region's, or no recipient in another region's article). */
export async function listSetAside(
  db: Kysely<Database>,
  actor: Actor,
  q: { limit?: number; offset?: number; articleId?: number } = {},
): Promise<{ items: SetAsideEvent[]; total: number }> {
  assertCurator(actor);
  let base = db.selectFrom('other_region_events');
  if (q.articleId !== undefined) base = base.where('other_region_events.article_id', '=', q.articleId);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('articles', 'articles.id', 'other_region_events.article_id')
    .select([
      'other_region_events.id',
      'other_region_events.article_id',
      'other_region_events.reason',
      'other_region_events.region_code',
      'other_region_events.region_name',
      'other_region_events.proposal_json',
      'other_region_events.quote',
      'other_region_events.start_offset',
      'other_region_events.end_offset',
      'articles.title',
      'articles.outlet',
      'articles.url',
    ])
    .orderBy('other_region_events.id', 'desc')
    .limit(q.limit ?? 100)
    .offset(q.offset ?? 0)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      articleTitle: r.title,
      outlet: r.outlet,
      url: r.url,
      reason: r.reason,
      region: { code: r.region_code, name: r.region_name },
      proposal: JSON.parse(r.proposal_json) as Proposal,
      quote: r.quote,
      start: r.start_offset,
      end: r.end_offset,
    })),
  };
}
