// Whose award is it? The home queue holds only the home region's awards, decided by region
// code: the extractor names each event's recipient region by its Kemendagri code
// (`recipientRegion`), and an event for another code never becomes a finding — it is kept with
// its article as an "other region" event. An event with no recipient region is proposed only when
// the article is about the home region. Pure: the caller loads the home region.
import type { AwardEvent } from '../../extract/types.ts';
import { normalizeText } from './fingerprint.ts';

export interface RegionRef {
  code: string;
  name: string;
}

/** The slots the region-aware extractor adds to every event (optional until it is everywhere). */
export type RegionalEvent = AwardEvent & {
  recipientRegion?: RegionRef | null;
  recipientUnit?: string | null;
};

export interface HomeRegion {
  code: string;
  /** 'Kota Tangerang' */
  name: string;
  kind: string;
}

export type SetAsideReason = 'other_region' | 'no_region' | 'giver_recipient';

export type RegionDecision =
  | { home: true }
  | { home: false; reason: SetAsideReason; region: { code: string | null; name: string } | null };

const KIND: Record<string, string> = {
  pemkot: 'kota',
  pemko: 'kota',
  kota: 'kota',
  pemkab: 'kabupaten',
  kabupaten: 'kabupaten',
  kab: 'kabupaten',
  pemprov: 'provinsi',
  provinsi: 'provinsi',
  prov: 'provinsi',
};

// "Pemerintah Kabupaten (Pemkab) Nagan Raya": the bracketed short form would hide the name.
const BRACKETED_KIND = /\s*\((?:Pemkot|Pemko|Pemkab|Pemprov|Pemda)\)/gi;
// A kind word, then up to three capitalised words: "Kota Tangerang Selatan", "Pemkab Nagan Raya".
const REGION_NAME =
  /\b(Pemkot|Pemko|Pemkab|Pemprov|Kota|Kabupaten|Kab\.?|Provinsi|Prov\.?)\s+((?:[A-Z][\p{L}'-]*)(?:\s+[A-Z][\p{L}'-]*){0,2})/gu;
// Words that make a longer region name out of a shorter one (Kota Tangerang → Kota Tangerang Selatan).
const NAME_EXTENDERS = new Set(['selatan', 'utara', 'barat', 'timur', 'tengah', 'raya', 'baru', 'kepulauan']);

/** 'Kota', 'Tangerang' → 'kota tangerang': the key names are compared by. */
export function regionKey(kind: string, name: string): string {
  const k = kind.toLowerCase().replace(/\.$/, '');
  return `${KIND[k] ?? k} ${normalizeText(name)}`;
}

export const homeKey = (home: HomeRegion) =>
  regionKey(home.kind, home.name.replace(/^(?:Kota|Kabupaten|Provinsi)\s+/i, ''));

/**
 * Does a key read as the home region? Equal, or the home key followed by words that are not a
 * longer name ("kota tangerang raih" in a title-case headline is ours; "kota tangerang selatan" not).
 */
function isHomeKey(key: string, home: string): boolean {
  if (key === home) return true;
  if (!key.startsWith(`${home} `)) return false;
  return !NAME_EXTENDERS.has(key.slice(home.length + 1).split(' ')[0]);
}

/** Every region named in a text, as keys, in order ("Pemkab Nagan Raya" → "kabupaten nagan raya"). */
export function regionMentions(text: string): { key: string; name: string }[] {
  const plain = text.replace(BRACKETED_KIND, '');
  return [...plain.matchAll(REGION_NAME)].map((m) => {
    const kind = KIND[m[1].toLowerCase().replace(/\.$/, '')] ?? m[1];
    const name = `${kind[0].toUpperCase()}${kind.slice(1)} ${m[2]}`;
    return { key: regionKey(m[1], m[2]), name };
  });
}

/**
 * Is the article about the home region? Counts the regions it names (and the regions of its
 * events): the home region must be named and named at least as often as any other.
 */
export function aboutHome(text: string, events: RegionalEvent[], home: HomeRegion): boolean {
  const ours = homeKey(home);
  const votes = new Map<string, number>();
  const vote = (k: string) => votes.set(k, (votes.get(k) ?? 0) + 1);
  for (const m of regionMentions(text)) vote(isHomeKey(m.key, ours) ? ours : m.key);
  for (const e of events)
    if (e.recipientRegion)
      vote(e.recipientRegion.code === home.code ? ours : `code ${e.recipientRegion.code}`);
  const mine = votes.get(ours) ?? 0;
  return mine > 0 && [...votes.values()].every((n) => n <= mine);
}

/**
 * The event's recipient region: the extractor's code when it gives one (null = the article does
 * not say); from an extractor without region slots, the region the recipient text names.
 */
function eventRegion(e: RegionalEvent, home: HomeRegion): { code: string | null; name: string } | null {
  if (e.recipientRegion !== undefined) return e.recipientRegion;
  const named = regionMentions(e.recipient ?? '');
  if (!named.length) return null;
  const ours = homeKey(home);
  const own = named.find((m) => isHomeKey(m.key, ours));
  return own ? { code: home.code, name: home.name } : { code: null, name: named[0].name };
}

/** "Kementerian PANRB" received an award from "Kementerian PANRB": the giver, not a recipient. */
function giverIsRecipient(e: RegionalEvent): boolean {
  if (!e.recipient) return false;
  const r = normalizeText(e.recipient);
  return [e.awardingBody, e.awardingBodyName].some((g) => !!g && normalizeText(g) === r);
}

export function decideRegion(e: RegionalEvent, home: HomeRegion, articleAboutHome: boolean): RegionDecision {
  const region = eventRegion(e, home);
  if (region) {
    if (region.code === home.code) return { home: true };
    return { home: false, reason: 'other_region', region };
  }
  if (giverIsRecipient(e)) return { home: false, reason: 'giver_recipient', region: null };
  return articleAboutHome ? { home: true } : { home: false, reason: 'no_region', region: null };
}

/** Why an event was set aside, for people (Indonesian, English). */
export const SET_ASIDE_LABEL: Record<SetAsideReason, [string, string]> = {
  other_region: ['Daerah lain', 'Another region'],
  no_region: [
    'Penerima tidak disebut, berita bukan tentang daerah ini',
    'No recipient; article not about this region',
  ],
  giver_recipient: ['Pemberi tercatat sebagai penerima', 'The giver read as recipient'],
};
