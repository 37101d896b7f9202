import { closest } from './values.ts';

// Matching names the way offices write them. A cell is tried as written, then in the forms
// it may hide: without a bracket or with only the bracket ("Kementerian Dalam Negeri RI
// (BSKDN)"), without a regional-office or Setda tail ("BKN Kanreg III", "Bagian Organisasi
// Setda"), as an acronym's expansions ("Disnaker"). What stays unmatched gets a suggestion:
// a near spelling, or else the name sharing most words.

/** `nearSpelling`: the suggestion is a typo away (so the cell is most likely a misspelling). */
export type Lookup<T> = { found: T } | { found: null; suggestion: string | null; nearSpelling: boolean };

/** Lower case, letters and digits only: "Kemen-PAN RB" = "kemenpanrb". */
export const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

const STOP_WORDS = new Set(['dan', 'serta', 'atau', 'the', 'and', 'of', 'di', 'ri']);
const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP_WORDS.has(w));

interface Named<T> {
  name: string;
  words: string[];
  ref: T;
}

/** Names (and aliases) of one kind of thing: exact look-up by key, word-subset, suggestions. */
export class NameIndex<T extends { id: number }> {
  private readonly exact = new Map<string, T>();
  private readonly shown: Named<T>[] = [];
  private readonly memo = new Map<string, Lookup<T>>();

  /** `shown` names are offered as suggestions and used for word matching; aliases only match. */
  add(name: string, ref: T, shown = true): void {
    const k = key(name);
    if (k && !this.exact.has(k)) this.exact.set(k, ref);
    if (shown) this.shown.push({ name, words: wordsOf(name), ref });
  }

  has(name: string): T | undefined {
    return this.exact.get(key(name));
  }

  /**
   * `variants` yields the forms to try, most literal first. `minWords`: how many words a cell
   * needs before a unique "all its words are in one name" match counts (0 = never).
   */
  find(text: string, variants: (text: string) => Iterable<string>, minWords: number): Lookup<T> {
    // Offices repeat the same names row after row: each distinct cell is resolved once.
    const memoKey = `${minWords}|${text}`;
    const cached = this.memo.get(memoKey);
    if (cached) return cached;
    const result = this.resolve(text, variants, minWords);
    if (this.memo.size < 10_000) this.memo.set(memoKey, result);
    return result;
  }

  private resolve(text: string, variants: (text: string) => Iterable<string>, minWords: number): Lookup<T> {
    // Word matches and suggestions use the cell's first form: a unit without "Kota Tangerang"
    // after it, so the region's words neither block a match nor pull towards the Pemkot.
    let first: string | null = null;
    for (const v of variants(text)) {
      first ??= v;
      const found = this.exact.get(key(v));
      if (found) return { found };
    }
    const words = wordsOf(first || text);
    if (minWords > 0 && words.length >= minWords) {
      const holders = new Map<number, Named<T>>();
      for (const n of this.shown) if (words.every((w) => n.words.includes(w))) holders.set(n.ref.id, n);
      if (holders.size === 1) return { found: [...holders.values()][0].ref };
    }
    return { found: null, ...this.suggest(first || text) };
  }

  /** A near spelling of a name, else the name that shares most of the cell's words. */
  suggest(text: string): { suggestion: string | null; nearSpelling: boolean } {
    const near = closest(
      text,
      this.shown.map((n) => n.name),
    );
    if (near) return { suggestion: near, nearSpelling: true };
    const words = new Set(wordsOf(text));
    if (words.size === 0) return { suggestion: null, nearSpelling: false };
    let best: Named<T> | null = null;
    let bestScore = 0;
    for (const n of this.shown) {
      const shared = n.words.filter((w) => words.has(w)).length;
      const score = shared / new Set([...words, ...n.words]).size;
      if (score > bestScore) [best, bestScore] = [n, score];
    }
    return { suggestion: best && bestScore >= 0.34 ? best.name : null, nearSpelling: false };
  }
}

const dropBracket = (s: string) => s.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
const bracket = (s: string) => /\(([^)]+)\)/.exec(s)?.[1].trim() ?? null;

/** The ways a giver's name hides its body: a bracket, an office of it, "RI", extra words. */
export function* giverVariants(text: string): Generator<string> {
  const t = text.trim();
  yield t;
  const inner = bracket(t);
  const outer = dropBracket(t);
  if (outer !== t) yield outer;
  if (inner) yield inner;
  // "Ombudsman RI Perwakilan Prov. Banten", "BKN Kanreg III", "Kanwil Kemenkumham Banten".
  const office =
    /\s+(?:perwakilan|kanreg|kantor\s+regional|kanwil|kantor\s+wilayah|wilayah|prov\.?|provinsi|deputi|kedeputian|direktorat|ditjen)\b.*$/i;
  const base = outer.replace(office, '').replace(/^(?:kanwil|kantor\s+wilayah)\s+/i, '');
  if (base !== outer) yield base;
  const bare = base.replace(/\s+(?:ri|republik\s+indonesia)$/i, '');
  if (bare !== base) yield bare;
  // Last: drop trailing words one at a time ("BKN Regional III Jakarta" → "BKN").
  const words = bare.split(/\s+/);
  for (let n = words.length - 1; n >= 1 && n >= words.length - 3; n--) yield words.slice(0, n).join(' ');
}

/** The ways an office names a unit: with the region, the Setda it sits in, an UPT prefix. */
export function unitVariantsFor(regionName: string, acronyms: Map<string, string[]>) {
  const bare = regionName.replace(/^(kota|kabupaten|provinsi)\s+/i, '');
  const esc = bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const regionTail = new RegExp(
    `\\s*[-–,]?\\s*(?:(?:pemerintah\\s+)?(?:kota|kabupaten|kab\\.?)|pemkot|pemkab)\\s+${esc}$`,
    'i',
  );
  const setdaTail = /\s*[-–,]?\s*(?:setda|setdakot|setdakab|sekretariat\s+daerah)$/i;
  const prefix = /^(?:upt|uptd|unit\s+pelaksana\s+teknis(?:\s+daerah)?)\s+/i;
  return function* unitVariants(text: string): Generator<string> {
    const forms = [text.trim()];
    const inner = bracket(text);
    if (inner) forms.push(dropBracket(text), inner);
    for (const form of forms) {
      let s = form;
      for (let i = 0; i < 3; i++)
        s = s.replace(regionTail, '').replace(setdaTail, '').replace(prefix, '').trim();
      yield s;
      for (const full of acronyms.get(key(s)) ?? []) yield full;
    }
  };
}

/** Fields are headed "Bidang Kesehatan", "Urusan Pendidikan". */
export function* fieldVariants(text: string): Generator<string> {
  const s = text.replace(/^(?:bidang|urusan|sektor|sub\s*bidang)\s+/i, '');
  yield s;
  if (s !== text) yield text;
}
