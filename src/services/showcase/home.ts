import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  type Change,
  type Cumulative,
  changeFromPreviousYear,
  cumulativeSince,
} from '../../domain/recap/index.ts';
import type { Award } from '../awards/model.ts';
import { listAwards } from '../awards/read.ts';
import { loadPublicFacts, type PublicFact } from './public.ts';

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
  cumulative: Cumulative | null;
  recent: Award[];
  totalPublic: number;
}

/** Counts by a key with a display label; largest first, then by label. Missing keys are "other". */
export function namedCounts(
  facts: readonly PublicFact[],
  keyOf: (f: PublicFact) => string | null,
  labelOf: (f: PublicFact) => string | null,
  otherLabel: string,
): NamedCount[] {
  const map = new Map<string, NamedCount>();
  for (const f of facts) {
    const key = keyOf(f) ?? '';
    const row = map.get(key) ?? { key, label: (key && labelOf(f)) || otherLabel, count: 0 };
    row.count++;
    map.set(key, row);
  }
  return [...map.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'id'));
}

export function headlineYear(facts: readonly PublicFact[], now = new Date()): number {
  const thisYear = now.getUTCFullYear();
  if (facts.length === 0 || facts.some((f) => f.editionYear === thisYear)) return thisYear;
  const past = facts.filter((f) => f.editionYear <= thisYear).map((f) => f.editionYear);
  return past.length ? Math.max(...past) : Math.max(...facts.map((f) => f.editionYear));
}

export async function homeData(
  db: Kysely<Database>,
  opts: { locale: 'id' | 'en'; foundedOn: string | null; otherLabel: string; now?: Date },
): Promise<HomeData> {
  const facts = await loadPublicFacts(db, opts.locale);
  const year = headlineYear(facts, opts.now);
  const ofYear = facts.filter((f) => f.editionYear === year);
  const recent = await listAwards(
    db,
    null,
    { sort: 'receivedOn', order: 'desc', page: 1, pageSize: 6 },
    opts.locale,
  );
  return {
    year,
    change: changeFromPreviousYear(facts, year),
    byField: namedCounts(
      ofYear,
      (f) => f.fieldCode,
      (f) => f.fieldName,
      opts.otherLabel,
    ),
    byGiver: namedCounts(
      ofYear,
      (f) => f.giverCode ?? f.giverName,
      (f) => f.giverName,
      opts.otherLabel,
    ),
    cumulative: opts.foundedOn ? cumulativeSince(facts, opts.foundedOn) : null,
    recent: recent.items,
    totalPublic: facts.length,
  };
}
