// Finding regions in text: "Pemerintah Kabupaten (Pemkab) Nagan Raya", "Wali Kota Tangerang",
// "Pemko Payakumbuh", "Tangsel", "Kota Hujan". The index is built once — a Map from the lowercased
// words of a name to its regions — and the text is scanned token by token, trying the longest
// name first, so the cost per article does not grow with the number of regions.
import { WordFilter, Words } from '../scan.ts';
import { allRegions, type Region, type RegionKind } from './data.ts';

export type { Region, RegionKind } from './data.ts';

export interface RegionMention {
  /** The region meant, or null when the words fit several (bare "Tangerang", "Gorontalo"). */
  region: Region | null;
  /** Every region the words could mean (one when resolved). */
  candidates: Region[];
  start: number;
  end: number;
  /** The text as written, kind word included: "Pemkab Nagan Raya". */
  written: string;
  /** How the kind was known: said in a word before the name, by the head's title, or not at all. */
  by: 'kind' | 'head' | 'alias' | 'bare';
}

/** Words before a name that say its kind. Head titles are kept apart: the head is not the region. */
const KIND_WORDS: Record<string, RegionKind> = {
  kota: 'kota',
  kotamadya: 'kota',
  pemkot: 'kota',
  pemko: 'kota',
  walikota: 'kota',
  kabupaten: 'kabupaten',
  kab: 'kabupaten',
  pemkab: 'kabupaten',
  bupati: 'kabupaten',
  provinsi: 'provinsi',
  prov: 'provinsi',
  pemprov: 'provinsi',
  gubernur: 'provinsi',
};
const HEAD_WORDS = new Set(['walikota', 'bupati', 'gubernur']);

/** A name after these words is a place inside a region or an institution, not the region itself. */
const NOT_REGION_BEFORE = new Set([
  'kecamatan',
  'kelurahan',
  'desa',
  'jalan',
  'jl',
  'kampung',
  'dusun',
  'stasiun',
  'bandara',
  'pelabuhan',
  'universitas',
  'pt',
  'cv',
  'hotel',
  'pasar',
  'gunung',
  'pantai',
  'sungai',
]);

/**
 * Short, colloquial and epithet names, to the official name they stand for. Kind-free aliases
 * ("Tangsel") resolve alone; those starting with "kota" are epithets said as a whole.
 */
const ALIASES: Record<string, string> = {
  tangsel: 'Kota Tangerang Selatan',
  solo: 'Kota Surakarta',
  jakpus: 'Kota Administrasi Jakarta Pusat',
  jakut: 'Kota Administrasi Jakarta Utara',
  jakbar: 'Kota Administrasi Jakarta Barat',
  jaksel: 'Kota Administrasi Jakarta Selatan',
  jaktim: 'Kota Administrasi Jakarta Timur',
  jakarta: 'Provinsi DKI Jakarta',
  dki: 'Provinsi DKI Jakarta',
  'dki jakarta': 'Provinsi DKI Jakarta',
  diy: 'Provinsi DI Yogyakarta',
  'di yogyakarta': 'Provinsi DI Yogyakarta',
  jabar: 'Provinsi Jawa Barat',
  jateng: 'Provinsi Jawa Tengah',
  jatim: 'Provinsi Jawa Timur',
  ntb: 'Provinsi Nusa Tenggara Barat',
  ntt: 'Provinsi Nusa Tenggara Timur',
  sumut: 'Provinsi Sumatera Utara',
  sumbar: 'Provinsi Sumatera Barat',
  sumsel: 'Provinsi Sumatera Selatan',
  kalbar: 'Provinsi Kalimantan Barat',
  kalteng: 'Provinsi Kalimantan Tengah',
  kalsel: 'Provinsi Kalimantan Selatan',
  kaltim: 'Provinsi Kalimantan Timur',
  kaltara: 'Provinsi Kalimantan Utara',
  sulut: 'Provinsi Sulawesi Utara',
  sulteng: 'Provinsi Sulawesi Tengah',
  sulsel: 'Provinsi Sulawesi Selatan',
  sultra: 'Provinsi Sulawesi Tenggara',
  sulbar: 'Provinsi Sulawesi Barat',
  babel: 'Provinsi Kepulauan Bangka Belitung',
  'bangka belitung': 'Provinsi Kepulauan Bangka Belitung',
  kepri: 'Provinsi Kepulauan Riau',
  malut: 'Provinsi Maluku Utara',
  'kota hujan': 'Kota Bogor',
  'kota bengawan': 'Kota Surakarta',
  'kota pahlawan': 'Kota Surabaya',
  'kota kembang': 'Kota Bandung',
  'kota gudeg': 'Kota Yogyakarta',
  'kota atlas': 'Kota Semarang',
  'kota daeng': 'Kota Makassar',
  'kota seribu industri': 'Kota Tangerang',
  'kota akhlakul karimah': 'Kota Tangerang',
};

interface Index {
  byCode: Map<string, Region>;
  byName: Map<string, Region>;
  longest: number;
  /**
   * Every first-k-words of a name, so a scan stops at the first word that starts none; with the
   * name's entry when the prefix is a whole name (one look-up per word, not two).
   */
  prefixes: Map<string, { regions: Region[]; alias: boolean } | null>;
  /** A cheap first test of a word against the first words of names, before the Set look-up. */
  firstWords: WordFilter;
}

let index: Index | null = null;

function buildIndex(): Index {
  const byCode = new Map<string, Region>();
  const byName = new Map<string, Region>();
  // Lowercased name words ("tangerang selatan") → regions; aliases → their one region.
  const words = new Map<string, { regions: Region[]; alias: boolean }>();
  const add = (key: string, r: Region, alias: boolean) => {
    const e = words.get(key);
    if (!e) words.set(key, { regions: [r], alias });
    else if (!e.regions.includes(r)) e.regions.push(r);
  };
  for (const r of allRegions()) {
    byCode.set(r.code, r);
    byName.set(r.name.toLowerCase(), r);
    const key = tokensOf(r.core).join(' ');
    add(key, r, false);
    // "Gunungkidul" and "Gunung Kidul" are both written.
    if (key.includes(' ')) add(key.replace(/ /g, ''), r, false);
  }
  for (const [alias, name] of Object.entries(ALIASES)) {
    const r = byName.get(name.toLowerCase());
    if (!r) throw new Error(`gazetteer alias "${alias}" names unknown region "${name}"`);
    words.set(alias, { regions: [r], alias: true });
  }
  let longest = 1;
  const prefixes = new Map<string, { regions: Region[]; alias: boolean } | null>();
  for (const k of words.keys()) {
    const parts = k.split(' ');
    longest = Math.max(longest, parts.length);
    for (let j = 1; j <= parts.length; j++) {
      const p = parts.slice(0, j).join(' ');
      prefixes.set(p, words.get(p) ?? null);
    }
  }
  const firstWords = new WordFilter([...words.keys()].map((k) => k.split(' ')[0]));
  return { byCode, byName, longest, prefixes, firstWords };
}

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

function tokensOf(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** "36.71" → Kota Tangerang; null for a code the gazetteer does not know. */
export function regionByCode(code: string): Region | null {
  return getIndex().byCode.get(code.trim()) ?? null;
}

/** An official name ("Kota Tangerang", "Provinsi Banten", any case) → its region. */
export function regionByName(name: string): Region | null {
  return getIndex().byName.get(name.trim().replace(/\s+/g, ' ').toLowerCase()) ?? null;
}

/** A word of the text; its lower case is made only when asked (most words are never looked up). */
class Token {
  private lower: string | undefined;
  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}
  get word(): string {
    this.lower ??= this.text.slice(this.start, this.end).toLowerCase();
    return this.lower;
  }
  /** Capitalised as written ("Batu", not "batu"). */
  get upper(): boolean {
    return this.text[this.start] !== this.word[0];
  }
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const w = new Words(text); w.next(); ) out.push(new Token(text, w.start, w.end));
  return out;
}

/** The kind said just before token `i` ("Kota", "Pemkab", "Wali Kota", "Pemerintah Kabupaten (Pemkab)"). */
function kindBefore(
  text: string,
  toks: Token[],
  lo: number,
  i: number,
): { kind: RegionKind; head: boolean; at: number } | null {
  const prev = tokenAt(toks, lo, i - 1);
  if (!prev) return null;
  // Only a space, the dot of "Kab." or the bracket of "(Pemkab)" may stand between the kind and
  // the name; a comma ends it ("kategori kabupaten, Mojokerto …").
  const gap = text.slice(prev.end, toks[i].start).trim();
  if (gap !== '' && gap !== '.' && gap !== ')') return null;
  const kind = KIND_WORDS[prev.word];
  if (!kind) return null;
  // "Wali Kota X" is the head: "wali" before "kota".
  const before = tokenAt(toks, lo, i - 2);
  const head =
    HEAD_WORDS.has(prev.word) ||
    (prev.word === 'kota' && before?.word === 'wali' && adjacent(text, before, prev));
  let at = before && head && prev.word === 'kota' ? before.start : prev.start;
  // "Pemerintah Kabupaten (Pemkab) Nagan Raya": take the whole phrase.
  if (
    (prev.word.startsWith('pem') || prev.word === 'prov') &&
    before &&
    /^(?:kota|kabupaten|provinsi)$/.test(before.word)
  ) {
    const p2 = tokenAt(toks, lo, i - 3);
    at = p2?.word === 'pemerintah' ? p2.start : before.start;
  } else if (before?.word === 'pemerintah' && !head) at = before.start;
  return { kind, head, at };
}

/** Token `j`, or undefined before `lo`: the start of the span being read. */
function tokenAt(toks: Token[], lo: number, j: number): Token | undefined {
  return j >= lo ? toks[j] : undefined;
}

function adjacent(text: string, a: Token, b: Token): boolean {
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 160) return false;
  }
  return true;
}

/** Every region named in `text`, in order, each with its span. Pure; fast (one pass, Map look-ups). */
export function findRegions(text: string): RegionMention[] {
  const toks = tokenize(text);
  return matchTokens(text, toks, 0, toks.length, 0);
}

/**
 * An article read once for regions: every mention in it, and the mentions of any span of it
 * (a sentence) exactly as findRegions(span) would give them, from the same words — so the
 * document pass does not tokenize each sentence again.
 */
export interface RegionIndex {
  all: RegionMention[];
  within(start: number, end: number): RegionMention[];
}

export function indexRegions(text: string): RegionIndex {
  const toks = tokenize(text);
  return {
    all: matchTokens(text, toks, 0, toks.length, 0),
    within(start, end) {
      const lo = firstEndingAfter(toks, start);
      const hi = firstEndingAfter(toks, end);
      // A word cut by the span's edge is another word inside it: read the span by itself.
      const cut = (lo < toks.length && toks[lo].start < start) || (hi < toks.length && toks[hi].start < end);
      if (cut) return findRegions(text.slice(start, end));
      return matchTokens(text, toks, lo, hi, start);
    },
  };
}

/** The first token that ends after `at` (binary search: tokens are in order). */
function firstEndingAfter(toks: Token[], at: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The mentions among tokens lo..hi-1 of `text`, with offsets less `base`. Tokens before `lo`
 * are not looked at, so a span reads as if it were the whole text.
 */
function matchTokens(text: string, toks: Token[], lo: number, hi: number, base: number): RegionMention[] {
  const idx = getIndex();
  const out: RegionMention[] = [];
  for (let i = lo; i < hi; i++) {
    // Longest match first, growing the key word by word while it is still a prefix of a name.
    let hit: { regions: Region[]; alias: boolean } | undefined;
    let n = 0;
    if (!idx.firstWords.mayHaveAnyCase(text, toks[i].start, toks[i].end)) continue;
    let key = toks[i].word;
    for (let len = 1; len <= idx.longest && i + len <= hi; len++) {
      if (len > 1) {
        if (!adjacent(text, toks[i + len - 2], toks[i + len - 1])) break;
        key = `${key} ${toks[i + len - 1].word}`;
      }
      const found = idx.prefixes.get(key);
      if (found === undefined) break;
      if (found) {
        hit = found;
        n = len;
      }
    }
    if (!hit) continue;
    const first = toks[i];
    const last = toks[i + n - 1];
    const prevWord = i > lo ? toks[i - 1].word : undefined;
    if (prevWord && NOT_REGION_BEFORE.has(prevWord)) {
      i += n - 1;
      continue;
    }
    const said = kindBefore(text, toks, lo, i);
    let candidates = hit.regions;
    let by: RegionMention['by'] = hit.alias ? 'alias' : 'bare';
    let start = first.start;
    if (said) {
      const ofKind = candidates.filter((r) => r.kind === said.kind);
      if (ofKind.length > 0) {
        candidates = ofKind;
        by = said.head ? 'head' : 'kind';
        start = said.at;
      }
    } else if (!hit.alias && !first.upper) {
      // A bare lowercase word ("batu", "padang") is a common noun, not a place.
      continue;
    }
    // "se-Jawa Tengah", "tingkat Provinsi Banten": a scope, still reported; callers decide.
    out.push({
      region: candidates.length === 1 ? candidates[0] : null,
      candidates,
      start: start - base,
      end: last.end - base,
      written: text.slice(start, last.end),
      by,
    });
    i += n - 1;
  }
  return out;
}
