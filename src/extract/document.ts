// The document pass: the sentence pass's drafts and the results pass's drafts, credited to
// regions and merged into one event per recipient and award. The article's programme, giver,
// date and subject are read once and lent to sentences that do not say them (P1, P2, P7, P8, P9).
import { articleSubject, attribute } from './attribute.ts';
import { clauseDate, type Draft } from './clauses.ts';
import { findGrade, findLevel, yearInTitle } from './fields.ts';
import { findGivers, pickGiver } from './givers.ts';
import { type Credited, isEmptyTitle, mergeEvents } from './merge.ts';
import { headlineTopic, mainProgramme } from './programme.ts';
import { findRegions, type Region } from './regions/gazetteer.ts';
import { resultDrafts } from './results.ts';
import type { Sentence } from './sentences.ts';

export interface DocumentEvents {
  events: Credited[];
  subject: Region | null;
}

export function documentPass(
  text: string,
  sentences: Sentence[],
  drafts: Draft[],
  reference: string | null,
  skipLines: number,
): DocumentEvents {
  const mentions = findRegions(text);
  const subject = articleSubject(text, mentions);
  const programme = mainProgramme(text);
  const headline = firstLine(text);
  const topic = headline ? headlineTopic(headline.text, findRegions(headline.text)) : null;
  // The article's own giver and ceremony date: the first sentence that names a programme or a giver.
  const lead = sentences
    .slice(0, 8)
    .map((s) => s.text)
    .join(' ');
  const results = resultDrafts(sentences, {
    programme,
    fallbackTitle: topic,
    subject,
    giver: pickGiver(lead),
    date: clauseDate(lead, reference),
    level: findLevel(lead),
    year: programme ? yearInTitle(programme.name) : null,
    reference,
    skipLines,
  });

  const regionWords = new Set<string>();
  for (const m of mentions)
    for (const w of m.written.toLowerCase().match(/[\p{L}]+/gu) ?? []) regionWords.add(w);

  const credited: Credited[] = [];
  const resultSentences = new Set(results.map((r) => r.sentence));
  for (const d of drafts) {
    // "Opini WTP diberikan BPK …" read with the giver as recipient: the award is the subject's.
    if (d.recipient && isGiverOnly(d.recipient)) d.recipient = null;
    if (isEmptyTitle(d.title, regionWords)) {
      // "2. Kota Tangerang" read as a list item: the results pass read the same line, with its region.
      if (resultSentences.has(d.sentence)) continue;
      // A category heading or a bare name read as an award: nothing of an award is in it.
      if (d.rank === null && d.score === null && d.grade === null) continue;
      // "mengantongi nilai 97,12": a score of the article's award, not an award by itself.
      if (!programme && !topic) continue;
      // "predikat Nindya" keeps its grade under the article's award name.
      d.grade ??= findGrade(d.title)?.grade ?? null;
      d.title = programme?.name ?? topic ?? d.title;
    }
    credited.push({ draft: d, region: attribute(d.recipient, subject).region, from: 'sentence' });
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
    credited.push({ draft: d, region: attribute(d.recipient, subject).region, from: 'results' });
  }
  credited.sort((a, b) => a.draft.start - b.draft.start);
  return { events: mergeEvents(credited), subject };
}

/** "BPK", "Kementerian PPPA": a giver's name and nothing of a region or a unit. */
function isGiverOnly(recipient: string): boolean {
  const givers = findGivers(recipient);
  if (givers.length === 0 || findRegions(recipient).some((m) => m.by !== 'bare')) return false;
  const covered = givers.reduce((n, g) => n + g.written.length, 0);
  return covered >= recipient.replace(/\s+/g, ' ').trim().length * 0.6;
}

function firstLine(text: string): { text: string; start: number } | null {
  const m = /\S[^\n]*/.exec(text);
  return m && m[0].length <= 160 ? { text: m[0], start: m.index } : null;
}
