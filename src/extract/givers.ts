import { AWARDING_BODIES, type AwardingBodyRef } from '../reference/awarding-bodies.ts';
import { WordFilter, Words, wordCharAt } from './scan.ts';

// Every name, abbreviation and alias, indexed by its first word. At each word start of the text
// the names sharing that word are tried longest first, so that "Ombudsman RI Perwakilan Provinsi
// Banten" wins over "Ombudsman" and "Kementerian Hukum dan Hak Asasi Manusia" over "Kementerian
// Hukum". (One regex alternation of ~120 names did the same, but tried every name at every
// position of every clause: it was the extractor's hottest pattern.)
const byName = new Map<string, AwardingBodyRef>();
for (const b of AWARDING_BODIES) {
  for (const n of [b.name, b.abbreviation, ...b.aliases]) {
    const key = n.toLowerCase().replace(/\s+/g, ' ');
    if (!byName.has(key)) byName.set(key, b);
  }
}
/** A name split into its words; the text may separate them by any run of whitespace. */
interface IndexedName {
  key: string;
  words: string[];
}
const byFirstWord = new Map<string, IndexedName[]>();
for (const key of [...byName.keys()].sort((a, b) => b.length - a.length)) {
  const words = key.split(' ');
  const first = /^[\p{L}\p{N}]+/u.exec(words[0])?.[0];
  if (!first) throw new Error(`giver name must start with a letter or digit: ${key}`);
  const list = byFirstWord.get(first) ?? [];
  list.push({ key, words });
  byFirstWord.set(first, list);
}
const FIRST_WORDS = new WordFilter(byFirstWord.keys());
const PAREN_ABBR = /^\s*\(([^()]{2,30})\)/;
const SPACE = /\s/;

/** End of `name` matched case-insensitively at `at` in `lower`, or -1. */
function matchAt(lower: string, at: number, name: IndexedName): number {
  let p = at;
  for (let w = 0; w < name.words.length; w++) {
    if (w > 0) {
      if (!SPACE.test(lower[p] ?? '')) return -1;
      while (SPACE.test(lower[p] ?? '')) p++;
    }
    const word = name.words[w];
    if (!lower.startsWith(word, p)) return -1;
    p += word.length;
  }
  return p < lower.length && wordCharAt(lower, p) > 0 ? -1 : p;
}
export interface GiverMatch {
  body: AwardingBodyRef;
  /** As written, with a following "(ABBR)" kept: "Badan Kepegawaian Negara (BKN)". */
  written: string;
  start: number;
  end: number;
  /** Named only as a place ("tingkat Provinsi Banten"): a guess that a named giver replaces. */
  weak?: boolean;
}

/** Lower case with the offsets kept (a character whose lower case is longer stays as it is). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

export function findGivers(text: string): GiverMatch[] {
  const out: GiverMatch[] = [];
  const lower = lowerSameLength(text);
  // Matches do not overlap: after one, go on from its end (an "(ABBR)" after it is looked at
  // again), as a global regex would.
  let from = 0;
  for (const w = new Words(lower); w.next(); ) {
    const start = w.start;
    if (start < from || !FIRST_WORDS.mayHave(lower, start, w.end)) continue;
    const names = byFirstWord.get(lower.slice(start, w.end));
    if (!names) continue;
    for (const name of names) {
      const nameEnd = matchAt(lower, start, name);
      if (nameEnd === -1) continue;
      let end = nameEnd;
      const body = byName.get(name.key) as AwardingBodyRef;
      const paren = PAREN_ABBR.exec(text.slice(end, end + 34));
      if (paren) end += paren[0].length;
      out.push({ body, written: text.slice(start, end).replace(/\s+/g, ' ').trim(), start, end });
      from = nameEnd;
      break;
    }
  }
  return out;
}

const AGENT_BEFORE =
  /(?:\b(?:dari|oleh|dikeluarkan|diberikan|diserahkan|diselenggarakan|digelar)\s+(?:\S+\s+){0,2})$/i;

const BARE_PLACE = /^provinsi\s/i;
const PLACE_BEFORE = /(?:\b(?:tingkat|wilayah|se|di|kawasan)\s*-?\s*)$/i;

/**
 * The giver of an award described in `text`: a body named right after "dari"/"oleh" wins,
 * otherwise the first body named. A body past its validTo (Kominfo after the Komdigi rename) is
 * kept as written: the article is the evidence and the curator sees the successor in the list.
 */
export function pickGiver(text: string): GiverMatch | null {
  const all = findGivers(text);
  if (all.length === 0) return null;
  const agent = all.find((g) => AGENT_BEFORE.test(text.slice(Math.max(0, g.start - 40), g.start)));
  if (agent) return agent;
  // A province named bare ("Anugerah KIP Provinsi Banten", "tingkat Provinsi Banten") is a place:
  // a guess that a body named as such (Gubernur, Komisi Informasi …) replaces.
  const strong = all.find(
    (g) => !BARE_PLACE.test(g.written) && !PLACE_BEFORE.test(text.slice(Math.max(0, g.start - 20), g.start)),
  );
  return strong ?? { ...all[0], weak: true };
}
