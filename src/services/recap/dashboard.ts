// The picture a pimpinan opens the workspace on: the year's recap (the latest year with data
// unless one is asked for), the same period of the year before while a year is running, and
// the trend since the region's founding. Every count comes from the recap queries, in SQL.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../domain/i18n.ts';
import type { Actor } from '../actor.ts';
import { actorRegionCode } from '../regions.ts';
import { getRegion } from '../units.ts';
import { recapDefaultYear, recapReceivedUntil, type YearCount } from './queries.ts';
import { buildRecap, type Recap } from './recap.ts';

export interface SamePeriod {
  /** Last day counted, 'MM-DD' (today's date in WIB). */
  until: string;
  count: number;
  previous: number;
}

export interface Dashboard {
  recap: Recap;
  /** Years since the founding (or the first award), zero-filled, up to the recap's year. */
  trend: YearCount[];
  /** Only for the running year: received so far against the same days of last year. */
  samePeriod: SamePeriod | null;
}

/**
 * `today` is the date in the region's clock ('2026-11-29'). With no year asked, the year is
 * the one every recap shows by default (`recapDefaultYear`), so the page never opens on an
 * empty year while the record holds data.
 */
export async function buildDashboard(
  db: Kysely<Database>,
  actor: Actor,
  opts: { year?: number | null; today: string; lang: Locale },
): Promise<Dashboard | null> {
  const region = await getRegion(db, actorRegionCode(actor));
  if (!region) return null;
  const currentYear = Number(opts.today.slice(0, 4));
  const scope = { regionCode: region.code, actor, includeUnverified: false };
  const year = opts.year ?? (await recapDefaultYear(db, scope, new Date(`${opts.today}T12:00:00+07:00`)));
  const running = year === currentYear;
  const monthDay = opts.today.slice(5, 10);
  const [recap, soFar, lastYearSoFar] = await Promise.all([
    // The dashboard shows no series: none are read (a region's running series grow with its record).
    buildRecap(db, { actor, region: region.code, year }, opts.lang, undefined, false),
    running ? recapReceivedUntil(db, scope, year, monthDay) : Promise.resolve(0),
    running ? recapReceivedUntil(db, scope, year - 1, monthDay) : Promise.resolve(0),
  ]);
  return {
    recap,
    trend: yearTrend(recap),
    samePeriod: running ? { until: monthDay, count: soFar, previous: lastYearSoFar } : null,
  };
}

/** The recap's years since the founding (or the first award), zero-filled, up to its year. */
export function yearTrend(recap: Recap): YearCount[] {
  const counts = new Map(recap.byYear.map((c) => [c.year, c.count]));
  const founded = recap.region.foundedOn ? Number(recap.region.foundedOn.slice(0, 4)) : undefined;
  const from = Math.min(founded ?? recap.year, recap.byYear[0]?.year ?? recap.year);
  const trend: YearCount[] = [];
  for (let y = from; y <= recap.year; y++) trend.push({ year: y, count: counts.get(y) ?? 0 });
  return trend;
}
