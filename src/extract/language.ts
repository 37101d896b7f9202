// Extraction rules are Indonesian; an English (or any other) article must yield nothing rather
// than a guess. Function words are a cheap, reliable signal over a few hundred words.

import { WordFilter, Words } from './scan.ts';

const ID_WORDS = new Set([
  'yang',
  'dan',
  'di',
  'dengan',
  'untuk',
  'dari',
  'pada',
  'ini',
  'itu',
  'dalam',
  'kepada',
  'tersebut',
  'oleh',
  'atas',
  'sebagai',
  'juga',
  'akan',
  'telah',
  'tahun',
  'kota',
  'penghargaan',
  'meraih',
  'bagi',
]);
const EN_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'in',
  'was',
  'with',
  'for',
  'is',
  'on',
  'by',
  'its',
  'has',
  'were',
  'award',
  'received',
  'city',
  'from',
  'at',
  'this',
  'that',
]);

const LISTED = new WordFilter([...ID_WORDS, ...EN_WORDS]);

export function isIndonesian(text: string): boolean {
  const sample = (text.length > 2500 ? text.slice(0, 2500) : text).toLowerCase();
  let id = 0;
  let en = 0;
  for (const at = new Words(sample); at.next(); ) {
    if (!LISTED.mayHave(sample, at.start, at.end)) continue;
    const w = sample.slice(at.start, at.end);
    if (ID_WORDS.has(w)) id++;
    else if (EN_WORDS.has(w)) en++;
  }
  return id >= 3 && id > en;
}
