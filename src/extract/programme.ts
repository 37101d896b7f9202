// The award programme an article is about ("Anugerah Layanan Investasi (ALI) 2024",
// "Innovative Government Award (IGA) 2025", "Penghargaan Pembangunan Daerah (PPD)"): a ranked
// list or a co-recipient sentence often names no award at all, only the places (P1, P2).

const CAP = String.raw`(?:\p{Lu}[\p{L}\p{N}'’/-]*|\(\p{Lu}[\p{L}\p{N}]*\)|(?:19|20)\d\d)`;
const JOIN = String.raw`(?:[ \t]+(?:dan|&|dalam|bagi|untuk|atas)[ \t]+|[ \t]+)`;

/** "Penghargaan Pembangunan Daerah (PPD)", "Anugerah Keterbukaan Informasi Publik". */
const HEADED = new RegExp(
  String.raw`\b(?:Penghargaan|Anugerah|Piala|Lomba|Kompetisi|Penilaian|Evaluasi|Festival)(?:[ \t]+${CAP})(?:${JOIN}${CAP}){0,10}` +
    // "Penilaian Kinerja Satpol PP, Pemadam Kebakaran, dan Penanggulangan Bencana …": a name
    // that coordinates its subjects keeps its commas when they end in "dan".
    String.raw`(?:(?:,[ \t]+${CAP}(?:[ \t]+${CAP}){0,4}){1,4},?[ \t]+dan[ \t]+${CAP}(?:${JOIN}${CAP}){0,8})?`,
  'gu',
);
/**
 * "Innovative Government Award (IGA) 2025", "UHC Awards", "TOP BUMD Awards 2025": found from each
 * "Award" backwards (a regex starting at every capitalised word would backtrack over the text).
 */
const AWARD_WORD = /\bAwards?\b/gu;
const WORDS_BEFORE = new RegExp(String.raw`(?:${CAP}[ \t]+){1,6}$`, 'u');
const AWARD_END = /Awards?(?:[ \t]+\(\p{Lu}+\))?(?:[ \t]+(?:19|20)\d\d)?/uy;
/** Headline verbs and subjects before a name: "Tangsel Raih UHC Awards" → "UHC Awards". */
const LEAD_IN =
  /^.*\b(?:Raih|Meraih|Terima|Menerima|Sabet|Menyabet|Borong|Boyong|Bawa|Dapat|Peroleh|Kembali|Juara|Terbaik|Teratas)\s+/u;
/** All-capital words are a dateline or a section name, not a programme's name. */
const SHOUT = /\b\p{Lu}{4,}\b(?![)])/gu;

/** Mostly shouted ("JAKARTA Anugerah …"), not a name with an acronym in it ("TOP BUMD Awards 2025"). */
function shouted(name: string): boolean {
  const loud = name.match(SHOUT)?.length ?? 0;
  if (loud === 0) return false;
  const words = name.split(/\s+/).length;
  return loud * 2 >= words || (/^\p{Lu}{4,}\b/u.test(name) && !/\bAwards?\b/u.test(name));
}

export interface Programme {
  name: string;
  start: number;
  end: number;
}

function clean(name: string, headed: boolean): string {
  // A trailing joiner or an unclosed bracket is not part of the name. A name that opens with its
  // head word ("Lomba Kecamatan Terbaik …") has no headline verb to cut.
  return (
    name
      .replace(headed ? /^$/u : LEAD_IN, '')
      // "Penghargaan Anugerah Perencanaan Desa": the generic head before the programme's own.
      .replace(
        /^(?:Penghargaan|Penilaian)\s+(?=(?:Anugerah|Piala|Lomba|Kompetisi|Festival|Penghargaan)\b)/u,
        '',
      )
      .replace(/\s+(?:dan|&|dalam|bagi|untuk|atas)$/u, '')
      .trim()
  );
}

/** Every programme name in `text`, in order. */
export function findProgrammes(text: string): Programme[] {
  const out: Programme[] = [];
  const found: Array<{ index: number; text: string; headed: boolean }> = [];
  HEADED.lastIndex = 0;
  for (let m = HEADED.exec(text); m; m = HEADED.exec(text))
    found.push({ index: m.index, text: m[0], headed: true });
  AWARD_WORD.lastIndex = 0;
  for (let m = AWARD_WORD.exec(text); m; m = AWARD_WORD.exec(text)) {
    const from = Math.max(0, m.index - 90);
    const before = WORDS_BEFORE.exec(text.slice(from, m.index));
    AWARD_END.lastIndex = m.index;
    const end = AWARD_END.exec(text);
    if (before && end) found.push({ index: from + before.index, text: before[0] + end[0], headed: false });
  }
  for (const m of found) {
    const name = clean(m.text, m.headed);
    if (name.split(/\s+/).length < 2 || (shouted(name) && !/\(/.test(name))) continue;
    // "Penghargaan Kabupaten …": a head and a kind of region name no programme.
    if (/^\S+\s+(?:Kabupaten|Kota|Provinsi|Daerah|Pemerintah|Khusus)$/u.test(name)) continue;
    const start = m.index + m.text.indexOf(name);
    out.push({ name, start, end: start + name.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The article's programme: the name said most (by its first two words), the earliest on a tie.
 * Null when the article names none.
 */
export function mainProgramme(text: string): Programme | null {
  // "akan diikutsertakan pada ajang UNPSA tahun depan": a programme only hoped for is not the
  // one the article reports (P12).
  const all = findProgrammes(text).filter((p) => !PLANNED.test(sentenceAround(text, p.start)));
  if (all.length === 0) return null;
  const key = (p: Programme) => p.name.toLowerCase().split(/\s+/).slice(0, 2).join(' ');
  const counts = new Map<string, number>();
  for (const p of all) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  // Most said first; then a name with its acronym or edition ("… (ALI) 2024"); then an award's
  // own head word over an evaluation's ("Anugerah …" over "Evaluasi …"); then the earliest.
  const rank = (p: Programme): number[] => [
    counts.get(key(p)) ?? 0,
    /\(\p{Lu}{2,}\)|\b(?:19|20)\d\d\b/u.test(p.name) ? 1 : 0,
    /^(?:Anugerah|Penghargaan|Piala)\b|Awards?\b/u.test(p.name) ? 1 : 0,
    p.name.length,
  ];
  let best = all[0];
  let bestRank = rank(best);
  for (const p of all) {
    const r = rank(p);
    const i = r.findIndex((v, k) => v !== bestRank[k]);
    if (i !== -1 && r[i] > bestRank[i] && (i < 3 || key(p) === key(best))) {
      best = p;
      bestRank = r;
    }
  }
  return best;
}

const PLANNED =
  /\b(?:akan|menargetkan|ditargetkan|berharap|harapannya|semoga|tahun\s+depan|mendatang|diikutsertakan|diusulkan|dijadwalkan)\b/i;

/** The sentence holding `at`: from the last full stop or line break before it to the next one. */
function sentenceAround(text: string, at: number): string {
  let from = at;
  while (from > 0 && !endsSentence(text.charCodeAt(from - 1))) from--;
  let to = at;
  while (to < text.length && !endsSentence(text.charCodeAt(to))) to++;
  return text.slice(from, to);
}

/** . ! ? or a line break (character codes: this runs over every character of a sentence). */
function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10;
}

/** "Sepanjang 2025", "Rabu, 22 Januari 2025": a time, not an award. */
const TIME_WORDS =
  /\b(?:sepanjang|selama|sejak|hingga|tahun|senin|selasa|rabu|kamis|jumat|sabtu|minggu|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|wib)\b/i;

const HEADLINE_NOISE =
  /\b(?:raih|meraih|terima|menerima|sabet|menyabet|borong|memborong|boyong|bawa|dapat|peroleh|kembali|juara(?:\s+umum)?|terbaik|teratas|tertinggi|peringkat\s+\S+|posisi\s+\S+|urutan\s+\S+|umumkan|mengumumkan|sukses|berhasil|lagi|se-\S+|tingkat\s+\S+)\b/giu;

/**
 * The award a headline is about once its places, verbs and ranks are taken out:
 * "Tangsel Teratas, Kota Tangerang Peringkat Dua Keterbukaan Informasi se-Banten" →
 * "Keterbukaan Informasi". `regions` are the spans of region names in the headline.
 */
export function headlineTopic(
  headline: string,
  regions: Array<{ start: number; end: number }>,
): string | null {
  let h = headline;
  for (const r of [...regions].sort((a, b) => b.start - a.start)) {
    h = `${h.slice(0, r.start)} | ${h.slice(r.end)}`;
  }
  h = h.replace(HEADLINE_NOISE, ' | ');
  let best = '';
  for (const chunk of h.split(/[|,:;!?"“”]+|\s-\s|\s–\s/u)) {
    const words = chunk.trim().split(/\s+/).filter(Boolean);
    // "Keterbukaan Informasi se-": small words left at the edges by the cuts are not the name.
    while (words.length > 0 && !/^[\p{Lu}\d(]/u.test(words[words.length - 1])) words.pop();
    while (words.length > 0 && !/^[\p{Lu}\d(]/u.test(words[0])) words.shift();
    const name = words.join(' ');
    const named = words.filter((w) => /^\p{Lu}/u.test(w)).length >= 2;
    const plain = words.every((w) => /^[\p{Lu}\d(]/u.test(w)) && !TIME_WORDS.test(name);
    if (named && plain && name.length > best.length) {
      best = name;
    }
  }
  return best || null;
}
