// One article's text → the awards it reports as received and the counts it claims (the passes
// run in order; docs/extract.md explains each).
import { type Attribution, attribute } from './attribute.ts';
import { awardPass } from './awards.ts';
import { blankChrome } from './chrome.ts';
import type { Draft } from './clauses.ts';
import { type FoundDate, findDates, guessReferenceDate, normalizeDate } from './dates.ts';
import { documentPass } from './document.ts';
import { isIndonesian } from './language.ts';
import { slotSources } from './provenance.ts';
import type { Region } from './regions/gazetteer.ts';
import { splitSentences } from './sentences.ts';
import type { ArticleExtraction, AwardEvent, CountClaim, ExtractOptions } from './types.ts';

/** Longest text accepted (characters). News articles are a few KB; 2 MB is a broken page. */
export const MAX_TEXT_CHARS = 2_000_000;

export function extractArticle(input: string, options: ExtractOptions = {}): ArticleExtraction {
  if (input.length > MAX_TEXT_CHARS) {
    throw new RangeError(`text is ${input.length} characters; the limit is ${MAX_TEXT_CHARS}`);
  }
  // Offsets index the caller's text, so only length-preserving normalisation is allowed here.
  const text = blankChrome(input.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\r/g, '\n'));
  const published = normalizeDate(options.published) ?? null;
  const title = options.title ?? null;
  if (!isIndonesian(text)) return { title, published, text: input, awards: [], claims: [] };
  const reference = published ?? guessReferenceDate(text);
  const sentences = splitSentences(text);
  const skip = headlineLines(text);
  const { drafts, claims } = awardPass(text, sentences, reference, skip);
  const { events, subject, named } = documentPass(text, sentences, drafts, reference, skip, isRecap(claims));
  const lower = text.toLowerCase();
  const dates = findDates(text);
  return {
    title,
    published,
    text: input,
    awards: events.map((e) => toEvent(e.draft, e.office, text, lower, dates, reference, subject, named)),
    claims,
  };
}

/**
 * A recap of many ceremonies ("64 penghargaan sepanjang 2024"), not one handover of several
 * awards ("borong tiga penghargaan … diserahkan sekaligus"): its one date must not spread.
 */
function isRecap(claims: CountClaim[]): boolean {
  return claims.some(
    (c) =>
      c.count > 4 || (c.period !== null && /\b(?:sepanjang|selama|sejak|hingga|periode)\b/i.test(c.period)),
  );
}

/** Lines before the first real paragraph are headlines, captions and bylines, repeated by CMSs. */
function headlineLines(text: string): number {
  const lines = text.split('\n');
  if (lines.length < 2) return 0;
  const first = lines.findIndex((l) => l.trim().length >= 100);
  return first === -1 ? 1 : first;
}

function toEvent(
  d: Draft,
  office: string | null,
  text: string,
  lower: string,
  dates: FoundDate[],
  reference: string | null,
  subject: Region | null,
  named: ReadonlySet<Region>,
): AwardEvent {
  const who: Attribution = attribute(d.recipient, subject, named);
  const whoAt = d.recipient ? nearest(lower, d.recipient.toLowerCase(), d.start) : null;
  let confidence = d.confidence;
  if (d.giver) confidence += 0.1;
  if (d.date) confidence += 0.1;
  if (d.rank || d.score !== null || d.grade) confidence += 0.05;
  if (d.recipient) confidence += 0.05;
  const event = {
    title: d.title.replace(/\s+/g, ' ').trim(),
    recipient: d.recipient,
    awardingBody: d.giver?.body.abbreviation ?? null,
    awardingBodyName: d.giver?.written ?? office,
    level: d.level,
    date: d.date,
    category: d.category,
    rank: d.rank,
    rankPosition: d.rankPosition,
    score: d.score,
    grade: d.grade,
    year: d.year ?? (reference ? Number(reference.slice(0, 4)) : null),
    quote: text.slice(d.start, d.end),
    start: d.start,
    end: d.end,
    confidence: Math.round(Math.min(0.95, confidence) * 100) / 100,
    recipientRegion: who.region ? { code: who.region.code, name: who.region.name } : null,
    recipientUnit: who.unit,
  };
  return { ...event, slots: slotSources(dates, lower, event, who, whoAt) };
}

function nearest(lower: string, needle: string, near: number): number | null {
  let best: number | null = null;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
    if (best === null || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}
