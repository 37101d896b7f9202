// Field readers over one clause of an award sentence: score, grade, category, level, year,
// programme and recipient. Each is a small precompiled pattern; order of checks encodes priority.

import { parseDecimal } from './numbers.ts';
import { LATIN, LATIN_OR_DIGIT } from './scan.ts';
import type { Level } from './types.ts';

const SCORE_RE = new RegExp(
  String.raw`\b(?:nilai|skor|score|indeks|IKM|poin)(?:(?:\s+[${LATIN}]+){0,5}?\s+(?:sebesar|mencapai|yakni|yaitu|adalah)|\s+[A-Z]{2,6}|\s+akhir|(?:\s+[${LATIN}]+){1,2})?\s*:?\s*(\d{1,3}(?:[.,]\d{1,3})?)(?![\d.,]*\d)`,
  'gi',
);

/** The first score in `text` that is not a previous year's ("sebelumnya 93.21"). */
export function findScore(text: string): number | null {
  SCORE_RE.lastIndex = 0;
  for (let m = SCORE_RE.exec(text); m; m = SCORE_RE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (/\b(sebelumnya|tahun\s+lalu|semula|dari\s*$)/i.test(before + m[0])) continue;
    const v = parseDecimal(m[1]);
    if (v !== null && v <= 1000) return v;
  }
  return null;
}

// Each pattern with the lower-case words one of which it needs: most clauses contain none, and a
// substring test is far cheaper than running the pattern.
const GRADE_RES: Array<[RegExp, (m: RegExpExecArray) => string, string[]]> = [
  [/\b[Kk]ategori\s+([A-E])(?![\p{L}\p{N}])/gu, (m) => `Kategori ${m[1]}`, ['kategori']],
  [/\bSwasti\s+Saba\s+(Padapa|Wiwerda|Wistara)\b/gi, (m) => `Swasti Saba ${cap(m[1])}`, ['swasti']],
  [/\bakreditasi\s+(Paripurna|Utama|Madya|Dasar)\b/gi, (m) => cap(m[1]), ['akreditasi']],
  [/\bZona\s+(Hijau|Kuning|Merah)\b/gi, (m) => `Zona ${cap(m[1])}`, ['zona']],
  [
    /\b(?:opini|predikat|status)\s+(?:Wajar\s+Tanpa\s+Pengecualian(?:\s*\(WTP\))?|WTP)|\bWajar\s+Tanpa\s+Pengecualian\b|\bWTP\b/gi,
    () => 'Opini WTP',
    ['wtp', 'wajar'],
  ],
  [
    /\b(?:predikat|kategori|peringkat)\s+(Utama|Nindya|Madya|Pratama)\b/gi,
    (m) => cap(m[1]),
    ['predikat', 'kategori', 'peringkat'],
  ],
  [/\bTuntas\s+(Paripurna|Utama|Madya|Muda|Pratama)\b/gi, (m) => `Tuntas ${cap(m[1])}`, ['tuntas']],
  [
    /\b(?:[Pp]redikat(?:\s+Badan\s+Publik)?|[Kk]ategori)\s+(AA|A|BB|B|CC|C|Pelayanan\s+Prima|Sangat\s+Baik|Baik|Sangat\s+Inovatif|Inovatif|Sangat\s+Baik|Informatif|Menuju\s+Informatif|Cukup\s+Informatif|Kepatuhan\s+Tinggi|Sangat\s+Memuaskan|Memuaskan)(?![\p{L}\p{N}])/gu,
    (m) => m[1].replace(/\s+/g, ' '),
    ['predikat', 'kategori'],
  ],
  [/\b(WBBM|WBK)\b/gu, (m) => m[1], ['wbk', 'wbbm']],
];
const wordsRe = (words: string[]) => new RegExp(words.join('|'), 'i');
const GRADE_HINT = wordsRe([...new Set(GRADE_RES.flatMap(([, , words]) => words))]);
const GRADE_HINTS = GRADE_RES.map(([, , words]) => wordsRe(words));

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/**
 * The Ombudsman's compliance opinion ("Opini Kualitas Tinggi"): it says how well, like a grade,
 * but the seed reports file only its category and zone as the grade, so it is not one here.
 */
export const OMBUDSMAN_OPINION = /\bOpini\s+Kualitas\s+(?:Tertinggi|Tinggi|Sedang|Rendah|Terendah)\b/gi;

/** "Kategori A Zona Hijau", "Opini WTP", "Utama" (KLA), "AA" (SAKIP): parts in text order. */
export function findGrade(text: string): { grade: string; spans: Array<[number, number]> } | null {
  if (!GRADE_HINT.test(text)) return null;
  const parts: Array<[number, string, number]> = [];
  for (let i = 0; i < GRADE_RES.length; i++) {
    const [re, fmt] = GRADE_RES[i];
    if (!GRADE_HINTS[i].test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      parts.push([m.index, fmt(m), m.index + m[0].length]);
    }
  }
  if (parts.length === 0) return null;
  parts.sort((a, b) => a[0] - b[0]);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [, g] of parts) {
    if (seen.has(g)) continue;
    seen.add(g);
    out.push(g);
  }
  // "Kategori A" also reads as predicate "A"; keep the fuller form only.
  const kept = out.filter((g) => !out.some((o) => o !== g && o.endsWith(` ${g}`)));
  return { grade: kept.join(' '), spans: parts.map(([s, , e]) => [s, e]) };
}

const CATEGORY_RE = new RegExp(
  String.raw`\bkategori\s+(?!(?:[A-E]|utama|nindya|madya|pratama)(?![${LATIN_OR_DIGIT}]))([^,.;:()]+?)(?=\s+(?:dari|oleh|pada|di|dengan|tingkat|tahun|dalam|yang\s+di\w+|se-?\w+)\b|[,.;:()]|$)`,
  'i',
);

export function findCategory(text: string): string | null {
  const m = CATEGORY_RE.exec(text);
  return m ? m[1].trim() : null;
}

const LEVEL_RE =
  /\b(?:tingkat|level|skala|kancah|ajang)\s+(nasional|internasional|dunia|asia(?:\s+tenggara)?|asean|global|regional|provinsi|kabupaten\/kota|kota|kabupaten)\b/i;

export function findLevel(text: string): Level | null {
  const m = LEVEL_RE.exec(text);
  if (!m) return null;
  const w = m[1].toLowerCase();
  if (/^(internasional|dunia|asia|asean|global)/.test(w)) return 'internasional';
  if (w === 'kota' || w === 'kabupaten' || w === 'kabupaten/kota') return 'kabupaten/kota';
  return w as Level;
}

/** Level from the award's own name when no "tingkat …" and no giver says it. */
export function levelFromTitle(title: string): Level | null {
  if (/\b(provinsi|porprov|gubernur|tingkat\s+provinsi)\b/i.test(title)) return 'provinsi';
  if (/\b(internasional|international|asean|asia|dunia|world)\b/i.test(title)) return 'internasional';
  if (/\b(nasional|national|indonesia)\b/i.test(title)) return 'nasional';
  return null;
}

const TITLE_YEAR_RE = /(?:\b(?:tahun|edisi|periode|awards?|award)\s+|\b)((?:19|20)\d{2})\b/i;

/** An edition year written inside the award's name: "SPM Awards 2025", "Porprov … Tahun 2022". */
export function yearInTitle(title: string): number | null {
  const m = TITLE_YEAR_RE.exec(title);
  return m ? Number(m[1]) : null;
}

const FISCAL_YEAR_RE = /\b(?:Tahun\s+Anggaran|TA\.?|LKPD(?:\s+Tahun)?)\s+((?:19|20)\d{2})\b/u;

/** "opini WTP atas LKPD Tahun Anggaran 2024": the year assessed, not the year handed over. */
export function fiscalYear(text: string): number | null {
  const m = FISCAL_YEAR_RE.exec(text);
  return m ? Number(m[1]) : null;
}

const SENTENCE_YEAR_RE = /\b(?:tahun|sepanjang|periode|edisi)\s+(?:tahun\s+)?((?:19|20)\d{2})\b/i;

export function yearInSentence(text: string): number | null {
  const m = SENTENCE_YEAR_RE.exec(text);
  return m ? Number(m[1]) : null;
}

const PREVIOUS_YEAR_RE = /\bsebelumnya\b(?:[^.\n]|\.\d){0,40}?\btahun\s+((?:19|20)\d{2})\b/i;

/** "nilai yang sebelumnya 93.21 di tahun 2023" → this assessment is for 2024. */
export function yearAfterPrevious(text: string): number | null {
  const m = PREVIOUS_YEAR_RE.exec(text);
  return m ? Number(m[1]) + 1 : null;
}

const PROGRAMME_RE =
  /\b(?:dalam|pada|di)\s+(?:ajang|perhelatan|gelaran|kompetisi|lomba|acara|event|program|penganugerahan|anugerah|penilaian|malam\s+penganugerahan)\s+(.+)$/i;

/** "Juara 1 dalam ajang SPM Awards 2025 kategori kota" → "SPM Awards 2025 kategori kota". */
export function splitProgramme(object: string): { head: string; programme: string | null } {
  const m = PROGRAMME_RE.exec(object);
  if (!m) return { head: object, programme: null };
  return { head: object.slice(0, m.index).trim(), programme: m[1].trim() };
}

const UNIT =
  '(?:Puskesmas|Dinas|Badan|Kecamatan|Kelurahan|Desa|RSUD|RSU|UPTD|UPT|Bagian|Inspektorat|Sekretariat|Satpol\\s+PP|BPBD|Bapenda|Bappeda|BKPSDM|BKPP|DPMPTSP|Disdukcapil|Dinkes|Diskominfo|Dishub|Disdik|Dinsos|Perumda|PDAM|SMPN|SMAN|SDN|SMKN|Posyandu|Pustu|Kantor|Rumah\\s+Sakit|Mal\\s+Pelayanan\\s+Publik|MPP|Tim|TP\\s+PKK|PKK|Polres|Kejari)';
const CAPWORD = "[\\p{Lu}\\p{N}][\\p{L}\\p{N}'’./-]*";
const RECIPIENT_RE = new RegExp(
  [
    `(?:Pemerintah\\s+(?:Kota|Kabupaten|Provinsi)\\s*(?:\\([^)]{2,12}\\)\\s*)?${CAPWORD}(?:\\s+${CAPWORD})?(?:\\s+melalui\\s+${UNIT}(?:\\s+${CAPWORD}){0,5})?)`,
    `(?:Pem(?:kot|kab|prov)\\s+${CAPWORD}(?:\\s+${CAPWORD})?(?:\\s+melalui\\s+${UNIT}(?:\\s+${CAPWORD}){0,5})?)`,
    `(?:${UNIT}(?:\\s+(?:(?:dan|&)\\s+)?(?:\\([^)]{2,15}\\)|${CAPWORD})){0,7})`,
    `(?:(?:Wali\\s+Kota|Wakil\\s+Wali\\s+Kota|Bupati|Gubernur|Sekda|Kepala\\s+${UNIT}(?:\\s+${CAPWORD}){0,3}|Camat|Lurah|dr\\.|drg\\.|Ibu|Bapak)(?:\\s+${CAPWORD}){1,5})`,
    `(?:(?:Kota|Kabupaten|Provinsi)\\s+${CAPWORD}(?:\\s+${CAPWORD})?)`,
  ].join('|'),
  'u',
);

const LEAD_IN = new RegExp(
  String.raw`^(?:[${LATIN}\s]{3,40}(?:\([^)]*\))?\s*[–—-]\s*|(?:kali\s+ini|selain\s+itu|sementara\s+itu|sedangkan|adapun|tak\s+hanya\s+itu|tidak\s+hanya\s+itu|di\s+samping\s+itu|pada\s+kesempatan\s+(?:tersebut|itu|ini)|dari\s+[^,]{1,40}|di\s+[^,]{1,60}|sepanjang[^,]{1,30}|pada[^,]{1,40}|dalam[^,]{1,60})\s*,\s*)`,
  'i',
);

const APPOSITIVE =
  /(?:^|,\s*)((?:Kepala|Direktur|Ketua|guru|Guru|siswa|Siswa|pegawai|staf|Camat|Lurah|Sekretaris)\b[^,]{2,60}),\s*((?:(?:dr|drg|Ir|H|Hj|Dr|Prof)\.\s*)?\p{Lu}[\p{L}.']+(?:\s+\p{Lu}[\p{L}.']+){1,3}),?\s*$/u;

const NAME_THEN_ROLE =
  /^((?:(?:dr|drg|Ns|Ir|H|Hj|Dr|Prof)\.\s*)?\p{Lu}[\p{L}.']+(?:\s+\p{Lu}[\p{L}.']+){1,3}(?:,\s*(?:S|A|M|dr)\.[\p{L}.]+)*),\s*((?:guru|perawat|bidan|dokter|kepala|siswa|siswi|pegawai|staf|kader|lurah|camat|petugas|penyuluh|pendamping)\b[^,]{2,80}),?\s*$/u;

/** Who received it, from the words before the verb: a region, a unit, or a person. */
export function findRecipient(subject: string): string | null {
  let s = subject.trim().replace(/^["“]/, '');
  for (let i = 0; i < 3; i++) {
    const m = LEAD_IN.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  // "Kepala Puskesmas Neglasari, dr. Rina Marlina,": the person, with the role kept.
  const person = APPOSITIVE.exec(s);
  if (person) return `${person[2].trim()} (${person[1].trim()})`;
  // "Siti Nurhaliza, guru Bahasa Indonesia di SMP Negeri 4 Kota Tangerang,": name first.
  const named = NAME_THEN_ROLE.exec(s);
  if (named) return `${named[1].trim()} (${named[2].trim()})`;
  if (/^(?:setiap|tiap|para|seluruh|semua|sejumlah|banyak|daerah|pemerintah\s+daerah|yang)\b/i.test(s))
    return null;
  const m = RECIPIENT_RE.exec(s);
  if (m)
    return m[0]
      .replace(/\s+/g, ' ')
      .replace(/[.,]+$/, '')
      .trim();
  const words = s
    .replace(/\b(?:kembali|berhasil|sukses|juga|telah|pun|turut|mampu|sudah|akhirnya|kini|resmi)\b/gi, ' ')
    .trim()
    .split(/\s+/);
  const tail = words.slice(-5).join(' ');
  return /^[\p{Lu}]/u.test(tail) && tail.length > 2 ? tail.replace(/[.,]+$/, '') : null;
}

/** True when the subject is generic ("setiap daerah yang …"): a general statement, not a receipt. */
export function isGenericSubject(subject: string): boolean {
  return /\b(?:setiap|tiap|para\s+(?:kepala\s+daerah|pemenang|peserta)|daerah\s+yang|siapa\s+pun|pemda\s+yang)\b/i.test(
    subject,
  );
}
