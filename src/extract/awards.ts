// The article-level pass: sentences in order, carrying context from one to the next the way a
// reader does — a count sentence ("menerima empat penghargaan dari BKN … Kamis (9/10/2025)")
// frames the list that follows; "Penghargaan tersebut diserahkan oleh Mendagri … Jumat
// (23/5/2025)" completes the award just before it.
import { type ClaimHit, findClaims } from './claims.ts';
import { clauseDate, clausesOf, type Draft, readFields } from './clauses.ts';
import {
  findGrade,
  findLevel,
  findRecipient,
  findScore,
  levelFromTitle,
  yearAfterPrevious,
  yearInSentence,
  yearInTitle,
} from './fields.ts';
import { type GiverMatch, pickGiver } from './givers.ts';
import { isAwardish } from './objects.ts';
import type { Sentence } from './sentences.ts';
import type { CountClaim, Level } from './types.ts';

interface Frame {
  giver: GiverMatch | null;
  date: string | null;
  level: Level | null;
  year: number | null;
  recipient: string | null;
  count: number;
  sentence: number;
}

const LIST_INTRO =
  /\b(?:yakni|yaitu|antara\s+lain|di\s*antaranya|meliputi|sebagai\s+berikut|berikut\s+ini|berikut)\b\s*:?\s*$|:\s*$/i;
const INLINE_LIST = /\b(?:yakni|yaitu|antara\s+lain|di\s*antaranya|meliputi)\b\s*:?\s*(\S.*)$/i;
/** "Penghargaan yang diraih antara lain A, B, serta C": a list with no count before it. */
const LIST_SUBJECT =
  /^(?:penghargaan|prestasi|capaian|deretan\s+penghargaan)\b[^.]{0,40}?\b(?:antara\s+lain|di\s*antaranya|yakni|yaitu|meliputi)\b/i;
const COUNT_IN = /\b\d{1,4}\s+(?:buah\s+)?(?:penghargaan|trofi|piala|prestasi)\b/i;
const SAME_DAY = /\b(?:hari|acara|kesempatan|waktu|tempat)\s+yang\s+sama\b/i;
const BULLET = /^\s*(?:[-•*·▪–]|\d{1,2}[.)]|[a-z][.)])\s+/u;
const ANAPHORA =
  /\b(?:penghargaan|piala|trofi|piagam|sertifikat|anugerah|predikat|prestasi|capaian|plakat)\b[^.]{0,60}?\b(?:tersebut|ini|itu)\b|\b(?:diserahkan|diterima|diberikan)\s+(?:langsung\s+)?(?:oleh|kepada)\b|^(?:penghargaan|piala|trofi|opini|predikat|sertifikat|piagam)\s+(?:itu\s+|tersebut\s+)?(?:diserahkan|diterima|diberikan)\b|\bpenyerahan\b|\bpengumuman\s+pemenang\b|\bhasil\s+(?:evaluasi|penilaian)\b/i;

export interface AwardPassResult {
  drafts: Draft[];
  claims: CountClaim[];
}

export function awardPass(
  text: string,
  sentences: Sentence[],
  reference: string | null,
  skipLines: number,
): AwardPassResult {
  const drafts: Draft[] = [];
  const claims: CountClaim[] = [];
  const frames: Frame[] = [];
  let lastAwardSentence = -10;
  let list: {
    frame: Frame | null;
    remaining: number | null;
    recipient: string | null;
    line: number;
    bulleted: boolean | null;
  } | null = null;

  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.line < skipLines) continue;

    if (list && s.line > list.line && s.wholeLine && looksLikeItem(s.text, list.remaining, list.bulleted)) {
      list.bulleted ??= BULLET.test(s.text);
      drafts.push(itemDraft(s, i, list.frame, list.recipient, reference));
      lastAwardSentence = i;
      list.line = s.line;
      if (list.remaining !== null && --list.remaining === 0) list = null;
      continue;
    }
    list = null;

    const hits: ClaimHit[] = findClaims(s.text);
    for (const h of hits) if (!claims.some((c) => c.count === h.claim.count)) claims.push(h.claim);
    const frame: Frame | null = hits.length > 0 ? frameOf(s, i, hits[0].claim.count, reference) : null;
    if (frame) frames.push(frame);

    const inline = hits.length > 0 || LIST_SUBJECT.test(s.text) ? INLINE_LIST.exec(s.text) : null;
    if (inline && !LIST_INTRO.test(s.text.slice(-40))) {
      const items = inlineItems(s, inline.index + inline[0].length - inline[1].length, inline[1]);
      if (items.length >= 2) {
        const own = frame ?? frameOf(s, i, 0, reference);
        for (const it of items) drafts.push(itemDraft(it, i, own, own.recipient, reference));
        lastAwardSentence = i;
        continue;
      }
    }

    if (
      LIST_INTRO.test(s.text.slice(-40)) &&
      (hits.length > 0 || /penghargaan|prestasi|kategori|di\s*antaranya|daftar|berikut/i.test(s.text))
    ) {
      const own = frame ?? frameOf(s, i, 0, reference);
      const earlier = frames
        .filter((f) => f.sentence < i && (f.count === own.count || own.count === 0))
        .pop();
      const merged = earlier ? fillFrame(own, earlier) : own;
      list = {
        frame: merged,
        remaining: hits[0]?.claim.count ?? null,
        recipient: own.recipient ?? earlier?.recipient ?? null,
        line: s.line,
        bulleted: null,
      };
      continue;
    }

    const found = clausesOf(s, reference);
    const prevFrame = frames.find((f) => f.sentence === i - 1) ?? null;
    let added = false;
    for (const d of found) {
      d.sentence = i;
      if (d.gradeOnly && drafts.length > 0) {
        enrich(drafts, lastAwardSentence, i, s, reference, d);
        continue;
      }
      if (prevFrame) applyFrame(d, prevFrame);
      // "Di hari yang sama, Puskesmas … meraih …": the date of the award reported just before.
      if (!d.date && SAME_DAY.test(s.text)) d.date = drafts.at(-1)?.date ?? null;
      drafts.push(d);
      added = true;
    }
    if (added) lastAwardSentence = i;
    else if (
      found.length === 0 &&
      hits.length === 0 &&
      i - lastAwardSentence <= 2 &&
      (ANAPHORA.test(s.text) || (i === lastAwardSentence + 1 && findScore(s.text) !== null))
    ) {
      enrich(drafts, lastAwardSentence, i, s, reference, null);
    }
  }

  const previous = text.includes('sebelumnya') ? yearAfterPrevious(text) : null;
  for (const d of drafts) {
    if (previous && !d.yearFromName && (d.score !== null || d.grade !== null)) d.year = previous;
    d.level ??= d.giver?.body.level ?? levelFromTitle(d.title);
  }
  return { drafts: dedupe(drafts), claims };
}

function frameOf(s: Sentence, i: number, count: number, reference: string | null): Frame {
  return {
    giver: pickGiver(s.text),
    date: clauseDate(s.text, reference),
    level: findLevel(s.text),
    year: yearInSentence(s.text),
    recipient: recipientBeforeVerb(s.text),
    count,
    sentence: i,
  };
}

function recipientBeforeVerb(text: string): string | null {
  const at = text.search(
    /\b(?:meraih|menerima|mendapat|memperoleh|menyabet|memboyong|mengantongi|mengoleksi|berhasil)\b/i,
  );
  return at > 0 ? findRecipient(text.slice(0, at)) : null;
}

function fillFrame(own: Frame, earlier: Frame): Frame {
  return {
    giver: own.giver ?? earlier.giver,
    date: own.date ?? earlier.date,
    level: own.level ?? earlier.level,
    year: own.year ?? earlier.year,
    recipient: own.recipient,
    count: own.count,
    sentence: own.sentence,
  };
}

function applyFrame(d: Draft, f: Frame): void {
  d.giver ??= f.giver;
  d.date ??= f.date;
  d.level ??= f.level;
  if (d.year === null) d.year = f.year;
  d.recipient ??= f.recipient;
}

/** "… meraih tiga penghargaan, yaitu A, B, dan C." → A, B, C as their own spans. */
function inlineItems(s: Sentence, at: number, tail: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /\s*(?:,\s*(?:dan|serta)\s+|;\s*|,\s*|\s+(?:dan|serta)\s+)/gi;
  let from = 0;
  const push = (a: number, b: number) => {
    const raw = tail.slice(a, b).replace(/[.\s]+$/u, '');
    // "disusul bidang pendidikan sebanyak 8 penghargaan": a count is a claim, never an award.
    if (raw && isAwardish(raw) && !COUNT_IN.test(raw))
      out.push({ ...s, text: raw, start: s.start + at + a, end: s.start + at + a + raw.length });
  };
  for (let m = re.exec(tail); m; m = re.exec(tail)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, tail.length);
  return out;
}

function looksLikeItem(line: string, remaining: number | null, bulleted: boolean | null): boolean {
  if (line.length > 300) return false;
  if (BULLET.test(line)) return true;
  if (bulleted) return false;
  if (remaining !== null) return isAwardish(line) || /^[\p{Lu}]/u.test(line);
  return isAwardish(line) && line.length < 220;
}

function itemDraft(
  s: Sentence,
  i: number,
  frame: Frame | null,
  recipient: string | null,
  reference: string | null,
): Draft {
  const bullet = BULLET.exec(s.text);
  const raw = bullet ? s.text.slice(bullet[0].length) : s.text;
  const title = raw
    .replace(/\s+(?:dari|oleh)\s+.*$|\s+dengan\s+(?:nilai|skor).*$|\s*\(\s*\d.*$/i, '')
    .replace(/[\s.;,]+$/u, '');
  const f = readFields(title, raw, reference);
  const by = /\b(?:diraih\s+oleh|oleh|untuk|atas\s+nama)\s+(.+)$/i.exec(raw);
  const nameYear = yearInTitle(title);
  const date = f.date ?? frame?.date ?? null;
  return {
    title,
    recipient: (by ? findRecipient(by[1]) : null) ?? recipient,
    giver: pickGiver(raw) ?? frame?.giver ?? null,
    level: f.level ?? frame?.level ?? null,
    date,
    category: f.category,
    rank: f.rank,
    rankPosition: f.rankPosition,
    score: f.score,
    grade: f.grade,
    year: nameYear ?? frame?.year ?? (date ? Number(date.slice(0, 4)) : null),
    yearFromName: nameYear !== null || date !== null,
    start: s.start,
    end: s.end,
    sentence: i,
    confidence: frame ? 0.75 : 0.6,
    gradeOnly: false,
  };
}

/** Fill what the award sentence left open from a follow-up sentence about the same award. */
function enrich(
  drafts: Draft[],
  last: number,
  i: number,
  s: Sentence,
  reference: string | null,
  from: Draft | null,
): void {
  const targets = drafts.filter((d) => d.sentence === last);
  if (targets.length === 0) return;
  const giver = from?.giver ?? pickGiver(s.text);
  const date = from?.date ?? clauseDate(s.text, reference);
  const score = from?.score ?? findScore(s.text);
  const grade = from?.grade ?? findGrade(s.text)?.grade ?? null;
  const level = findLevel(s.text);
  for (const d of targets) {
    const added =
      (!d.giver && giver) || (!d.date && date) || (d.score === null && score !== null) || (!d.grade && grade);
    if (d.giver?.weak && giver && !giver.weak) d.giver = giver;
    d.giver ??= giver;
    d.date ??= date;
    d.score ??= score;
    if (d.grade && grade && !d.grade.includes(grade)) d.grade = `${d.grade} ${grade}`;
    d.grade ??= grade;
    d.level ??= level;
    if (!d.yearFromName && date) {
      d.year = Number(date.slice(0, 4));
      d.yearFromName = true;
    }
    // Quote both sentences when they are adjacent, so the evidence shows the giver and date too.
    if (added && i === last + 1) d.end = Math.max(d.end, s.end);
  }
}

const ownRegion = (r: string) =>
  r
    .toLowerCase()
    .replace(/\bpemerintah\s+(?=kota|kabupaten)|\bpem(?=kot|kab)/g, '')
    .replace(/^kot\b/, 'kota')
    .replace(/^kab\b/, 'kabupaten');

/** Loosely the same recipient: "Pemkot Tangerang" ~ "Kota Tangerang"; unknown matches anything. */
function sameRecipient(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const x = ownRegion(a);
  const y = ownRegion(b);
  return x.includes(y) || y.includes(x);
}

function key(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function dedupe(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  const keys: string[] = [];
  for (const d of drafts) {
    const k = key(d.title);
    // "telah meraih opini WTP 17 kali berturut-turut" restates the WTP just reported.
    const at = out.findIndex(
      (o, j) =>
        (keys[j] === k && o.rank === d.rank && o.recipient === d.recipient) ||
        (o.grade !== null &&
          o.grade === d.grade &&
          // Two units each given WBK are two awards; a restatement names the same recipient.
          sameRecipient(o.recipient, d.recipient) &&
          !d.rank &&
          !o.rank &&
          (!d.giver || !o.giver || d.giver.body === o.giver.body)),
    );
    if (at === -1) {
      out.push(d);
      keys.push(k);
      continue;
    }
    const same = out[at];
    same.giver ??= d.giver;
    same.date ??= d.date;
    same.score ??= d.score;
    same.grade ??= d.grade;
  }
  return out;
}

export { yearInSentence };
