import { type Words, words } from '../../domain/i18n.ts';
// Whose award is it? The home queue holds only the home region's awards, decided by region
// code: the extractor names each event's recipient region by its Kemendagri code
// (`recipientRegion`), and an event for another code never becomes a finding — it is kept with
// its article as an "other region" event. An event with no recipient region is proposed only when
// the article is about the home region. Pure: the caller loads the home region.
import { articleSubject } from '../../extract/attribute.ts';
import { findRegions } from '../../extract/regions/gazetteer.ts';
import type { AwardEvent } from '../../extract/types.ts';
import { normalizeText } from './fingerprint.ts';

export interface RegionRef {
  code: string;
  name: string;
}

export interface HomeRegion {
  id: number;
  code: string;
  /** 'Kota Tangerang' */
  name: string;
  kind: string;
}

export type SetAsideReason = 'other_region' | 'no_region' | 'giver_recipient';

export type RegionDecision =
  | { home: true }
  | { home: false; reason: SetAsideReason; region: RegionRef | null };

/**
 * Is the article about the home region? The extractor's own reading of its subject (the region
 * named most, headline and lead counting more), compared by code.
 */
export function aboutHome(text: string, home: HomeRegion): boolean {
  return articleSubject(text, findRegions(text))?.code === home.code;
}

/** "Kementerian PANRB" received an award from "Kementerian PANRB": the giver, not a recipient. */
function giverIsRecipient(e: AwardEvent): boolean {
  if (!e.recipient) return false;
  const r = normalizeText(e.recipient);
  return [e.awardingBody, e.awardingBodyName].some((g) => !!g && normalizeText(g) === r);
}

export function decideRegion(e: AwardEvent, home: HomeRegion, articleAboutHome: boolean): RegionDecision {
  const region = e.recipientRegion;
  if (region) {
    if (region.code === home.code) return { home: true };
    return { home: false, reason: 'other_region', region };
  }
  if (giverIsRecipient(e)) return { home: false, reason: 'giver_recipient', region: null };
  return articleAboutHome ? { home: true } : { home: false, reason: 'no_region', region: null };
}

/** Why an event was set aside, for people. */
export const SET_ASIDE_LABEL: Record<SetAsideReason, Words> = {
  other_region: words('Daerah lain', 'Another region'),
  no_region: words(
    'Penerima tidak disebut, berita bukan tentang daerah ini',
    'No recipient; article not about this region',
  ),
  giver_recipient: words('Pemberi tercatat sebagai penerima', 'The giver read as recipient'),
};
