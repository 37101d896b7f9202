// Per-slot provenance (issue 8 §3): for each filled slot, the span of text it was read from, so the
// review page can highlight every piece. The extractor reads values in several passes; here each
// value is found again in the article, nearest to the award's own sentence.
import type { Attribution } from './attribute.ts';
import type { FoundDate } from './dates.ts';
import type { Slot, SlotSource } from './types.ts';

interface Filled {
  title: string;
  recipient: string | null;
  awardingBodyName: string | null;
  date: string | null;
  rank: string | null;
  score: number | null;
  grade: string | null;
  start: number;
  end: number;
}

/** The occurrence of `needle` (any case) closest to `near`; null when absent. */
function locate(lower: string, needle: string | null, near: number): { start: number; end: number } | null {
  if (!needle) return null;
  const n = needle.toLowerCase().trim();
  if (n.length < 1) return null;
  let best = -1;
  for (let at = lower.indexOf(n); at !== -1; at = lower.indexOf(n, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best === -1 ? null : { start: best, end: best + n.length };
}

export function slotSources(
  dates: FoundDate[],
  lower: string,
  e: Filled,
  who: Attribution,
  whoAt: number | null,
): Partial<Record<Slot, SlotSource>> {
  const out: Partial<Record<Slot, SlotSource>> = {};
  const put = (slot: Slot, span: { start: number; end: number } | null, inQuote: number, outside: number) => {
    if (!span) return;
    const inside = span.start >= e.start && span.end <= e.end;
    out[slot] = { start: span.start, end: span.end, confidence: inside ? inQuote : outside };
  };
  put('title', locate(lower, e.title, e.start), 0.9, 0.7);
  const rec = locate(lower, e.recipient, e.start);
  put('recipient', rec, 0.85, 0.7);
  if (who.span && whoAt !== null) {
    put('region', { start: whoAt + who.span.start, end: whoAt + who.span.end }, 0.9, 0.8);
  } else if (who.how === 'subject' && who.region) {
    // Credited to the article's subject (a unit, a pronoun, no recipient): a weaker reading.
    const m = locate(lower, who.region.core, e.start);
    if (m) out.region = { ...m, confidence: 0.6 };
  }
  put('giver', locate(lower, e.awardingBodyName, e.start), 0.85, 0.65);
  put('rank', locate(lower, e.rank, e.start), 0.85, 0.6);
  if (e.score !== null) put('score', locate(lower, String(e.score).replace('.', ','), e.start), 0.85, 0.6);
  put('grade', locate(lower, e.grade, e.start), 0.8, 0.6);
  if (e.date) {
    const d = dates.filter(
      (x) =>
        x.iso === e.date || (x.day === Number(e.date?.slice(8)) && x.month === Number(e.date?.slice(5, 7))),
    );
    const best = d.sort((a, b) => Math.abs(a.start - e.start) - Math.abs(b.start - e.start))[0];
    put('date', best ?? null, 0.85, 0.7);
  }
  return out;
}
