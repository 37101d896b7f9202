import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { formatNumber } from '../../domain/format.ts';
import { isRegionCode, regionIdOf } from '../../domain/region-code.ts';
import { assertCanEditFor, type Reader, readableAwards, readableBy } from '../access.ts';
import type { Actor } from '../actor.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { type Award, type Evidence, hydrateAwards, toEvidence } from './model.ts';
import type { ListAwardsQuery } from './schemas.ts';

export interface AwardDetail extends Award {
  evidence: Evidence[];
}

/** `actor` null means the public: verified, public records only (404 otherwise). */
export async function getAward(
  db: Kysely<Database>,
  actor: Reader,
  id: number,
  locale = 'id',
): Promise<AwardDetail> {
  const row = await readableAwards(db, actor).selectAll().where('awards.id', '=', id).executeTakeFirst();
  if (!row) {
    // A signed-in user learns that the record exists but is not theirs; the public learns nothing.
    const exists =
      actor !== null && (await db.selectFrom('awards').select('id').where('id', '=', id).executeTakeFirst());
    if (exists) throw forbidden('Penghargaan ini belum terverifikasi dan berada di luar unit Anda.');
    throw notFound('Penghargaan', id);
  }
  const [award] = await hydrateAwards(db, [row], locale);
  const evidence = await evidenceOf(db, [id]);
  return { ...award, evidence: evidence.get(id) ?? [] };
}

/** Evidence of several awards at once, in the order it was added. */
export async function evidenceOf(db: Kysely<Database>, awardIds: number[]): Promise<Map<number, Evidence[]>> {
  const out = new Map<number, Evidence[]>(awardIds.map((id) => [id, []]));
  if (awardIds.length === 0) return out;
  const rows = await db
    .selectFrom('evidence')
    .selectAll()
    .where('award_id', 'in', awardIds)
    .orderBy('id')
    .execute();
  // An 'article' evidence names the news report it quotes (headline, outlet, date, address).
  const articleIds = [...new Set(rows.map((e) => e.article_id).filter((x) => x !== null))];
  const articles = articleIds.length
    ? await db
        .selectFrom('articles')
        .select(['id', 'title', 'outlet', 'published_on', 'url'])
        .where('id', 'in', articleIds)
        .execute()
    : [];
  const articleOf = new Map(
    articles.map((r) => [
      r.id,
      { title: r.title, outlet: r.outlet, publishedOn: r.published_on, url: r.url },
    ]),
  );
  for (const r of rows)
    out.get(r.award_id)?.push({
      ...toEvidence(r),
      article: r.article_id === null ? null : (articleOf.get(r.article_id) ?? null),
    });
  return out;
}

/** May this actor change the content of this award (its unit is in their scope)? */
export async function canEditAward(db: Kysely<Database>, actor: Actor, id: number): Promise<boolean> {
  const row = await db.selectFrom('awards').select('unit_path').where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  try {
    assertCanEditFor(actor, row.unit_path);
    return true;
  } catch {
    return false;
  }
}

export interface Page<T> {
  items: T[];
  /** The number of matches, counted up to COUNT_CAP (see `totalExact`). */
  total: number;
  /** False when there are more than COUNT_CAP matches: `total` is then COUNT_CAP. */
  totalExact: boolean;
  page: number;
  pageSize: number;
}

/**
 * Lists count and page through at most this many matches. Counting every match of an
 * unfiltered list reads the whole table (a second at a million awards, and SQLite serves
 * nothing else meanwhile); past this many, narrowing the filters or an export is the answer.
 */
export const COUNT_CAP = 10_000;

type AwardQuery = SelectQueryBuilder<Database, 'awards', object>;

const SORT_EXPRESSIONS = {
  // Null dates sort as the end of their edition year, the same way on both databases.
  receivedOn: sql`coalesce(awards.received_on, cast(awards.edition_year as text) || '-12-31')`,
  editionYear: sql`awards.edition_year`,
  title: sql`lower(awards.title)`,
  createdAt: sql`awards.created_at`,
  updatedAt: sql`awards.updated_at`,
  score: sql`coalesce(awards.score, -1)`,
} as const;

export async function listAwards(
  db: Kysely<Database>,
  actor: Reader,
  q: ListAwardsQuery,
  locale = 'id',
): Promise<Page<Award>> {
  const offset = (q.page - 1) * q.pageSize;
  if (offset >= COUNT_CAP && q.page > 1)
    throw invalid([
      {
        field: 'page',
        message: `Halaman ${q.page} terlalu jauh: daftar menampilkan ${formatNumber(COUNT_CAP)} baris pertama; persempit saringan (tahun, bidang, unit) atau unduh ekspor /api/v1/exports/awards.csv (page too deep: narrow the filters or use an export)`,
      },
    ]);
  const query = await applyFilters(db, db.selectFrom('awards'), actor, q);
  // Counted through a LIMIT, so the count reads at most COUNT_CAP + 1 index entries.
  const { total } = await db
    .selectFrom(
      query
        .select(sql`1`.as('one'))
        .limit(COUNT_CAP + 1)
        .as('matches'),
    )
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return {
    items: await pageOf(db, query, q, offset, locale),
    total: Math.min(Number(total), COUNT_CAP),
    totalExact: Number(total) <= COUNT_CAP,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function pageOf(
  db: Kysely<Database>,
  query: AwardQuery,
  q: ListAwardsQuery,
  offset: number,
  locale: string,
) {
  const direction = q.order === 'asc' ? sql`asc` : sql`desc`;
  const rows = await query
    .orderBy(sql`${SORT_EXPRESSIONS[q.sort]} ${direction}`)
    .orderBy('awards.id', q.order)
    .selectAll('awards')
    .limit(q.pageSize)
    .offset(offset)
    .execute();
  return hydrateAwards(db, rows, locale);
}

/**
 * The first page of a list without its count, for a page that shows a few awards and no total
 * (the showcase home's newest): read in order from an index, a page's worth of entries.
 */
export async function firstAwards(
  db: Kysely<Database>,
  actor: Reader,
  q: ListAwardsQuery,
  locale = 'id',
): Promise<Award[]> {
  return pageOf(db, await applyFilters(db, db.selectFrom('awards'), actor, q), q, 0, locale);
}

/** Filters shared by the list, exports and recaps, plus what the actor may see. */
export async function applyFilters(
  db: Kysely<Database>,
  query: AwardQuery,
  actor: Reader,
  q: Partial<ListAwardsQuery>,
): Promise<AwardQuery> {
  query = query.where(readableBy(actor));
  if (q.region)
    query = query.where('awards.region_id', '=', isRegionCode(q.region) ? regionIdOf(q.region) : -1);
  if (q.state) query = query.where('awards.state', '=', q.state);
  if (q.year) query = query.where('awards.edition_year', '=', q.year);
  if (q.level) query = query.where('awards.level', '=', q.level);
  if (q.field) {
    const field = await db.selectFrom('fields').select('id').where('code', '=', q.field).executeTakeFirst();
    query = query.where('awards.field_id', '=', field?.id ?? -1);
  }
  if (q.giver) {
    const giver = await db
      .selectFrom('awarding_bodies')
      .select('id')
      .where('code', '=', q.giver)
      .executeTakeFirst();
    query = query.where('awards.awarding_body_id', '=', giver?.id ?? -1);
  }
  if (q.unit) {
    const unit = await db.selectFrom('org_units').select('path').where('id', '=', q.unit).executeTakeFirst();
    query = query.where('awards.unit_path', 'like', `${unit?.path ?? '/none/'}%`);
  }
  if (q.q) {
    const needle = `%${q.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(awards.title)`, 'like', sql`${needle} escape '\\'`),
        eb(sql`lower(coalesce(awards.description, ''))`, 'like', sql`${needle} escape '\\'`),
        eb(sql`lower(coalesce(awards.programme, ''))`, 'like', sql`${needle} escape '\\'`),
      ]),
    );
  }
  return query;
}
