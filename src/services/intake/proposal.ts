// What a finding proposes: the award event as the extractor read it, without the quote (the
// quotes live with the sources, one per article). Stored as JSON in findings.proposal_json.
import type { AwardEvent } from '../../extract/types.ts';
import type { RegionRef } from './region.ts';

// Slot spans index one article's text; a finding gathers several articles, so they stay with
// the extraction, not the proposal. Findings stored before regions existed lack the two slots.
export type Proposal = Omit<
  AwardEvent,
  'quote' | 'start' | 'end' | 'confidence' | 'slots' | 'recipientRegion' | 'recipientUnit'
> & {
  recipientRegion?: RegionRef | null;
  recipientUnit?: string | null;
  /** The home region's OrgUnit the recipient names, resolved at intake (null: the region itself). */
  recipientUnitId?: number | null;
};

export function toProposal(
  e: AwardEvent,
  published: string | null,
  recipientUnitId: number | null = null,
): Proposal {
  const { quote: _q, start: _s, end: _e, confidence: _c, slots: _sl, ...rest } = e;
  // Edition year: the event's own, else the ceremony's, else the article's.
  const year =
    e.year ?? (e.date ? Number(e.date.slice(0, 4)) : published ? Number(published.slice(0, 4)) : null);
  return { ...rest, year, recipientUnitId };
}
