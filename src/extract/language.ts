// Extraction rules are Indonesian; an English (or any other) article must yield nothing rather
// than a guess. Function words are a cheap, reliable signal over a few hundred words.

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

export function isIndonesian(text: string): boolean {
  const sample = text.length > 2500 ? text.slice(0, 2500) : text;
  let id = 0;
  let en = 0;
  for (const w of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (ID_WORDS.has(w)) id++;
    else if (EN_WORDS.has(w)) en++;
  }
  return id >= 3 && id > en;
}
