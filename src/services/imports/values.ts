import type { AwardLevel } from '../../reference/unit-types.ts';

// Reading the values offices type into cells: Indonesian dates and decimals, levels in words,
// yes/no. Each parser returns the value or a message saying what is accepted.

/** A cell as read from the file: text, a number, a date (Excel date cell) or empty. */
export type Cell = string | number | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

// biome-ignore format: a lookup table reads better packed
const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1, februari: 2, pebruari: 2, feb: 2, february: 2, maret: 3, mar: 3,
  march: 3, april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, agus: 8, aug: 8, august: 8, september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10, november: 11, nopember: 11, nov: 11, desember: 12,
  des: 12, dec: 12, december: 12,
};

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 ? t.toISOString().slice(0, 10) : null;
}

const DATE_HELP = 'tulis seperti 23/5/2025, 2025-05-23 atau 30 Desember 2025';

/** Excel counts days from 1899-12-30 (with its 1900 leap-year bug folded in). */
function fromExcelSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 10000 || n > 80000) return null; // 1927 … 2119
  // A fraction is the time of day (a date-time cell): the day is what counts.
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86400000).toISOString().slice(0, 10);
}

export function parseDate(cell: Cell): Parsed<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail(`tanggal tidak terbaca; ${DATE_HELP}`);
    // Excel date cells arrive as UTC midnight; a time part would be a ceremony hour, not a day shift.
    return ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    const d = fromExcelSerial(cell);
    return d ? ok(d) : fail(`angka ${shown(cell)} bukan tanggal; ${DATE_HELP}`);
  }
  const s = cell.trim().replace(/^[A-Za-z]+,\s*/, ''); // "Selasa, 30 Desember 2025"
  for (const [re, toParts] of TEXT_DATES) {
    const m = re.exec(s);
    if (!m) continue;
    const parts = toParts(m);
    if (typeof parts === 'string') return fail(`${parts}; ${DATE_HELP}`);
    const iso = isoDate(...parts);
    return iso
      ? ok(iso)
      : fail(`"${shown(cell)}" tidak ada di kalender; periksa hari dan bulan (hari/bulan/tahun)`);
  }
  if (/^\d{5}$/.test(s) && fromExcelSerial(Number(s))) return ok(fromExcelSerial(Number(s)));
  return fail(`"${shown(cell)}" bukan tanggal yang dikenal; ${DATE_HELP}`);
}

const month = (word: string): number | string =>
  MONTHS[word.toLowerCase()] ?? `bulan "${shown(word)}" tidak dikenal`;

/** Each written form → [year, month, day], or a message when a month name is unknown. */
const TEXT_DATES: [RegExp, (m: RegExpExecArray) => [number, number, number] | string][] = [
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  [
    /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/,
    (m) => [m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1])],
  ],
  [
    /^(\d{1,2})[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$/,
    (m) => {
      const mo = month(m[2]);
      return typeof mo === 'string' ? mo : [Number(m[3]), mo, Number(m[1])];
    },
  ],
  [
    /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/,
    (m) => {
      const mo = month(m[1]);
      return typeof mo === 'string' ? mo : [Number(m[3]), mo, Number(m[2])];
    },
  ],
];

/** "94,76", "94.76", "1.234,5", 94.76 → number. */
export function parseNumber(cell: Cell): Parsed<number | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('angka tidak terbaca');
  if (cell instanceof Date) return fail('berisi tanggal, padahal kolom ini angka (mis. 94,76)');
  let s = cell.trim().replace(/\s/g, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Whichever comes last is the decimal mark; the other groups thousands.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    s = s.replace(',', '.');
  } else if ((s.match(/\./g) ?? []).length > 1) {
    s = s.replace(/\./g, '');
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return fail(`"${shown(cell)}" bukan angka; tulis seperti 94,76 atau 94.76`);
  return ok(Number(s));
}

/**
 * A score cell. A word there ("Sangat Baik", "WTP", "A") is a predicate written in the wrong
 * column: the message says where it belongs.
 */
export function parseScore(cell: Cell): Parsed<number | null> {
  const n = parseNumber(cell);
  if (n.ok || typeof cell !== 'string' || !/\p{L}/u.test(cell)) return n;
  return fail(
    `"${shown(cell)}" berupa kata, bukan nilai angka; tulis nilainya (mis. 94,76) di sini, atau pindahkan predikat ini ke kolom Predikat`,
  );
}

/**
 * The edition year a title names: "Penilaian Kepatuhan 2024", "SAKIP Tahun 2023". `named`
 * when a word marks it as the assessment's year (penilaian, evaluasi, tahun, edisi, periode):
 * then it outranks a Tahun column that holds the year the award was handed over.
 */
export function editionYearInTitle(title: string | null): { year: number; named: boolean } | null {
  // Most titles have no year at all: say so before collecting matches.
  if (!title || !/(?:19|20)\d\d/.test(title)) return null;
  const years = new Set([...title.matchAll(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1])));
  if (years.size !== 1) return null;
  const year = [...years][0];
  // "Penilaian Kepatuhan Standar Pelayanan Publik 2024": the word may stand a few words before.
  const named = new RegExp(
    `\\b(?:penilaian|evaluasi|tahun|edisi|periode|awards?)\\b[^.;]{0,60}?\\b${year}\\b`,
    'i',
  ).test(title);
  return { year, named };
}

export function parseYear(cell: Cell): Parsed<number | null> {
  const n = parseNumber(cell);
  if (!n.ok) return fail(`"${shown(cell)}" bukan tahun; tulis 4 angka, mis. 2025`);
  if (n.value === null) return ok(null);
  if (!Number.isInteger(n.value) || n.value < 1945 || n.value > 2100)
    return fail(`${n.value} bukan tahun edisi yang mungkin; tulis 4 angka antara 1945 dan 2100`);
  return ok(n.value);
}

const LEVEL_WORDS: [RegExp, AwardLevel][] = [
  [/^(internasional|international|dunia|global|world)$/, 'internasional'],
  [/^(nasional|national|pusat|ri|indonesia)$/, 'nasional'],
  [/^(regional|asean|asia|asiapasifik|kawasan)$/, 'regional'],
  [/^(provinsi|propinsi|provincial|province|prov)$/, 'provinsi'],
  [
    /^(kabupatenkota|kotakabupaten|kabkota|kota|kabupaten|kab|lokal|daerah|local|city|regency)$/,
    'kabupaten/kota',
  ],
];

export function parseLevel(cell: Cell): Parsed<AwardLevel | null> {
  if (cell === null) return ok(null);
  const n = String(cell)
    .toLowerCase()
    .replace(/^tingkat\s+/, '')
    .replace(/\(.*\)/, '')
    .replace(/[^a-z]+/g, '');
  for (const [re, level] of LEVEL_WORDS) if (re.test(n)) return ok(level);
  return fail(
    `tingkat "${shown(cell)}" tidak dikenal; pakai Internasional, Nasional, Regional, Provinsi atau Kabupaten/Kota`,
  );
}

export function parseYesNo(cell: Cell): Parsed<boolean | null> {
  if (cell === null) return ok(null);
  const n = String(cell).trim().toLowerCase();
  if (['ya', 'y', 'yes', 'true', '1', 'publik', 'public', 'tampil', 'v', '✓'].includes(n)) return ok(true);
  if (['tidak', 't', 'no', 'n', 'false', '0', 'tidak publik', 'internal', 'rahasia', '-'].includes(n))
    return ok(false);
  return fail(`"${shown(cell)}" bukan Ya/Tidak`);
}

export type RecipientKindWord = 'region' | 'unit' | 'team';

export function parseRecipientKind(cell: Cell): Parsed<RecipientKindWord | null> {
  if (cell === null) return ok(null);
  const n = String(cell).trim().toLowerCase();
  if (['pemda', 'pemerintah daerah', 'daerah', 'wilayah', 'region'].includes(n)) return ok('region');
  if (['unit', 'opd', 'perangkat daerah', 'unit kerja'].includes(n)) return ok('unit');
  if (['tim', 'team', 'bersama', 'kolaborasi'].includes(n)) return ok('team');
  return fail(`"${shown(cell)}" tidak dikenal; pakai Pemda, Unit atau Tim`);
}

/** "Juara 1", "Peringkat 2", "Terbaik I" → the position, for sorting; null when there is none. */
export function rankPosition(rank: string | null): number | null {
  if (!rank) return null;
  const m = /\b(?:juara|peringkat|ranking|rank|terbaik|top)\s*(?:ke\s*-?\s*)?(\d{1,4}|i{1,3}|iv|v)\b/i.exec(
    rank,
  );
  if (!m) return null;
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5 };
  const n = roman[m[1].toLowerCase()] ?? Number(m[1]);
  return n >= 1 && n <= 10000 ? n : null;
}

/**
 * A cell as quoted back in a message or report: at most `max` characters, so a huge cell is
 * never echoed (the response stays small whatever the file holds).
 */
export function shown(cell: Cell | string, max = 80): string {
  const s = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Text of a cell; a leading apostrophe that guarded a formula-like value is dropped. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const s = String(cell).trim();
  if (!s) return null;
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

/** Levenshtein distance, capped: enough to suggest "Kemendagri" for "Kemendagr". */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate when it is close enough to be a typo, else null. */
export function closest(needle: string, candidates: Iterable<string>): string | null {
  const n = needle.toLowerCase();
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(n, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(n.length / 4)));
  return bestDistance <= allowed ? best : null;
}
