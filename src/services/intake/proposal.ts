// What a finding proposes: the award event as the extractor read it, without the quote (the
// quotes live with the sources, one per article). Stored as JSON in findings.proposal_json.
import type { RegionalEvent, RegionRef } from './region.ts';

export type Proposal = Omit<RegionalEvent, 'quote' | 'start' | 'end' | 'confidence'> & {
  recipientRegion?: RegionRef | null;
  recipientUnit?: string | null;
  /** The home region's OrgUnit the recipient names, resolved at intake (null: the region itself). */
  recipientUnitId?: number | null;
};

export function toProposal(
  e: RegionalEvent,
  published: string | null,
  recipientUnitId: number | null = null,
): Proposal {
  const { quote: _q, start: _s, end: _e, confidence: _c, ...rest } = e;
  // Edition year: the event's own, else the ceremony's, else the article's.
  const year =
    e.year ?? (e.date ? Number(e.date.slice(0, 4)) : published ? Number(published.slice(0, 4)) : null);
  return { ...rest, year, recipientUnitId };
}
