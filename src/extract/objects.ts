// What follows the verb: the award's name, cut where the giver, place, date or a new clause
// begins, and judged named ("Kota Layak Anak") or generic ("berbagai penghargaan").
import { findGrade, OMBUDSMAN_OPINION } from './fields.ts';
import { findGivers } from './givers.ts';
import { NUMBER_WORD } from './numbers.ts';
import { LATIN } from './scan.ts';

const CUT_RE = new RegExp(
  [
    // A comma between digits is a decimal ("nilai 3,87"), not the end of the name.
    '\\s*(?:,(?!\\d)|[;:])',
    '\\s+yang\\s+(?:di\\w+|ber\\w+|telah|merupakan)',
    '\\s+(?:dari|oleh)\\s+',
    "\\s+pada\\s+(?=(?:hari|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|tanggal|\\d|acara|malam|peringatan|puncak|rapat|rakor|kegiatan|upacara|penyerahan|gelaran|awal|akhir|pertengahan|bulan|tahun\\s+ini))",
    `\\s+di\\s+(?=[${LATIN}])`,
    '\\s+(?:saat|ketika|usai|seusai|setelah|bertempat|berkat|sehingga|karena|sebagai\\s+bentuk|dengan\\s+(?:nilai|skor|indeks|predikat|total|raihan|capaian\\s+nilai))\\b',
    '\\s*\\(\\s*\\d',
    '\\s*[“"”]',
    '\\s+(?:dan|serta)\\s+(?:menjadi|juga|kembali|berhasil|sukses|meraih|menerima)\\b',
  ].join('|'),
  'i',
);

const COORDINATED = /^,(?:[ \t]+[A-Z][\w-]*)+(?:,(?:[ \t]+[A-Z][\w-]*)+)*,?[ \t]+dan(?:[ \t]+[A-Z][\w-]*)+/;

const LEADING =
  /^(?:(?:kembali|juga|pula|sebuah|suatu|salah\s+satu|sebagai|gelar|predikat\s+sebagai|status\s+sebagai|penghargaan\s+sebagai|langsung)\s+)+/i;

export interface ObjectText {
  text: string;
  /** Offset of `text` within the object span. */
  offset: number;
}

/** Remove "dari <giver>" so "penghargaan dari Kemenkeu atas capaian opini WTP" keeps its tail. */
export function cutObject(object: string): ObjectText {
  let text = object.trimStart();
  object = text;
  for (const g of findGivers(object).reverse()) {
    const pre = /\s+(?:dari|oleh)\s+$/i.exec(object.slice(0, g.start));
    if (!pre) continue;
    const tail = object.slice(g.end);
    if (/^\s+(?:atas|untuk|berupa|sebagai|dalam\s+kategori|kategori)\b/i.test(tail)) {
      text = text.slice(0, g.start - pre[0].length) + text.slice(g.end);
    }
  }
  // "Penghargaan Pengelolaan Pasar, Terminal, dan Ruang Terbuka Hijau": a name that coordinates
  // capitalised items keeps its commas.
  let from = 0;
  for (;;) {
    const m = CUT_RE.exec(text.slice(from));
    if (!m) break;
    const at = from + m.index;
    const coord = m[0].trim() === ',' ? COORDINATED.exec(text.slice(at)) : null;
    if (!coord) {
      text = text.slice(0, at);
      break;
    }
    from = at + coord[0].length;
  }
  const lead = LEADING.exec(text);
  const offset = lead ? lead[0].length : 0;
  text = text.slice(offset).replace(/[\s.!?'"“”’]+$/u, '');
  return { text, offset };
}

const GENERIC_HEAD =
  /^(?:(?:berbagai|sejumlah|beberapa|banyak|segudang|deretan|rentetan|puluhan|belasan|ratusan|aneka|macam|sederet)\s+)?(?:penghargaan|apresiasi|prestasi|capaian|pengakuan|hadiah|kado|predikat|sertifikat|piagam|trofi|piala)\b\s*(.*)$/i;
const GENERIC_TAIL =
  /^(?:$|tersebut|ini|itu|yang|dari|kepada|di|pada|sebagai(?!\s+\p{Lu})|karena|lagi|serupa|lain|bergengsi|tertinggi\b(?!\s+\p{Lu})|dalam|untuk|bagi|kembali|lebih|sebanyak|berupa\s+uang|atas\s+(?:kinerja|dedikasi|komitmen|upaya|kerja\s+keras|keberhasilan|prestasi|capaian)\b(?![^.]*\b\p{Lu}{2,}))/u;
const AWARDISH = new RegExp(
  String.raw`(?:penghargaan|anugerah|award|juara|peringkat|terbaik|predikat|opini|sertifikat|piagam|trofi|piala|medali|adipura|wtp|wbk|wbbm|layak\s+anak|kota\s+sehat|swasti\s+saba|peduli|rekor\s+muri|satyalancana|parasamya|nugraha|uhc|universal\s+health|bebas|odf|inovatif|terinovatif|informatif|tuntas|zona|kategori|gelar|pemenang|champion|kalpataru|emas|perak|perunggu|kota\s+[${LATIN}]|kabupaten\s+[${LATIN}]|tertinggi|teladan|berprestasi|\btop\b)`,
  'i',
);

export function isAwardish(text: string): boolean {
  return AWARDISH.test(text);
}

/** "berbagai penghargaan", "penghargaan tersebut", "apresiasi": no award named. */
export function isGeneric(title: string): boolean {
  const m = GENERIC_HEAD.exec(title.trim());
  if (!m) return false;
  return GENERIC_TAIL.test(m[1].trim());
}

const FILLER = new RegExp(
  String.raw`\b(?:dengan|nilai|skor|indeks(?:\s+[${LATIN}]+){0,2}|sebesar|masuk|meraih|mendapat|predikat|opini|kategori|zona|dan|serta|status|capaian|meraih|hasil|poin|atau)\b|[\d.,()%]+`,
  'gi',
);

/** "Kategori A Zona Hijau dengan nilai 94.76": only a grade or score, to add to the award before. */
export function isGradeOnly(object: string): boolean {
  // An audit opinion, an accreditation or a WBK/WBBM status is an award of its own.
  if (
    /\b(?:opini|akreditasi|WBK|WBBM|Wilayah\s+Bebas|Swasti\s+Saba)\b/i.test(object) &&
    !/^\s*Opini\s+Kualitas\b/i.test(object)
  )
    return false;
  // "nilai 97,40 dalam monitoring dan evaluasi …": still only a score for the award before.
  object = object.replace(/\s+(?:dalam|pada|untuk|atas)\s.*$/i, '').replace(OMBUDSMAN_OPINION, ' ');
  const g = findGrade(object);
  let rest = object;
  if (g) for (const [s, e] of [...g.spans].reverse()) rest = rest.slice(0, s) + ' ' + rest.slice(e);
  rest = rest.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  return rest.length === 0 && (g !== null || /\d/.test(object));
}

const COUNT_HEAD = new RegExp(
  `^(?:sebanyak\\s+|tak\\s+kurang\\s+dari\\s+|tidak\\s+kurang\\s+dari\\s+|lebih\\s+dari\\s+|total\\s+)?(?:\\d+|${NUMBER_WORD})\\s+(?:buah\\s+)?(?:penghargaan|trofi|piala|prestasi)\\b`,
  'i',
);

export function isCountObject(object: string): boolean {
  return COUNT_HEAD.test(object.trim());
}
