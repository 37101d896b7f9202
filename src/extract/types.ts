import type { GiverLevel } from '../reference/awarding-bodies.ts';

export type Level = GiverLevel;

/** One award the article reports as received. Offsets index the text given to `extractArticle`. */
export interface AwardEvent {
  title: string;
  recipient: string | null;
  awardingBody: string | null;
  awardingBodyName: string | null;
  level: Level | null;
  date: string | null;
  category: string | null;
  rank: string | null;
  rankPosition: number | null;
  score: number | null;
  grade: string | null;
  year: number | null;
  quote: string;
  start: number;
  end: number;
  confidence: number;
}

/** "87 penghargaan sepanjang 2025": a count the article claims, never expanded into awards. */
export interface CountClaim {
  count: number;
  period: string | null;
  subject: string | null;
  quote: string;
}

export interface ArticleExtraction {
  title: string | null;
  published: string | null;
  /** The text the offsets refer to (for HTML: the main text readability found). */
  text: string;
  awards: AwardEvent[];
  claims: CountClaim[];
}

export interface ExtractOptions {
  /** ISO date the article was published; anchors "(9/11)" and "20 Oktober lalu". */
  published?: string | null;
  title?: string | null;
}
