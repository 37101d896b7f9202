import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../domain/i18n.ts';
import type { Change } from '../../domain/recap/index.ts';
import type { Award } from '../awards/model.ts';
import { firstAwards } from '../awards/read.ts';
import { recapByField, recapByGiver, recapDefaultYear } from '../recap/queries.ts';
import { recapHeadline } from '../recap/recap.ts';
import { PUBLIC_SCOPE } from '../recap/scope.ts';

// The showcase home: every number comes from the recap queries, counted in the database, so the
// page costs the same with 300 awards or a million.

export interface NamedCount {
  key: string;
  label: string;
  count: number;
}

export interface HomeData {
  /** The year the headline is about: this year if it has awards, else the latest that has. */
  year: number;
  change: Change;
  byField: NamedCount[];
  byGiver: NamedCount[];
  /** Since the founding through `year`; null when the founding date is unknown. */
  cumulative: { since: string; total: number } | null;
  recent: Award[];
}

/** Givers shown in the home table; the rest are summed under "other". */
export const MAX_GIVERS = 30;

const byCountThenLabel = (a: NamedCount, b: NamedCount) =>
  b.count - a.count || a.label.localeCompare(b.label, 'id');

export async function homeData(
  db: Kysely<Database>,
  opts: {
    locale: Locale;
    /** The region shown; null counts every region. */
    regionCode: string | null;
    foundedOn: string | null;
    otherLabel: string;
    now?: Date;
  },
): Promise<HomeData> {
  const scope = { ...PUBLIC_SCOPE, regionCode: opts.regionCode };
  const year = await recapDefaultYear(db, scope, opts.now);
  const [headline, fields, givers, recent] = await Promise.all([
    recapHeadline(db, scope, opts.foundedOn, year),
    recapByField(db, scope, year, opts.locale),
    recapByGiver(db, scope, year, MAX_GIVERS),
    // The newest few, by index (awards_region_public_received); no count of the rest.
    firstAwards(
      db,
      null,
      { sort: 'receivedOn', order: 'desc', page: 1, pageSize: 6, region: opts.regionCode ?? undefined },
      opts.locale,
    ),
  ]);
  const byGiver = givers.map((g) => ({
    // Free-text givers are not list filters; the page links no key starting with '~'.
    key: g.code ?? `~${g.text ?? ''}`,
    label: g.abbreviation ?? g.text ?? opts.otherLabel,
    count: g.count,
  }));
  const rest = headline.total - byGiver.reduce((sum, g) => sum + g.count, 0);
  if (rest > 0) byGiver.push({ key: '', label: opts.otherLabel, count: rest });
  return {
    year,
    change: headline.change,
    byField: fields
      .map((f) => ({ key: f.code ?? '', label: f.name ?? opts.otherLabel, count: f.count }))
      .sort(byCountThenLabel),
    byGiver: byGiver.sort(byCountThenLabel),
    cumulative: opts.foundedOn ? { since: opts.foundedOn, total: headline.cumulative.total } : null,
    recent,
  };
}
