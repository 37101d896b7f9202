// Near-duplicate articles: the same press release republished by several outlets with a new
// headline, a different first line or a trimmed ending. Each article's text becomes a set of
// word 4-shingles; a MinHash signature (64 hash functions) estimates how much two sets overlap,
// and LSH banding (32 bands of 2) turns the signature into 32 keys stored per article, so the
// articles sharing a key are found with one indexed look-up. Two articles that share
// NEAR_DUPLICATE_BANDS or more keys have a Jaccard similarity of about one half or more (one
// outlet's headline, byline and a reworded sentence leave a republished release well above it;
// two different releases of one pemda share a closing line or two, well below). Pure.
import { normalizeText } from './fingerprint.ts';

const SHINGLE = 4;
const BANDS = 32;
const ROWS = 2;
const HASHES = BANDS * ROWS;
/** Shared band keys that make two articles near-duplicates (P(match) per band = Jaccard²: 8 of 32 ≈ 0.5). */
export const NEAR_DUPLICATE_BANDS = 8;

/** 32-bit FNV-1a. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// One seed per hash function, fixed so that keys stored years ago still compare.
const SEEDS = Array.from({ length: HASHES }, (_, i) => fnv1a(`prestasi-minhash-${i}`) | 1);

/** A 32-bit mix of x with a seed (multiply–xorshift), a cheap stand-in for a hash family. */
function mix(x: number, seed: number): number {
  let h = Math.imul(x ^ seed, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, seed);
  return (h ^ (h >>> 13)) >>> 0;
}

export function shingles(text: string): Set<number> {
  const words = normalizeText(text).split(' ').filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  return out;
}

export function signature(text: string): number[] | null {
  const set = shingles(text);
  // Too short to tell a republished release from two different notes that share a phrase.
  if (set.size < 12) return null;
  const sig = new Array<number>(HASHES).fill(0xffffffff);
  for (const x of set)
    for (let i = 0; i < HASHES; i++) {
      const v = mix(x, SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  return sig;
}

/** The LSH keys of an article: "band:hash of its rows"; empty for very short texts. */
export function articleBands(text: string): string[] {
  const sig = signature(text);
  if (!sig) return [];
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++)
    out.push(`${b}:${fnv1a(sig.slice(b * ROWS, (b + 1) * ROWS).join(',')).toString(36)}`);
  return out;
}
