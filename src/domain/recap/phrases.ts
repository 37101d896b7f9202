// Sentences the recap pages, reports and the CLI print about counts and scores, in Bahasa
// Indonesia (default) and English. Numbers come from the one format module (../format.ts).

import { formatNumber, formatPercent } from '../format.ts';
import { ZONE_LABELS, type Zone } from '../grading/types.ts';
import { type Locale, tr } from '../i18n.ts';
import type { Change } from './counts.ts';
import type { TrendPoint } from './series.ts';
import type { Streak } from './streaks.ts';

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
  const n = formatNumber(streak.length, lang);
  const one = streak.length === 1;
  return unit === 'kali'
    ? tr(lang, `${label} ${n} kali berturut-turut`, `${label} ${n} ${one ? 'time' : 'times'} in a row`)
    : tr(lang, `${n} tahun berturut-turut ${label}`, `${label} ${n} ${one ? 'year' : 'years'} in a row`);
}

/** "94,76, naik 1,55 dari 93,21 (2023)" / "94.76, up 1.55 from 93.21 (2023)". */
export function formatTrendPoint(
  point: TrendPoint,
  previousScore: number | null,
  lang: Locale = 'id',
): string {
  const score = formatNumber(point.score, lang);
  if (point.delta === null || previousScore === null || point.previousYear === null) return score;
  const prev = formatNumber(previousScore, lang);
  const by = formatNumber(Math.abs(point.delta), lang);
  const verb =
    point.delta > 0
      ? tr(lang, `naik ${by}`, `up ${by}`)
      : point.delta < 0
        ? tr(lang, `turun ${by}`, `down ${by}`)
        : tr(lang, 'tetap', 'unchanged');
  return tr(
    lang,
    `${score}, ${verb} dari ${prev} (${point.previousYear})`,
    `${score}, ${verb} from ${prev} (${point.previousYear})`,
  );
}

/**
 * "87 penghargaan pada 2025, naik 39 (81,25%) dari 48 pada 2024";
 * with nothing the year before: "… naik 5 dari 0 pada 2024" (no percent).
 */
export function formatChange(change: Change, lang: Locale = 'id'): string {
  const n = (x: number) => formatNumber(x, lang);
  const pct = change.percent === null ? '' : ` (${formatPercent(Math.abs(change.percent), lang)})`;
  const head = tr(
    lang,
    `${n(change.count)} penghargaan pada ${change.year}`,
    `${n(change.count)} ${change.count === 1 ? 'award' : 'awards'} in ${change.year}`,
  );
  if (change.delta === 0)
    return tr(
      lang,
      `${head}, sama dengan ${change.previousYear}`,
      `${head}, the same as in ${change.previousYear}`,
    );
  const by = `${n(Math.abs(change.delta))}${pct}`;
  return change.delta > 0
    ? tr(
        lang,
        `${head}, naik ${by} dari ${n(change.previous)} pada ${change.previousYear}`,
        `${head}, up ${by} from ${n(change.previous)} in ${change.previousYear}`,
      )
    : tr(
        lang,
        `${head}, turun ${by} dari ${n(change.previous)} pada ${change.previousYear}`,
        `${head}, down ${by} from ${n(change.previous)} in ${change.previousYear}`,
      );
}

/** "239 penghargaan sejak 1993" / "239 awards since 1993". */
export function formatCumulative(total: number, sinceYear: number, lang: Locale = 'id'): string {
  const n = formatNumber(total, lang);
  return tr(
    lang,
    `${n} penghargaan sejak ${sinceYear}`,
    `${n} ${total === 1 ? 'award' : 'awards'} since ${sinceYear}`,
  );
}
