// A finding's proposal → the input of createAward: the giver resolved by its abbreviation, the
// recipient the region unless the text names one of our units, the year from the event, the
// ceremony or the article. The curator's edits override any of it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AWARD_LEVELS } from '../../reference/unit-types.ts';
import { type CreateAward, type CreateAwardInput, createAwardSchema } from '../awards/schemas.ts';
import { invalid } from '../errors.ts';
import type { Proposal } from './proposal.ts';
import type { AcceptEdits } from './schemas.ts';
import { resolveHomeUnit } from './units.ts';

export async function proposalToAward(
  db: Kysely<Database>,
  p: Proposal,
  articlePublished: string | null,
  edits: AcceptEdits,
): Promise<CreateAward> {
  const giver = p.awardingBody ? await giverCode(db, p.awardingBody) : null;
  // The unit resolved at intake; findings stored before that slot existed are resolved now.
  const unit = p.recipientUnitId
    ? await db.selectFrom('org_units').selectAll().where('id', '=', p.recipientUnitId).executeTakeFirst()
    : await resolveHomeUnit(db, null, p.recipientUnit, p.recipient);
  const editionYear =
    p.year ??
    (p.date ? Number(p.date.slice(0, 4)) : null) ??
    (articlePublished ? Number(articlePublished.slice(0, 4)) : null);
  const proposed: Record<string, unknown> = {
    title: p.title.slice(0, 300),
    editionYear: editionYear ?? undefined,
    awardingBodyCode: giver,
    // The name as written is kept when it is not in the givers list, so nothing is lost.
    awardingBodyText: giver ? null : ((p.awardingBodyName ?? p.awardingBody)?.slice(0, 300) ?? null),
    level: p.level && (AWARD_LEVELS as readonly string[]).includes(p.level) ? p.level : null,
    category: p.category?.slice(0, 200) ?? null,
    recipientKind: unit ? 'unit' : 'region',
    unitId: unit?.id ?? null,
    recipientNote: p.recipient?.slice(0, 500) ?? null,
    receivedOn: p.date,
    rank: p.rank?.slice(0, 100) ?? null,
    rankPosition: p.rankPosition,
    score: p.score,
    statusLabel: p.grade?.slice(0, 100) ?? null,
  };
  const merged = { ...proposed, ...stripUndefined(edits) } as CreateAwardInput;
  const parsed = createAwardSchema.safeParse(merged);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || undefined, message: i.message })),
      'Usulan dari berita belum lengkap atau tidak valid: kirim perbaikannya (accept dengan isian yang disebut).',
    );
  return parsed.data;
}

async function giverCode(db: Kysely<Database>, abbreviation: string): Promise<string | null> {
  const rows = await db.selectFrom('awarding_bodies').select(['code', 'abbreviation']).execute();
  const needle = abbreviation.trim().toLowerCase();
  return rows.find((r) => r.abbreviation.toLowerCase() === needle || r.code === needle)?.code ?? null;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
