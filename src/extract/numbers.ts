// Indonesian numbers as the press writes them: "94,76" and "94.76" for one score, "empat
// penghargaan", "Peringkat II", "terbaik pertama", "ke-2".

import { LATIN_OR_DIGIT } from './scan.ts';

const UNITS: Record<string, number> = {
  satu: 1,
  se: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};
const ORDINALS: Record<string, number> = {
  pertama: 1,
  kesatu: 1,
  kedua: 2,
  ketiga: 3,
  keempat: 4,
  kelima: 5,
  keenam: 6,
  ketujuh: 7,
  kedelapan: 8,
  kesembilan: 9,
  kesepuluh: 10,
};

export const NUMBER_WORD =
  '(?:(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\\s+puluh(?:\\s+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?|sepuluh|sebelas|(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\\s+belas|seratus|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)';

/** "dua puluh tiga" → 23; null for anything not a plain count word. */
export function wordToNumber(raw: string): number | null {
  const w = raw.toLowerCase().trim().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'sepuluh') return 10;
  if (w === 'sebelas') return 11;
  if (w === 'seratus') return 100;
  let m = /^(\w+) belas$/.exec(w);
  if (m && UNITS[m[1]]) return 10 + UNITS[m[1]];
  m = /^(\w+) puluh(?: (\w+))?$/.exec(w);
  if (m && UNITS[m[1]]) return UNITS[m[1]] * 10 + (m[2] ? (UNITS[m[2]] ?? 0) : 0);
  return UNITS[w] ?? null;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export function romanToNumber(raw: string): number | null {
  const s = raw.toUpperCase();
  if (!/^[IVXL]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    const next = ROMAN[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 60 ? total : null;
}

/** "94,76" / "94.76" → 94.76; "1.250" (a thousands dot) → 1250. */
export function parseDecimal(raw: string): number | null {
  const s = raw.trim();
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  if (/^\d+([.,]\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return null;
}

/** A rank token after "Juara"/"Peringkat": 1, II, pertama, ke-2, ketiga. */
export function rankTokenToNumber(raw: string): number | null {
  const t = raw
    .toLowerCase()
    .replace(/^ke-?\s*/, '')
    .trim();
  if (/^\d{1,3}$/.test(t)) return Number(t);
  if (ORDINALS[raw.toLowerCase()]) return ORDINALS[raw.toLowerCase()];
  const r = romanToNumber(raw.replace(/^ke-?\s*/i, ''));
  if (r !== null) return r;
  return UNITS[t] ?? null;
}

const RANK_TOKEN =
  '(?:ke-?\\s*\\d{1,2}|\\d{1,2}|[IVX]{1,4}|pertama|kedua|ketiga|keempat|kelima|keenam|kesatu|satu|dua|tiga)';
const RANK_RE = new RegExp(
  `\\b(?:(juara\\s+umum)|((?:juara|peringkat|rangking|ranking|terbaik|posisi)\\s+harapan\\s+${RANK_TOKEN})|(?:(juara|peringkat|rangking|ranking|terbaik|posisi|the\\s+best)\\s+(${RANK_TOKEN})))(?![${LATIN_OR_DIGIT}])`,
  'i',
);

export interface Rank {
  rank: string;
  rankPosition: number | null;
  start: number;
  end: number;
}

/**
 * Juara Umum (overall champion of a multi-event contest) keeps rankPosition null: it is not a
 * placing within one category, and treating it as 1 would mix it with category winners.
 * "Harapan" placings are honourable mentions and have no position either.
 */
export function findRank(text: string): Rank | null {
  const m = RANK_RE.exec(text);
  if (!m) return null;
  const base = { start: m.index, end: m.index + m[0].length };
  if (m[1]) return { rank: tidy(m[1], true), rankPosition: null, ...base };
  if (m[2]) return { rank: tidy(m[2], false), rankPosition: null, ...base };
  const token = m[4];
  // A lowercase roman "i"/"v" after "terbaik" is an Indonesian word, not a numeral.
  if (/^[ivx]+$/.test(token)) return null;
  return { rank: tidy(m[0], false), rankPosition: rankTokenToNumber(token), ...base };
}

function tidy(s: string, title: boolean): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return title ? t.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()) : t;
}
