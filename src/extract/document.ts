// The document pass: the sentence pass's drafts and the results pass's drafts, credited to
// regions and merged into one event per recipient and award. The article's programme, giver,
// date and subject are read once and lent to sentences that do not say them (P1, P2, P7, P8, P9).
import { articleSubject, attribute, isScope, namedRegions } from './attribute.ts';
import type { Draft } from './clauses.ts';
import { ceremonyDate, handedBy, scoreIn } from './context.ts';
import { findGrade, findLevel, yearInTitle } from './fields.ts';
import { findGivers, pickGiver } from './givers.ts';
import { type Credited, isEmptyTitle, mergeEvents } from './merge.ts';
import { headlineTopic, mainProgramme } from './programme.ts';
import { findRegions, indexRegions, type Region, type RegionMention } from './regions/gazetteer.ts';
import { resultDrafts } from './results.ts';
import type { Sentence } from './sentences.ts';

export interface DocumentEvents {
  events: Credited[];
  subject: Region | null;
  /** Regions named with their kind: an ambiguous bare name resolves to one of them. */
  named: ReadonlySet<Region>;
}

export function documentPass(
  text: string,
  sentences: Sentence[],
  drafts: Draft[],
  reference: string | null,
  skipLines: number,
  /** The article claims counts ("64 penghargaan sepanjang 2024"): a recap of many ceremonies. */
  recap = false,
): DocumentEvents {
  const regions = indexRegions(text);
  const mentions = regions.all;
  const seen = new Map<Sentence, RegionMention[]>();
  const regionsIn = (s: Sentence): RegionMention[] => {
    let m = seen.get(s);
    if (!m) {
      m = regions.within(s.start, s.end);
      seen.set(s, m);
    }
    return m;
  };
  const subject = articleSubject(text, mentions);
  const named = namedRegions(mentions);
  const programme = mainProgramme(text);
  const headline = firstLine(text);
  const topic = headline
    ? headlineTopic(headline.text, regions.within(headline.start, headline.start + headline.text.length))
    : null;
  // The article's own giver and ceremony date: the first sentence that names a programme or a giver.
  const lead = sentences
    .slice(0, 8)
    .map((s) => s.text)
    .join(' ');
  const ceremony = drafts.find((d) => d.date)?.date ?? ceremonyDate(sentences, skipLines, reference);
  const results = resultDrafts(sentences, {
    programme,
    fallbackTitle: topic,
    subject,
    giver: pickGiver(lead),
    date: ceremony,
    level: findLevel(lead),
    year: programme ? yearInTitle(programme.name) : null,
    reference,
    skipLines,
    regionsIn,
    named,
  });

  const regionWords = new Set<string>();
  // An article names its region many times in the same words: each written form is read once.
  for (const written of new Set(mentions.map((m) => m.written)))
    for (const w of written.toLowerCase().match(/[\p{L}]+/gu) ?? []) regionWords.add(w);

  const credited: Credited[] = [];
  const resultSentences = new Set(results.map((r) => r.sentence));
  for (const d of drafts) {
    // Awards to companies, private hospitals, schools, groups and private persons (P16).
    if (privateRecipient(text, d)) continue;
    // "Opini WTP diberikan BPK …" read with the giver as recipient: the award is the subject's.
    if (d.recipient && isGiverOnly(d.recipient)) d.recipient = null;
    const restates = isEmptyTitle(d.title, regionWords);
    if (restates) {
      // "2. Kota Tangerang" read as a list item: the results pass read the same line, with its region.
      if (resultSentences.has(d.sentence)) continue;
      // A category heading or a bare name read as an award: nothing of an award is in it.
      if (d.rank === null && d.score === null && d.grade === null) continue;
      // "mengantongi nilai 97,12": a score of the article's award, not an award by itself. But a
      // graded predicate from a named giver with nothing else to restate ("meraih Predikat
      // Kepatuhan Tinggi dari Ombudsman RI", an article without a headline) is the award.
      if (!programme && !topic && !(d.giver && findGrade(d.title))) continue;
      // "predikat Nindya" keeps its grade under the article's award name.
      d.grade ??= findGrade(d.title)?.grade ?? null;
      // "dengan kategori AA" is its grade, not a category.
      if (d.category && findGrade(`kategori ${d.category}`)) d.category = null;
      d.title = programme?.name ?? topic ?? d.title;
    }
    // Only a coordination split into pieces (P4) names the category alone; a list line
    // "Peringkat I Kategori …" is an award's name as the article files it.
    const split = drafts.some((x) => x !== d && x.sentence === d.sentence);
    d.title = withoutPlacing(d.title, split ? (programme?.name ?? null) : null);
    const who = attribute(d.recipient, subject, named);
    credited.push({ draft: d, region: who.region, from: 'sentence', office: null, unit: who.unit, restates });
  }
  for (const d of results) {
    // With no programme named, a co-recipient shares the award reported just before it.
    if (!programme && (d.rankPosition === null || !d.title)) {
      const before = credited
        .map((c) => c.draft)
        .filter((x) => x.start <= d.start && x.recipient !== d.recipient)
        .at(-1);
      if (before) d.title = before.title;
    }
    if (!d.title) continue;
    const who = attribute(d.recipient, subject, named);
    credited.push({
      draft: d,
      region: who.region,
      from: 'results',
      office: null,
      unit: who.unit,
      restates: false,
    });
  }
  const acronyms = acronymsIn(text);
  for (const c of credited) c.draft.title = expandAcronym(c.draft.title, acronyms);
  credited.sort((a, b) => a.draft.start - b.draft.start);
  const events = mergeEvents(credited);
  fillFromArticle(events, sentences, skipLines, ceremony, subject, regionsIn, recap);
  return { events, subject, named };
}

const PLACING_LEAD =
  /^(?:ranking|rangking|peringkat|juara|terbaik|posisi)\s+(?:ke-?)?(?:\d{1,2}|[IVX]{1,4}|pertama|kedua|ketiga|keempat|kelima)\b(?:\s+(?:nasional|tingkat\s+\S+))?\s*(dalam\s+|pada\s+)?/i;

/**
 * "Ranking 5 kategori Pengembangan Kompetensi ASN" names a placing and a category, not the
 * award: the article's programme is its name (P4). "peringkat pertama nasional dalam Hasil
 * Pengawasan Kearsipan …" → the assessment named after the placing. The rank stays in its slot.
 */
function withoutPlacing(title: string, programme: string | null): string {
  const m = PLACING_LEAD.exec(title);
  if (!m) return title;
  const rest = title.slice(m[0].length);
  if (/^kategori\b/i.test(rest)) return programme ? `${programme} ${rest}` : title;
  return m[1] && /^\p{Lu}/u.test(rest) ? rest : title;
}

/** Who is named before the award in its sentence: a company, a school, a person … not a pemda. */
const PRIVATE =
  /\b(?:PT|CV|Tbk|perusahaan|hotel|klinik|yayasan|koperasi|sekolah|SMA|SMK|SMP|SD|MTs|MAN|universitas|kampus|mahasiswa|siswa|siswi|pelajar|atlet|qori|qoriah|guru|bidan|kader|warga|pengusaha|seorang|UMKM|komunitas|PKK|RS\s+swasta|rumah\s+sakit\s+swasta)\b/;

function privateRecipient(text: string, d: Draft): boolean {
  if (d.recipient && PRIVATE.test(d.recipient)) return true;
  const sentence = text.slice(d.start, d.end);
  const at = sentence.toLowerCase().indexOf(d.title.toLowerCase().slice(0, 20));
  if (at <= 0) return false;
  const before = sentence.slice(0, at);
  // The pemda named as the doer after the private name ("… bersama Pemkot") keeps it.
  return (
    PRIVATE.test(before) &&
    !/\b(?:Pemkot|Pemkab|Pemko|Pemprov|Pemerintah\s+(?:Kota|Kabupaten|Provinsi))\b/.test(before)
  );
}

/** "BPK", "Kementerian PPPA": a giver's name and nothing of a region or a unit. */
function isGiverOnly(recipient: string): boolean {
  const givers = findGivers(recipient);
  if (givers.length === 0 || findRegions(recipient).some((m) => m.by !== 'bare')) return false;
  const covered = givers.reduce((n, g) => n + g.written.length, 0);
  return covered >= recipient.replace(/\s+/g, ' ').trim().length * 0.6;
}

/**
 * Slots the award's own sentences left open, from the rest of the article: the ceremony date,
 * the office that handed it over, and a score said in a sentence about this recipient alone.
 */
function fillFromArticle(
  events: Credited[],
  sentences: Sentence[],
  skipLines: number,
  ceremony: string | null,
  subject: Region | null,
  regionsIn: (s: Sentence) => RegionMention[],
  recap: boolean,
): void {
  const body = sentences.filter((s) => s.line >= skipLines);
  // Read only when some award lacks its giver: most name the institution in their own sentence.
  const offices = new Map<Sentence, string | null>();
  const officeIn = (s: Sentence): string | null => {
    if (!offices.has(s)) offices.set(s, handedBy(s.text));
    return offices.get(s) ?? null;
  };
  const ofSubject = events.filter((e) => e.region === subject).length;
  // A recap of a year's awards has many ceremonies: its one date must not spread to the others.
  const dates = new Set(events.map((e) => e.draft.date).filter((x) => x !== null));
  const oneCeremony = dates.size <= 1 && !recap;
  for (const e of events) {
    const d = e.draft;
    if (oneCeremony) d.date ??= ceremony;
    if (!d.giver) {
      const near = body.filter((s) => s.end > d.start - 1 && s.start < d.end + 400);
      e.office =
        near.map(officeIn).find((o) => o !== null) ?? body.map(officeIn).find((o) => o !== null) ?? null;
    }
    if (d.score === null && e.region) {
      for (const s of body) {
        const named = regionsIn(s).filter((m) => !isScope(s.text, m));
        // "Kota Tangerang sendiri mengantongi nilai 97,12" is the pemda's score, not its BUMD's.
        const only =
          named.length > 0 &&
          named.every((m) => (m.region ?? m.candidates[0]) === e.region) &&
          (!e.unit || s.text.includes(e.unit));
        const implied = named.length === 0 && e.region === subject && ofSubject === 1;
        if (!only && !implied) continue;
        const score = scoreIn(s.text);
        if (score !== null) {
          d.score = score;
          break;
        }
      }
    }
  }
}

/** "(APE)": where a spelled-out name may end. Searched for first: few articles have many. */
const ACRONYM = /\((\p{Lu}{2,}\p{L}*)\)/gu;
/** Up to eight capitalised words right before the bracket ("Anugerah Parahita Ekapraya (APE)"). */
const SPELLED_OUT = /((?:\p{Lu}[\p{L}-]*[ \t]+){1,8})\((\p{Lu}{2,}\p{L}*)\)$/u;
/** "Kepala Badan Kepegawaian Negara (BKN)": the office of a person is not part of the name. */
const ROLE_WORDS =
  /^(?:(?:Kepala|Ketua|Menteri|Direktur|Dirjen|Sekretaris|Wakil|Plt|Pj|Penjabat|Gubernur|Bupati|Wali|Kota|Deputi|Asisten)[ \t]+)+/u;

/** "Anugerah Parahita Ekapraya (APE)" said once → APE stands for it elsewhere in the article. */
function acronymsIn(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let after = 0; // the end of the last name read: names do not overlap
  for (const a of text.matchAll(ACRONYM)) {
    // The name can only be in the run of letters, hyphens and blanks before the bracket.
    let from = a.index;
    while (from > after && mayBeInName(text.charCodeAt(from - 1))) from--;
    const m = SPELLED_OUT.exec(text.slice(from, a.index + a[0].length));
    if (!m) continue;
    after = a.index + a[0].length;
    const name = m[1].trim().replace(ROLE_WORDS, '');
    if (!out.has(m[2]) && name.includes(' ')) out.set(m[2], `${name} (${m[2]})`);
  }
  return out;
}

/** Letters, hyphens and blanks, or anything outside ASCII (the pattern then decides). */
function mayBeInName(c: number): boolean {
  return c >= 128 || c === 32 || c === 9 || c === 45 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** "APE kategori Pratama" → "Anugerah Parahita Ekapraya (APE) kategori Pratama". */
function expandAcronym(title: string, acronyms: Map<string, string>): string {
  const m = /^(.*?)\b(\p{Lu}{2,}[\p{L}]*)\b(?!\s*\))(.*)$/u.exec(title);
  if (!m) return title;
  // "BKN Award 2025", "TOP BUMD Awards": a brand that keeps its acronym as written.
  if (/^\s+Awards?\b/.test(m[3])) return title;
  const full = acronyms.get(m[2]);
  if (!full || title.includes(`(${m[2]})`) || title.includes(full)) return title;
  return `${m[1]}${full}${m[3]}`;
}

function firstLine(text: string): { text: string; start: number } | null {
  const m = /\S[^\n]*/.exec(text);
  return m && m[0].length <= 160 ? { text: m[0], start: m.index } : null;
}
