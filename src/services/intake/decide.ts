// The curator's decisions on a finding: accept (a draft award with the articles as evidence),
// merge (the articles become evidence of an award on record), reject (with a reason). Each is
// one transaction with its audit events; a decided finding stays decided.

import type { Kysely, Selectable } from 'kysely';
import { nowIso } from '../../db/now.ts';
import type { AwardRow, Database, FindingTable } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { assertCurator } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { reasonSchema } from '../awards/schemas.ts';
import { createAward } from '../awards/write.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { editableAward } from '../evidence.ts';
import type { Proposal } from './proposal.ts';
import type { AcceptEdits } from './schemas.ts';
import { proposalToAward } from './to-award.ts';

type FindingRow = Selectable<FindingTable>;

export interface Decision {
  finding: FindingRow;
  award: AwardRow;
  evidenceIds: number[];
}

export async function acceptFinding(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  edits: AcceptEdits = {},
): Promise<Decision> {
  assertCurator(actor);
  return inTransaction(db, async (trx) => {
    const before = await pendingFinding(trx, id);
    const sources = await sourcesOf(trx, id);
    const input = await proposalToAward(
      trx,
      JSON.parse(before.proposal_json) as Proposal,
      sources[0]?.published_on ?? null,
      edits,
    );
    const award = await createAward(trx, actor, input);
    const evidenceIds = await addArticleEvidence(trx, actor, award.id, sources);
    const finding = await decide(trx, actor, before, 'accepted', award.id, null);
    return { finding, award, evidenceIds };
  });
}

/**
 * Adds the finding's articles as evidence of an award on record. A verified award is refused
 * (409): verified records change only through the workflow, and evidence is part of what the
 * verifikator signed off — reopen it first. A submitted one likewise waits for its review.
 */
export async function mergeFinding(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  awardId: number,
): Promise<Decision> {
  assertCurator(actor);
  return inTransaction(db, async (trx) => {
    const before = await pendingFinding(trx, id);
    const award = await articleAward(trx, actor, awardId);
    const evidenceIds = await addArticleEvidence(trx, actor, awardId, await sourcesOf(trx, id));
    const finding = await decide(trx, actor, before, 'merged', awardId, null);
    return { finding, award, evidenceIds };
  });
}

/**
 * Late sources: outlets that report an award after its finding was accepted or merged join the
 * finding as sources, and are offered (`pendingEvidence` on the finding) as evidence of its
 * award. This attaches them (all offered, or only `articleIds`) — under the same rule as merge:
 * not to a verified or submitted award. Sources a curator dismissed are never attached.
 */
export async function attachLateSources(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  articleIds?: number[],
): Promise<Decision> {
  assertCurator(actor);
  return inTransaction(db, async (trx) => {
    const finding = await decidedFinding(trx, id);
    const award = await articleAward(trx, actor, finding.award_id);
    const offered = (await sourcesOf(trx, id)).filter(
      (s) => s.offer_dismissed_at === null && (!articleIds || articleIds.includes(s.article_id)),
    );
    const evidenceIds = await addArticleEvidence(trx, actor, award.id, offered);
    // Asked for given articles and none was still on offer (taken already, or dismissed): say so.
    if (articleIds && !evidenceIds.length)
      throw conflict(`Berita itu tidak (lagi) ditawarkan sebagai bukti temuan ${id}; muat ulang halamannya.`);
    if (evidenceIds.length)
      await recordAudit(trx, actor, {
        entityType: 'finding',
        entityId: id,
        action: 'attach_sources',
        after: { awardId: award.id, evidenceIds, articleIds: offered.map((s) => s.article_id) },
      });
    return { finding, award, evidenceIds };
  });
}

/**
 * "Not evidence of this award": a late source the curator judged to be about something else
 * (or too weak) stops being offered. Kept as a source of the finding; audited with the reason.
 */
export async function dismissLateSource(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  articleId: number,
  reason: string | null = null,
): Promise<void> {
  assertCurator(actor);
  await inTransaction(db, async (trx) => {
    const finding = await decidedFinding(trx, id);
    const source = await findingSource(trx, id, articleId);
    if (source.offer_dismissed_at !== null)
      throw conflict(`Berita ${articleId} sudah ditolak sebagai bukti temuan ${id}.`);
    const now = nowIso();
    await trx
      .updateTable('finding_sources')
      .set({ offer_dismissed_at: now, offer_dismissed_by: actor.id })
      .where('id', '=', source.id)
      .execute();
    await recordAudit(trx, actor, {
      entityType: 'finding',
      entityId: id,
      action: 'dismiss_evidence',
      before: { articleId, offered: true },
      after: { articleId, offered: false, awardId: finding.award_id },
      reason,
    });
  });
}

/**
 * "Not the same award": a pending finding stops being offered as evidence of the award on record
 * it matched; it stays pending, to be accepted as a new award or rejected.
 */
export async function dismissMatch(db: Kysely<Database>, actor: Actor, id: number): Promise<FindingRow> {
  assertCurator(actor);
  return inTransaction(db, async (trx) => {
    const before = await pendingFinding(trx, id);
    if (before.matched_award_id === null)
      throw conflict(`Temuan ${id} tidak cocok dengan penghargaan mana pun; tidak ada yang ditolak.`);
    const after = await trx
      .updateTable('findings')
      .set({
        matched_award_id: null,
        dismissed_match_award_id: before.matched_award_id,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'finding',
      entityId: id,
      action: 'dismiss_match',
      before: { matchedAwardId: before.matched_award_id },
      after: { matchedAwardId: null },
    });
    return after;
  });
}

/**
 * Undoes "not the same award": the dismissed match comes back while the finding is pending
 * (409 when nothing was dismissed, or the finding has been decided since).
 */
export async function restoreMatch(db: Kysely<Database>, actor: Actor, id: number): Promise<FindingRow> {
  assertCurator(actor);
  return inTransaction(db, async (trx) => {
    const before = await pendingFinding(trx, id);
    if (before.dismissed_match_award_id === null)
      throw conflict(`Temuan ${id} tidak punya kecocokan yang ditolak; tidak ada yang dibatalkan.`);
    const after = await trx
      .updateTable('findings')
      .set({
        matched_award_id: before.dismissed_match_award_id,
        dismissed_match_award_id: null,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'finding',
      entityId: id,
      action: 'restore_match',
      before: { matchedAwardId: null },
      after: { matchedAwardId: after.matched_award_id },
    });
    return after;
  });
}

/** One article among a finding's sources (404 when it is not one of them). */
async function findingSource(trx: Kysely<Database>, id: number, articleId: number) {
  const source = await trx
    .selectFrom('finding_sources')
    .select(['id', 'offer_dismissed_at'])
    .where('finding_id', '=', id)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (!source) throw notFound('Berita sumber temuan', articleId);
  return source;
}

/** Undoes "not evidence": the article is offered as evidence of the finding's award again. */
export async function restoreLateSource(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  articleId: number,
): Promise<void> {
  assertCurator(actor);
  await inTransaction(db, async (trx) => {
    const finding = await decidedFinding(trx, id);
    const source = await findingSource(trx, id, articleId);
    if (source.offer_dismissed_at === null)
      throw conflict(`Berita ${articleId} tidak sedang ditolak sebagai bukti temuan ${id}.`);
    await trx
      .updateTable('finding_sources')
      .set({ offer_dismissed_at: null, offer_dismissed_by: null })
      .where('id', '=', source.id)
      .execute();
    await recordAudit(trx, actor, {
      entityType: 'finding',
      entityId: id,
      action: 'restore_evidence',
      before: { articleId, offered: false },
      after: { articleId, offered: true, awardId: finding.award_id },
    });
  });
}

/** A finding that has an award (accepted or merged): the only kind with late sources to offer. */
async function decidedFinding(trx: Kysely<Database>, id: number): Promise<FindingRow & { award_id: number }> {
  const finding = await trx.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!finding) throw notFound('Temuan', id);
  if (finding.award_id === null)
    throw conflict(`Temuan ${id} belum diterima atau digabung: belum ada penghargaan untuk buktinya.`, [
      { field: 'state', message: finding.state },
    ]);
  return finding as FindingRow & { award_id: number };
}

/** The award articles may be added to: the evidence rule (services/evidence.ts), worded for the news. */
const articleAward = (trx: Kysely<Database>, actor: Actor, awardId: number) =>
  editableAward(trx, actor, awardId, {
    verified: `Penghargaan ${awardId} sudah terverifikasi: minta verifikator membukanya kembali (reopen) sebelum menambah bukti dari berita.`,
    submitted: `Penghargaan ${awardId} sedang diperiksa verifikator: tunggu hasilnya atau minta dikembalikan, lalu gabungkan.`,
  });

export async function rejectFinding(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  reason: string,
): Promise<FindingRow> {
  assertCurator(actor);
  const parsed = reasonSchema.safeParse({ reason });
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((i) => ({ field: 'reason', message: i.message })));
  return inTransaction(db, async (trx) => {
    const before = await pendingFinding(trx, id);
    return decide(trx, actor, before, 'rejected', null, parsed.data.reason);
  });
}

async function pendingFinding(trx: Kysely<Database>, id: number): Promise<FindingRow> {
  const row = await trx.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Temuan', id);
  if (row.state !== 'pending')
    throw conflict(
      `Temuan ${id} sudah diputuskan (${row.state}${row.award_id ? `, penghargaan ${row.award_id}` : ''}); keputusan tidak bisa diulang.`,
      [{ field: 'state', message: row.state }],
    );
  return row;
}

async function decide(
  trx: Kysely<Database>,
  actor: Actor,
  before: FindingRow,
  state: 'accepted' | 'merged' | 'rejected',
  awardId: number | null,
  reason: string | null,
): Promise<FindingRow> {
  const now = nowIso();
  const after = await trx
    .updateTable('findings')
    .set({
      state,
      award_id: awardId,
      decided_by: actor.id,
      decided_at: now,
      decision_reason: reason,
      updated_at: now,
    })
    .where('id', '=', before.id)
    .where('state', '=', 'pending') // two curators at once: only the first decision lands
    .returningAll()
    .executeTakeFirst();
  if (!after) throw conflict(`Temuan ${before.id} baru saja diputuskan orang lain; muat ulang.`);
  const action = state === 'accepted' ? 'accept' : state === 'merged' ? 'merge' : 'reject';
  await recordAudit(trx, actor, {
    entityType: 'finding',
    entityId: before.id,
    action,
    before,
    after,
    reason,
  });
  return after;
}

async function sourcesOf(trx: Kysely<Database>, findingId: number) {
  return trx
    .selectFrom('finding_sources')
    .innerJoin('articles', 'articles.id', 'finding_sources.article_id')
    .select([
      'finding_sources.article_id',
      'finding_sources.quote',
      'finding_sources.offer_dismissed_at',
      'articles.url',
      'articles.title',
      'articles.outlet',
      'articles.published_on',
    ])
    .where('finding_sources.finding_id', '=', findingId)
    .orderBy('finding_sources.id')
    .execute();
}

/** One 'article' evidence row per source article not yet attached to the award, quote kept. */
async function addArticleEvidence(
  trx: Kysely<Database>,
  actor: Actor,
  awardId: number,
  sources: Awaited<ReturnType<typeof sourcesOf>>,
): Promise<number[]> {
  const attached = new Set(
    (
      await trx
        .selectFrom('evidence')
        .select('article_id')
        .where('award_id', '=', awardId)
        .where('kind', '=', 'article')
        .execute()
    ).map((e) => e.article_id),
  );
  const fresh = sources.filter((s) => !attached.has(s.article_id));
  if (!fresh.length) return [];
  const award = await trx
    .selectFrom('awards')
    .select('region_id')
    .where('id', '=', awardId)
    .executeTakeFirstOrThrow();
  const rows = await trx
    .insertInto('evidence')
    .values(
      fresh.map((s) => ({
        region_id: award.region_id,
        award_id: awardId,
        kind: 'article' as const,
        url: s.url,
        file_name: null,
        media_type: 'text/plain',
        size_bytes: null,
        sha256: null,
        caption: [s.outlet, s.title].filter(Boolean).join(': ').slice(0, 500) || null,
        quote: s.quote,
        article_id: s.article_id,
        created_by: actor.id,
        created_at: nowIso(),
      })),
    )
    .returningAll()
    .execute();
  await recordAudit(trx, actor, {
    entityType: 'award',
    entityId: awardId,
    action: 'evidence.add',
    after: rows,
  });
  return rows.map((r) => r.id);
}
