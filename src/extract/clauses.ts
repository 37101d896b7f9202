// One award sentence → one draft per verb: "dinobatkan sebagai Kota Layak Anak … dan meraih
// penghargaan dari Kemenkeu … serta menjadi Juara Umum Porprov" gives three.
import { findDates } from './dates.ts';
import {
  findCategory,
  findGrade,
  findLevel,
  findRecipient,
  findScore,
  fiscalYear,
  isGenericSubject,
  splitProgramme,
  yearInSentence,
  yearInTitle,
} from './fields.ts';
import { type GiverMatch, pickGiver } from './givers.ts';
import { findRank } from './numbers.ts';
import { cutObject, isAwardish, isCountObject, isGeneric, isGradeOnly } from './objects.ts';
import type { Sentence } from './sentences.ts';
import { findTriggers, isAttributionDate, isLocalGiver, negatedBefore, negatedObject } from './triggers.ts';
import type { Level } from './types.ts';

/** Every draft is built with all these keys in this order (one object shape: V8 keeps it fast). */
export interface Draft {
  title: string;
  recipient: string | null;
  giver: GiverMatch | null;
  level: Level | null;
  date: string | null;
  category: string | null;
  rank: string | null;
  rankPosition: number | null;
  score: number | null;
  grade: string | null;
  year: number | null;
  /** Where the year came from: a year written in the name or the date beats an inferred one. */
  yearFromName: boolean;
  start: number;
  end: number;
  sentence: number;
  confidence: number;
  /** Only a grade/score ("Kategori A Zona Hijau dengan nilai 94.76"): enriches the award before. */
  gradeOnly: boolean;
}

export function clauseDate(text: string, reference: string | null): string | null {
  for (const d of findDates(text, reference)) {
    if (d.iso && !isAttributionDate(text.slice(0, d.start))) return d.iso;
  }
  return null;
}

/** Field values read from an award's own words (used for clauses and list items alike). */
export function readFields(
  title: string,
  context: string,
  reference: string | null,
): Pick<Draft, 'category' | 'rank' | 'rankPosition' | 'score' | 'grade' | 'level' | 'date'> {
  const rank = findRank(title) ?? findRank(context);
  const grade = findGrade(context) ?? findGrade(title);
  return {
    category: findCategory(title) ?? findCategory(context),
    rank: rank?.rank ?? null,
    rankPosition: rank?.rankPosition ?? null,
    score: findScore(context),
    grade: grade?.grade ?? null,
    level: findLevel(context),
    date: clauseDate(context, reference),
  };
}

export function clausesOf(s: Sentence, reference: string | null): Draft[] {
  const text = s.text;
  const triggers = findTriggers(text);
  if (triggers.length === 0) return [];
  const drafts: Draft[] = [];
  const firstSubject = text.slice(0, triggers[0].start);
  if (isGenericSubject(firstSubject)) return [];
  let sentenceRecipient = findRecipient(firstSubject);
  // A date at the end of a multi-award sentence ("…, sedangkan X meraih …, Rabu (5/11/2025)") is for all.
  const sentenceDate = clauseDate(text, reference);
  let lastProgramme: string | null = null;
  for (let i = 0; i < triggers.length; i++) {
    const t = triggers[i];
    const clauseEnd = i + 1 < triggers.length ? triggers[i + 1].start : text.length;
    const before = text.slice(i === 0 ? 0 : triggers[i - 1].end, t.start);
    if (negatedBefore(i === 0 ? before : text.slice(0, t.start))) continue;
    let objectSpan = text.slice(t.end, clauseEnd);
    let recipient = i === 0 ? sentenceRecipient : (newSubject(before) ?? sentenceRecipient);
    let giver: GiverMatch | null = null;
    if (t.kind === 'give') {
      // "BPK memberikan opini WTP kepada Pemkot": a receipt only when a known body gives.
      const subjectGiver = pickGiver(before);
      if (!subjectGiver || isLocalGiver(before.slice(0, subjectGiver.start))) continue;
      const to = /\bkepada\s+/i.exec(objectSpan);
      if (!to) continue;
      recipient = findRecipient(objectSpan.slice(to.index + to[0].length)) ?? recipient;
      objectSpan = objectSpan.slice(0, to.index);
      giver = subjectGiver;
    } else if (t.kind === 'passive') {
      const to = /\bkepada\s+(.+)$/i.exec(objectSpan);
      if (to) recipient = findRecipient(to[1]) ?? recipient;
      const by = /\boleh\s+(.{0,60})/i.exec(objectSpan);
      if (by && isLocalGiver(by[1].slice(0, 30))) continue;
    }
    if (i === 0 && !sentenceRecipient) sentenceRecipient = recipient;
    const pieces = coordinated(objectSpan);
    for (const piece of pieces) {
      const own = pieces.length > 1 ? piece.text : null;
      const draft = clauseDraft(
        piece.text,
        piece.recipient ?? recipient,
        giver,
        before,
        i,
        t,
        clauseEnd,
        own,
      );
      if (draft) drafts.push(draft);
    }
  }
  // The quote is the whole sentence: the curator needs the verb and the giver, not just the name.
  for (const d of drafts) d.start = s.start;
  return perListedRecipient(drafts, firstSubject);

  function clauseDraft(
    objectSpan: string,
    recipient: string | null,
    given: GiverMatch | null,
    before: string,
    i: number,
    t: { start: number; end: number; kind: string },
    clauseEnd: number,
    /** One piece of a split coordination: its rank, category and score are its own. */
    piece: string | null,
  ): Draft | null {
    let giver = given;
    const { text: object, offset } = cutObject(objectSpan);
    if (!object || isCountObject(object) || negatedObject(objectSpan)) return null;
    const clause = text.slice(t.start, clauseEnd);
    if (!giver) giver = pickGiver(clause) ?? (i === 0 ? agentIn(before) : null);
    let gradeOnly = isGradeOnly(object);
    // "memperoleh nilai 3,87 dengan predikat Sangat Baik dalam Evaluasi … (EPSS)": the assessment
    // named after the grade is the award; only a bare grade enriches the award before it.
    const assessed = gradeOnly ? ASSESSMENT.exec(objectSpan) : null;
    const assessedName = assessed ? cutObject(assessed[1]).text : '';
    if (assessedName) gradeOnly = false;
    // Already in the object ("predikat A dalam Evaluasi SAKIP"): the usual title rules apply.
    const namedApart = assessedName !== '' && !object.includes(assessedName);
    // "meraih penghargaan sebagai penyelenggara … dengan status kinerja sangat tinggi": what the
    // award names the region as is the award, though it has no award word of its own.
    if (
      !gradeOnly &&
      !assessedName &&
      (isGeneric(object) || (!isAwardish(object) && !AWARD_AS.test(objectSpan)))
    )
      return null;
    const { head, programme } = splitProgramme(object);
    const rank = findRank(head);
    const headRest = rank ? (head.slice(0, rank.start) + head.slice(rank.end)).trim() : head;
    let title = namedApart
      ? assessedName
      : programme && (!headRest || isGeneric(headRest))
        ? programme
        : object;
    // "…, sedangkan Kabupaten Lebak meraih Juara 3 kategori kabupaten": same programme, other category.
    if (!programme && lastProgramme && /^kategori\b/i.test(headRest)) title = `${lastProgramme} ${headRest}`;
    if (programme) lastProgramme = programme.replace(/\s+kategori\b.*$/i, '');
    const fields = readFields(object, piece ?? clause, reference);
    fields.date ??= piece ? clauseDate(clause, reference) : null;
    const nameYear = yearInTitle(title) ?? fiscalYear(clause);
    const date = fields.date ?? sentenceDate;
    return {
      title,
      recipient,
      giver,
      level: fields.level,
      date,
      category: fields.category,
      rank: fields.rank,
      rankPosition: fields.rankPosition,
      score: fields.score,
      grade: fields.grade,
      year: nameYear ?? (date ? Number(date.slice(0, 4)) : yearInSentence(text)),
      yearFromName: nameYear !== null || date !== null,
      start: s.start + t.end + offset,
      end: s.end,
      sentence: -1,
      confidence: t.kind === 'give' ? 0.55 : 0.6,
      gradeOnly,
    };
  }
}

const RANK_LEAD =
  /^(?:ranking|rangking|peringkat|juara|terbaik|posisi)\s+(?:ke-?)?(?:\d{1,2}|[IVX]{1,4}|pertama|kedua|ketiga|keempat|kelima|satu|dua|tiga|empat|lima)\b/i;
const AWARD_LEAD = /^(?:penghargaan|predikat|anugerah|piala|piagam|plakat|sertifikat|trofi)\b/i;
/** "Dinas Pemadam Kebakaran (Damkar) ranking 5 kategori …": a new recipient, then its award. */
const NAMED_PIECE =
  /^(\p{Lu}.{1,90}?)\s+((?:ranking|rangking|peringkat|juara|terbaik)\s+(?:ke-?)?\S+.*|(?:penghargaan|predikat|anugerah|piala|piagam|plakat|sertifikat|trofi)\b.*)$/su;
const PIECE_SEPARATOR = /\s*,\s*(?:serta|dan)\s+|\s*;\s*|\s*,\s+|\s+serta\s+/g;

interface Piece {
  text: string;
  recipient: string | null;
}

/**
 * P4: "meraih Ranking 2 kategori A, Ranking 5 kategori B, serta penghargaan khusus C" and
 * "Dinas A meraih ranking 2 kategori X, Dinas B ranking 5 kategori Y, serta BPBD penghargaan Z":
 * one award per (recipient, rank/category). Only an object that opens with a placing is split,
 * so a name with commas in it ("Penilaian Kinerja Satpol PP, Damkar, dan BPBD") stays whole.
 */
function coordinated(objectSpan: string): Piece[] {
  const whole = [{ text: objectSpan, recipient: null }];
  const span = objectSpan.trimStart();
  if (!RANK_LEAD.test(span)) return whole;
  const chunks: string[] = [];
  let from = 0;
  PIECE_SEPARATOR.lastIndex = 0;
  for (let m = PIECE_SEPARATOR.exec(span); m; m = PIECE_SEPARATOR.exec(span)) {
    // A decimal comma ("nilai 3,87") does not separate.
    if (/\d$/.test(span.slice(0, m.index)) && /^\d/.test(span.slice(m.index + m[0].length))) continue;
    chunks.push(span.slice(from, m.index));
    from = m.index + m[0].length;
  }
  chunks.push(span.slice(from));
  const pieces: Piece[] = [];
  for (const chunk of chunks) {
    const c = chunk.trim();
    if (pieces.length === 0 || RANK_LEAD.test(c) || AWARD_LEAD.test(c)) {
      pieces.push({ text: c, recipient: pieces.length === 0 ? null : (pieces.at(-1)?.recipient ?? null) });
      continue;
    }
    const named = NAMED_PIECE.exec(c);
    const who = named ? findRecipient(named[1]) : null;
    if (named && who) {
      pieces.push({ text: named[2], recipient: who });
      continue;
    }
    // Anything else continues the piece before it ("kategori A, B dan C").
    const last = pieces[pieces.length - 1];
    last.text = `${last.text}, ${c}`;
  }
  return pieces.length >= 2 ? pieces : whole;
}

/**
 * "Dua unit kerja …, yaitu Kecamatan Ciledug dan UPTD Puskesmas Karawaci Baru, meraih …": one
 * event per listed recipient (a record is one recipient and one award).
 */
function perListedRecipient(drafts: Draft[], subject: string): Draft[] {
  const list = /\b(?:yaitu|yakni)\s+(.+?)[\s,]*$/i.exec(subject);
  if (!list || drafts.length === 0) return drafts;
  const names = list[1]
    .split(/\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+/i)
    .map((part) => findRecipient(part));
  if (names.length < 2 || names.some((n) => n === null)) return drafts;
  return drafts.flatMap((d) =>
    d.recipient === null || drafts[0].recipient === d.recipient
      ? names.map((recipient) => ({ ...d, recipient }))
      : [d],
  );
}

const AWARD_AS = /^\s*(?:(?:kembali|juga|pula)\s+)*(?:penghargaan|gelar|predikat)\s+sebagai\s+\S/i;

const ASSESSMENT =
  /\b(?:dalam|pada)\s+((?:ajang\s+)?(?:evaluasi|penilaian|pemeringkatan|indeks|survei|anugerah|penganugerahan|kompetisi|lomba)\b.+)$/i;

/** A new subject after "dan"/"sedangkan" ("…, sedangkan Dinas Sosial meraih …"). */
function newSubject(segment: string): string | null {
  const last = segment.split(/[,;]|\s(?:dan|serta|sedangkan|sementara)\s/i).pop() ?? '';
  const s = last.replace(/^\s*(?:selain\s+itu|juga|itu)?\s*/i, '').trim();
  if (!s || /\byang\b/i.test(s) || !/^[\p{Lu}]/u.test(s)) return null;
  return findRecipient(s);
}

/** "Dari Kemendagri, Pemkot meraih …": a giver before the verb counts only after dari/oleh. */
function agentIn(subject: string): GiverMatch | null {
  const g = pickGiver(subject);
  if (!g) return null;
  return /\b(?:dari|oleh)\s+(?:\S+\s+){0,2}$/i.test(subject.slice(0, g.start)) ? g : null;
}
