// The database side of dedup: finding the finding an event belongs to, and the award on record
// it is evidence for. The rules themselves are pure, in fingerprint.ts.
import type { Kysely, Selectable } from 'kysely';
import type { Database, FindingTable } from '../../db/schema.ts';
import {
  eventYear,
  fingerprintPrefix,
  giverKey,
  matchesAward,
  normalizeText,
  sameEvent,
  sameReleaseEvent,
} from './fingerprint.ts';
import type { Proposal } from './proposal.ts';

type FindingRow = Selectable<FindingTable>;

/**
 * The finding this event repeats: the same fingerprint, else a close variant by the same giver
 * (fingerprints start with the giver, so one LIKE narrows the candidates). Findings that already
 * quote this article are not candidates for the fuzzy test: one article listing several awards
 * reports several events, never one event twice in different words.
 */
export async function findSameEvent(
  trx: Kysely<Database>,
  fp: string,
  proposal: Proposal,
  articleId: number,
  nearDuplicates: number[] = [],
): Promise<FindingRow | undefined> {
  const exact = await trx.selectFrom('findings').selectAll().where('fingerprint', '=', fp).executeTakeFirst();
  if (exact) return exact;
  const prefix = fingerprintPrefix(proposal);
  const fuzzy = prefix === '-|' ? undefined : await sameGiverVariant(trx, prefix, proposal, articleId);
  return fuzzy ?? (await fromNearDuplicate(trx, proposal, articleId, nearDuplicates));
}

/**
 * The same release republished by another outlet (a near-duplicate article): its findings are
 * this article's events even when one outlet's giver or date was read differently — the title
 * must still overlap and the rank not differ, so a release listing several awards keeps them apart.
 */
async function fromNearDuplicate(
  trx: Kysely<Database>,
  proposal: Proposal,
  articleId: number,
  nearDuplicates: number[],
): Promise<FindingRow | undefined> {
  if (!nearDuplicates.length) return undefined;
  const candidates = await trx
    .selectFrom('findings')
    .innerJoin('finding_sources', 'finding_sources.finding_id', 'findings.id')
    .selectAll('findings')
    .distinct()
    .where('finding_sources.article_id', 'in', nearDuplicates)
    .orderBy('findings.id')
    .execute();
  const quoting = new Set(
    (
      await trx
        .selectFrom('finding_sources')
        .select('finding_id')
        .where('article_id', '=', articleId)
        .execute()
    ).map((r) => r.finding_id),
  );
  return candidates
    .filter((c) => !quoting.has(c.id))
    .find((c) => sameReleaseEvent(JSON.parse(c.proposal_json) as Proposal, proposal));
}

async function sameGiverVariant(
  trx: Kysely<Database>,
  prefix: string,
  proposal: Proposal,
  articleId: number,
): Promise<FindingRow | undefined> {
  const candidates = await trx
    .selectFrom('findings')
    .selectAll()
    .where('fingerprint', 'like', `${prefix}%`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('finding_sources')
            .select('finding_sources.id')
            .whereRef('finding_sources.finding_id', '=', 'findings.id')
            .where('finding_sources.article_id', '=', articleId),
        ),
      ),
    )
    .orderBy('id')
    .execute();
  return candidates.find((c) => sameEvent(JSON.parse(c.proposal_json) as Proposal, proposal));
}

/** An award already recorded (any state) with the same giver, edition year and a similar title. */
export async function findMatchingAward(trx: Kysely<Database>, proposal: Proposal): Promise<number | null> {
  const year = eventYear(proposal);
  if (year === null || giverKey(proposal) === '-') return null;
  const rows = await trx
    .selectFrom('awards')
    .leftJoin('awarding_bodies', 'awarding_bodies.id', 'awards.awarding_body_id')
    .select([
      'awards.id',
      'awards.title',
      'awards.programme',
      'awards.edition_year',
      'awards.rank_position',
      'awards.awarding_body_text',
      'awarding_bodies.code',
      'awarding_bodies.abbreviation',
    ])
    .where('awards.edition_year', '=', year)
    .orderBy('awards.id')
    .execute();
  const slug = (s: string | null) => (s ? normalizeText(s).replace(/ /g, '-') : null);
  const hit = rows.find((r) =>
    matchesAward(proposal, {
      id: r.id,
      giverKeys: [slug(r.code), slug(r.abbreviation), slug(r.awarding_body_text)].filter(
        (k): k is string => !!k,
      ),
      editionYear: r.edition_year,
      title: r.title,
      programme: r.programme,
      rankPosition: r.rank_position,
    }),
  );
  return hit?.id ?? null;
}
