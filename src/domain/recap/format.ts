// Phrases the recap pages and reports print, in Bahasa Indonesia (default) and English.
// Numbers the Indonesian way: 94,76 and 1.234.

import { formatNumberIn } from '../format.ts';
import { ZONE_LABELS, type Zone } from '../grading/types.ts';
import type { Locale } from '../i18n.ts';
import type { Change } from './counts.ts';
import type { TrendPoint } from './series.ts';
import type { Streak } from './streaks.ts';

/**
 * 94.76 → "94,76" (id) / "94.76" (en). `decimals` fixes the digits after the comma; by default
 * up to two, none for whole numbers.
 */
export function formatNumber(x: number, options: { decimals?: number; lang?: Locale } = {}): string {
  return formatNumberIn(options.lang ?? 'id', x, options.decimals);
}

/** 81.25 → "81,25%". */
export function formatPercent(x: number, lang: Locale = 'id'): string {
  return `${formatNumber(x, { lang })}%`;
}

/** 'hijau' → "Zona Hijau" / "Green Zone"; other values unchanged. */
export function displayValue(value: string, lang: Locale = 'id'): string {
  return value in ZONE_LABELS ? ZONE_LABELS[value as Zone][lang] : value;
}

export interface StreakPhraseOptions {
  lang?: Locale;
  /**
   * 'kali' counts occurrences, value first: "WTP 15 kali berturut-turut" (status, opinions);
   * 'tahun' counts years, count first: "3 tahun berturut-turut Zona Hijau" (zones, grades).
   * Default: 'tahun' for zones, 'kali' otherwise.
   */
  unit?: 'kali' | 'tahun';
  /** Label to print instead of the raw value ('Kategori A'). */
  label?: string;
}

export function formatStreak(
  streak: Pick<Streak, 'value' | 'length'>,
  options: StreakPhraseOptions = {},
): string {
  const lang = options.lang ?? 'id';
  const label = options.label ?? displayValue(streak.value, lang);
  const unit = options.unit ?? (streak.value in ZONE_LABELS ? 'tahun' : 'kali');
  const n = formatNumber(streak.length, { lang });
  if (lang === 'en') {
    return unit === 'kali'
      ? `${label} ${n} ${streak.length === 1 ? 'time' : 'times'} in a row`
      : `${label} ${n} ${streak.length === 1 ? 'year' : 'years'} in a row`;
  }
  return unit === 'kali' ? `${label} ${n} kali berturut-turut` : `${n} tahun berturut-turut ${label}`;
}

/** "94,76, naik 1,55 dari 93,21 (2023)" / "94.76, up 1.55 from 93.21 (2023)". */
export function formatTrendPoint(
  point: TrendPoint,
  previousScore: number | null,
  lang: Locale = 'id',
): string {
  const score = formatNumber(point.score, { lang });
  if (point.delta === null || previousScore === null || point.previousYear === null) return score;
  const prev = formatNumber(previousScore, { lang });
  const by = formatNumber(Math.abs(point.delta), { lang });
  if (lang === 'en') {
    const verb = point.delta > 0 ? `up ${by}` : point.delta < 0 ? `down ${by}` : 'unchanged';
    return `${score}, ${verb} from ${prev} (${point.previousYear})`;
  }
  const verb = point.delta > 0 ? `naik ${by}` : point.delta < 0 ? `turun ${by}` : 'tetap';
  return `${score}, ${verb} dari ${prev} (${point.previousYear})`;
}

/**
 * "87 penghargaan pada 2025, naik 39 (81,25%) dari 48 pada 2024";
 * with nothing the year before: "… naik 5 dari 0 pada 2024" (no percent).
 */
export function formatChange(change: Change, lang: Locale = 'id'): string {
  const n = (x: number) => formatNumber(x, { lang });
  const pct = change.percent === null ? '' : ` (${formatPercent(Math.abs(change.percent), lang)})`;
  if (lang === 'en') {
    const head = `${n(change.count)} ${change.count === 1 ? 'award' : 'awards'} in ${change.year}`;
    if (change.delta === 0) return `${head}, the same as in ${change.previousYear}`;
    const verb = change.delta > 0 ? 'up' : 'down';
    return `${head}, ${verb} ${n(Math.abs(change.delta))}${pct} from ${n(change.previous)} in ${change.previousYear}`;
  }
  const head = `${n(change.count)} penghargaan pada ${change.year}`;
  if (change.delta === 0) return `${head}, sama dengan ${change.previousYear}`;
  const verb = change.delta > 0 ? 'naik' : 'turun';
  return `${head}, ${verb} ${n(Math.abs(change.delta))}${pct} dari ${n(change.previous)} pada ${change.previousYear}`;
}

/** "239 penghargaan sejak 1993" / "239 awards since 1993". */
export function formatCumulative(total: number, sinceYear: number, lang: Locale = 'id'): string {
  const n = formatNumber(total, { lang });
  return lang === 'en'
    ? `${n} ${total === 1 ? 'award' : 'awards'} since ${sinceYear}`
    : `${n} penghargaan sejak ${sinceYear}`;
}
