// Dates the way Indonesian news writes them. A ceremony is usually "Jumat (23/5/2025)" or
// "Selasa, 30 Desember 2025"; a short form "(9/11)" or "20 Oktober lalu" takes its year from the
// article, and rolls back a year when that would put the ceremony after publication.

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  feb: 2,
  maret: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  agust: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  nopember: 11,
  desember: 12,
  des: 12,
};

const MONTH_ALT =
  'Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|Desember|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Agust|Sept|Sep|Okt|Nov|Des';

const WEEKDAYS: Record<string, number> = {
  minggu: 0,
  senin: 1,
  selasa: 2,
  rabu: 3,
  kamis: 4,
  jumat: 5,
  "jum'at": 5,
  sabtu: 6,
};
const WEEKDAY_ALT = "Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu";

// One pass finds every form; the alternatives are tried left to right at each position.
const DATE_RE = new RegExp(
  [
    '(?<iso>(?<iy>(?:19|20)\\d{2})-(?<im>\\d{2})-(?<id>\\d{2}))',
    '(?<sl>(?<sd>\\d{1,2})/(?<sm>\\d{1,2})(?:/(?<sy>(?:19|20)?\\d{2}))?)(?=\\s*\\))',
    '(?<sl2>(?<s2d>\\d{1,2})/(?<s2m>\\d{1,2})/(?<s2y>(?:19|20)\\d{2}))',
    `(?<long>(?<ld>\\d{1,2})\\s+(?<lm>${MONTH_ALT})\\.?(?:\\s+(?<ly>(?:19|20)\\d{2}))?)`,
    // "pada Kamis", "Kamis lalu" (P9): a weekday with no date after it, counted back from the
    // publication date. Not "setiap Senin" (a habit) nor "Kamis (27/2/2025)" (dated already).
    `(?<![Ss]etiap\\s|[Tt]iap\\s)\\b(?<wd>${WEEKDAY_ALT})\\b(?<lalu>\\s+lalu)?(?!\\s*(?:\\(|,?\\s*\\d|\\s*malam\\s*\\())`,
  ].join('|'),
  'gi',
);

export interface FoundDate {
  /** ISO date, or null when the year is missing and no reference date was given. */
  iso: string | null;
  day: number;
  month: number;
  year: number | null;
  start: number;
  end: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < 1000 || y > 9999) return null;
  if (!Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Every date in `text`; year-less ones resolved against `reference` (an ISO date) when given. */
export function findDates(text: string, reference?: string | null): FoundDate[] {
  const out: FoundDate[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const g = m.groups!;
    if (g.wd) {
      // Only a capitalised weekday is a day ("minggu" is also "week").
      const iso =
        reference && /^\p{Lu}/u.test(g.wd)
          ? weekdayBefore(reference, WEEKDAYS[g.wd.toLowerCase()], !!g.lalu)
          : null;
      if (iso) {
        const [, mo, d] = iso.split('-').map(Number);
        out.push({ iso, day: d, month: mo, year: null, start: m.index, end: m.index + m[0].length });
      }
      continue;
    }
    let d: number;
    let mo: number;
    let y: number | null;
    if (g.iso) [y, mo, d] = [Number(g.iy), Number(g.im), Number(g.id)];
    else if (g.sl) {
      [d, mo] = [Number(g.sd), Number(g.sm)];
      y = g.sy ? (g.sy.length === 2 ? 2000 + Number(g.sy) : Number(g.sy)) : null;
    } else if (g.sl2) [d, mo, y] = [Number(g.s2d), Number(g.s2m), Number(g.s2y)];
    else {
      d = Number(g.ld);
      mo = MONTHS[g.lm.toLowerCase()];
      y = g.ly ? Number(g.ly) : null;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (y !== null) {
      const iso = isoDate(y, mo, d);
      if (iso) out.push({ iso, day: d, month: mo, year: y, start, end });
      continue;
    }
    if (!isoDate(2000, mo, d)) continue;
    out.push({ iso: resolveYearless(d, mo, reference), day: d, month: mo, year: null, start, end });
  }
  return out;
}

/** "(9/11)" in an article of 23 Dec 2022 → 2022-11-09; "(28/12)" in one of 5 Jan 2025 → 2024. */
export function resolveYearless(day: number, month: number, reference?: string | null): string | null {
  if (!reference) return null;
  const refYear = Number(reference.slice(0, 4));
  const candidate = isoDate(refYear, month, day);
  if (!candidate) return isoDate(refYear - 1, month, day);
  // A few days of slack: news is sometimes dated a day early by time zones.
  const slack = addDays(reference, 3);
  return candidate > slack ? isoDate(refYear - 1, month, day) : candidate;
}

/** The last `weekday` on or before `reference` ("pada Kamis"); strictly before it with "lalu". */
function weekdayBefore(reference: string, weekday: number, past: boolean): string | null {
  const t = new Date(`${reference}T00:00:00Z`);
  if (Number.isNaN(t.getTime())) return null;
  let back = (t.getUTCDay() - weekday + 7) % 7;
  if (past && back === 0) back = 7;
  return addDays(reference, -back);
}

function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** The publication date when none is given: the latest full date the text mentions. */
export function guessReferenceDate(text: string): string | null {
  let best: string | null = null;
  for (const d of findDates(text.length > 20000 ? text.slice(0, 20000) : text)) {
    if (d.year !== null && d.iso && (!best || d.iso > best)) best = d.iso;
  }
  return best;
}

/** Accepts YYYY-MM-DD or any string Date can read (RSS pubDate, meta tags); returns ISO or null. */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const id = findDates(s).find((d) => d.year !== null);
  if (id?.iso) return id.iso;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
