// The award programme an article is about ("Anugerah Layanan Investasi (ALI) 2024",
// "Innovative Government Award (IGA) 2025", "Penghargaan Pembangunan Daerah (PPD)"): a ranked
// list or a co-recipient sentence often names no award at all, only the places (P1, P2).

const CAP = String.raw`(?:\p{Lu}[\p{L}\p{N}'’/-]*|\(\p{Lu}[\p{L}\p{N}]*\)|(?:19|20)\d\d)`;
const JOIN = String.raw`(?:[ \t]+(?:dan|&|dalam|bagi|untuk|atas)[ \t]+|[ \t]+)`;

/** "Penghargaan Pembangunan Daerah (PPD)", "Anugerah Keterbukaan Informasi Publik". */
const HEADED = new RegExp(
  String.raw`\b(?:Penghargaan|Anugerah|Piala|Lomba|Kompetisi|Penilaian|Evaluasi|Festival)(?:[ \t]+${CAP})(?:${JOIN}${CAP}){0,10}`,
  'gu',
);
/** "Innovative Government Award (IGA) 2025", "UHC Awards", "TOP BUMD Awards 2025". */
const AWARD_TAIL = new RegExp(
  String.raw`(?:${CAP}[ \t]+){1,6}Awards?(?:[ \t]+\(\p{Lu}+\))?(?:[ \t]+(?:19|20)\d\d)?`,
  'gu',
);
/** Headline verbs and subjects before a name: "Tangsel Raih UHC Awards" → "UHC Awards". */
const LEAD_IN =
  /^.*\b(?:Raih|Meraih|Terima|Menerima|Sabet|Menyabet|Borong|Boyong|Bawa|Dapat|Peroleh|Kembali|Juara|Terbaik|Teratas)\s+/u;
/** All-capital words are a dateline or a section name, not a programme's name. */
const SHOUT = /\b\p{Lu}{4,}\b(?![)])/u;

export interface Programme {
  name: string;
  start: number;
  end: number;
}

function clean(name: string): string {
  // A trailing joiner or an unclosed bracket is not part of the name.
  return name
    .replace(LEAD_IN, '')
    .replace(/\s+(?:dan|&|dalam|bagi|untuk|atas)$/u, '')
    .trim();
}

/** Every programme name in `text`, in order. */
export function findProgrammes(text: string): Programme[] {
  const out: Programme[] = [];
  for (const re of [HEADED, AWARD_TAIL]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = clean(m[0]);
      if (name.split(/\s+/).length < 2 || (SHOUT.test(name) && !/\(/.test(name))) continue;
      const start = m.index + m[0].indexOf(name);
      out.push({ name, start, end: start + name.length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The article's programme: the name said most (by its first two words), the earliest on a tie.
 * Null when the article names none.
 */
export function mainProgramme(text: string): Programme | null {
  const all = findProgrammes(text);
  if (all.length === 0) return null;
  const key = (p: Programme) => p.name.toLowerCase().split(/\s+/).slice(0, 2).join(' ');
  const counts = new Map<string, number>();
  for (const p of all) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  let best = all[0];
  for (const p of all) {
    const c = counts.get(key(p)) ?? 0;
    const b = counts.get(key(best)) ?? 0;
    // Prefer the most said; among its sayings, the fullest one (with the acronym and edition).
    if (c > b || (c === b && key(p) === key(best) && p.name.length > best.name.length)) best = p;
  }
  return best;
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
