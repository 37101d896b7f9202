// One event per recipient and award (P11): the sentence pass and the results pass read the same
// award from different sentences — a headline, a ranked list, a quote, a closing line. Events
// credited to the same region whose titles share their content words are one award.
import type { Draft } from './clauses.ts';
import { findGrade, OMBUDSMAN_OPINION } from './fields.ts';
import type { Region } from './regions/gazetteer.ts';

export interface Credited {
  draft: Draft;
  region: Region | null;
  /** Which pass read it: two readings of one sentence by the same pass are two awards. */
  from: 'sentence' | 'results';
  /** The office or person who handed it over, when no institution is named (P8). */
  office: string | null;
  /** The unit the award is credited to ("Perumda Tirta Benteng"), null for the pemda itself. */
  unit: string | null;
  /** Its own words named no award (a grade, a score): a restatement that takes the article's name. */
  restates: boolean;
}

const GENERIC = new Set(
  (
    'penghargaan predikat kategori nilai skor indeks juara peringkat posisi urutan terbaik teratas tertinggi ' +
    'yang dan di ke dari untuk atas dengan sebagai tahun tingkat pertama kedua ketiga umum ini itu tersebut ' +
    'kota kabupaten provinsi pemerintah pemkot pemkab pemprov pemko the award awards ' +
    // grades alone ("predikat Nindya") say how well, not which award
    'nindya madya pratama utama paripurna informatif wtp opini zona hijau sangat baik memuaskan atau'
  ).split(' '),
);

export function contentWords(title: string): Set<string> {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => !GENERIC.has(w) && !/^\d+([.,]\d+)?$/.test(w) && w.length > 1));
}

/** A title with no word of its own ("nilai 97,12", "yang terbaik", "Kategori Kota"). */
export function isEmptyTitle(title: string, regionWords: Set<string>): boolean {
  // "nilai 92,51 dengan kategori AA atau Sangat Memuaskan": the grade says how well, not which award.
  // An audit opinion, an accreditation or a WBK status is an award of its own (see isGradeOnly).
  const own = /\b(?:opini\s+(?!kualitas)|WTP|akreditasi|WBK|WBBM|Wilayah\s+Bebas|Swasti\s+Saba)/i.test(title);
  const grade = own ? null : findGrade(title);
  let rest = title.replace(OMBUDSMAN_OPINION, ' ');
  if (grade) for (const [s, e] of [...grade.spans].reverse()) rest = `${rest.slice(0, s)} ${rest.slice(e)}`;
  for (const w of contentWords(rest)) if (!regionWords.has(w)) return false;
  return true;
}

function similar(a: string, b: string): boolean {
  const x = contentWords(a);
  const y = contentWords(b);
  if (x.size === 0 || y.size === 0) return false;
  let n = 0;
  for (const w of x) if (y.has(w)) n++;
  return n / Math.min(x.size, y.size) >= 0.5;
}

function compatible(a: Draft, b: Draft): boolean {
  if (a.rankPosition !== null && b.rankPosition !== null && a.rankPosition !== b.rankPosition) return false;
  // "kota lewat inovasi …" read by one pass and "kota" by the other are one category.
  // "pemerintah kota" and "kota" are one category.
  const ca = a.category?.toLowerCase().replace(/^pemerintah\s+/, '');
  const cb = b.category?.toLowerCase().replace(/^pemerintah\s+/, '');
  if (ca && cb && !ca.startsWith(cb) && !cb.startsWith(ca)) return false;
  return true;
}

/** Fill what `into` lacks from `from`. */
function absorb(into: Draft, from: Draft): void {
  into.giver ??= from.giver;
  if (into.giver?.weak && from.giver && !from.giver.weak) into.giver = from.giver;
  into.date ??= from.date;
  into.level ??= from.level;
  into.category ??= from.category;
  if (into.rankPosition === null && from.rankPosition !== null) {
    into.rank = from.rank;
    into.rankPosition = from.rankPosition;
  }
  into.rank ??= from.rank;
  into.score ??= from.score;
  into.grade ??= from.grade;
  if (!into.yearFromName && from.yearFromName) {
    into.year = from.year;
    into.yearFromName = true;
  }
  into.confidence = Math.max(into.confidence, from.confidence);
}

/** Events in order of first mention; a later restatement only fills what the first lacked. */
export function mergeEvents(events: Credited[]): Credited[] {
  const out: Credited[] = [];
  for (const e of events) {
    const same = out.find(
      (o) =>
        o.region === e.region &&
        // The sentence pass has already merged its own restatements; two of its drafts are two awards.
        // (unless one of them named no recipient: "Opini WTP itu diserahkan …" restates it).
        (o.from !== 'sentence' ||
          e.from !== 'sentence' ||
          !o.draft.recipient ||
          !e.draft.recipient ||
          o.restates ||
          e.restates) &&
        compatible(o.draft, e.draft) &&
        // Two names in result lists are two recipients: the pemda and its BUMD both placed.
        (o.from !== 'results' || e.from !== 'results' || o.unit === e.unit) &&
        ((o.draft.sentence === e.draft.sentence && o.from !== e.from) ||
          similar(o.draft.title, e.draft.title)),
    );
    if (!same) {
      out.push(e);
      continue;
    }
    absorb(same.draft, e.draft);
    // "Untuk kategori provinsi, Provinsi Jawa Timur kembali menempati posisi teratas" read as a
    // title: the results pass's programme name is the award.
    const core = same.region?.core.toLowerCase();
    if (
      core &&
      same.draft.title.toLowerCase().includes(core) &&
      !e.draft.title.toLowerCase().includes(core)
    ) {
      same.draft.title = e.draft.title;
    }
  }
  return out;
}
