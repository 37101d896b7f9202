import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { canReadAward } from '../access.ts';
import type { Actor } from '../actor.ts';
import { forbidden, notFound } from '../errors.ts';
import { type Award, type Evidence, hydrateAwards, toEvidence } from './model.ts';
import type { ListAwardsQuery } from './schemas.ts';

export interface AwardDetail extends Award {
  evidence: Evidence[];
}

/** `actor` null means the public: verified, public records only. */
export async function getAward(
  db: Kysely<Database>,
  actor: Actor | null,
  id: number,
  locale = 'id',
): Promise<AwardDetail> {
  const row = await db.selectFrom('awards').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Penghargaan', id);
  if (actor === null) {
    if (row.state !== 'verified' || row.is_public !== 1) throw notFound('Penghargaan', id);
  } else if (!canReadAward(actor, row)) {
    throw forbidden('Penghargaan ini belum terverifikasi dan berada di luar unit Anda.');
  }
  const [award] = await hydrateAwards(db, [row], locale);
  const evidence = await db
    .selectFrom('evidence')
    .selectAll()
    .where('award_id', '=', id)
    .orderBy('id')
    .execute();
  return { ...award, evidence: evidence.map(toEvidence) };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

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
  actor: Actor | null,
  q: ListAwardsQuery,
  locale = 'id',
): Promise<Page<Award>> {
  let query = await applyFilters(db, db.selectFrom('awards'), actor, q);
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const direction = q.order === 'asc' ? sql`asc` : sql`desc`;
  query = query.orderBy(sql`${SORT_EXPRESSIONS[q.sort]} ${direction}`).orderBy('awards.id', q.order);
  const rows = await query
    .selectAll('awards')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: await hydrateAwards(db, rows, locale),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Filters shared by the list, exports and recaps, plus what the actor may see. */
export async function applyFilters(
  db: Kysely<Database>,
  query: AwardQuery,
  actor: Actor | null,
  q: Partial<ListAwardsQuery>,
): Promise<AwardQuery> {
  if (actor === null) {
    query = query.where('awards.state', '=', 'verified').where('awards.is_public', '=', 1);
  } else if (actor.role === 'operator') {
    const path = actor.unitPath ?? '/none/';
    query = query.where((eb) =>
      eb.or([eb('awards.state', '=', 'verified'), eb('awards.unit_path', 'like', `${path}%`)]),
    );
  }
  if (q.region) query = query.where('awards.region_code', '=', q.region);
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
