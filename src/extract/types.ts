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
  /** The region credited, by Kemendagri code and full official name; null when the article does not say. */
  recipientRegion: { code: string; name: string } | null;
  /** The unit the award is for, as written ("Puskesmas Neglasari"); null for the pemda as a whole. */
  recipientUnit: string | null;
  /** Where each filled slot was read (offsets into `text`) and how sure that reading is. */
  slots: Partial<Record<Slot, SlotSource>>;
}

export type Slot = 'recipient' | 'region' | 'title' | 'giver' | 'date' | 'rank' | 'score' | 'grade';

export interface SlotSource {
  start: number;
  end: number;
  /** 0–1: read where it was written (high) or inferred from the article's subject or context (lower). */
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
