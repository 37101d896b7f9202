// Pure rules that decide when two reports are the same award event. Outlets word the same
// event differently ("Pemkot Tangerang" / "Pemerintah Kota (Pemkot) Tangerang"; "SPM Awards
// 2025" / "Standar Pelayanan Minimal (SPM) Awards 2025 kategori kota"), so an exact key catches
// the easy cases and a fuzzy test catches close variants. See docs/intake.md "Dedup".

/** The fields of a proposal the rules look at (a subset of the extractor's AwardEvent). */
export interface EventKey {
  title: string;
  recipient: string | null;
  awardingBody: string | null;
  awardingBodyName: string | null;
  date: string | null;
  year: number | null;
  rankPosition: number | null;
}

// Words that every award title or recipient carries and that say nothing about which award it is.
const TITLE_STOP = new Set([
  'penghargaan',
  'award',
  'awards',
  'anugerah',
  'kategori',
  'predikat',
  'tahun',
  'dan',
  'atas',
  'dalam',
  'yang',
  'di',
  'ke',
  'dari',
  'untuk',
  'pada',
  'sebagai',
  'bagi',
  'dengan',
  'oleh',
  'serta',
  'tingkat',
  'the',
  'of',
  'rangka',
  'para',
  'se',
  'peringkat',
  'juara',
  'terbaik',
  'i',
  'ii',
  'iii',
  'iv',
  'v',
]);
const RECIPIENT_STOP = new Set([
  'pemerintah',
  'pemkot',
  'pemkab',
  'pemprov',
  'pemda',
  'kota',
  'kabupaten',
  'provinsi',
  'melalui',
  'dan',
  'oleh',
  'kab',
]);

/** Lower case, accents off, only letters/digits separated by single spaces. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words that tell one award title from another: no filler, no years, no rank words. */
export function titleTokens(title: string): string[] {
  const words = normalizeText(title)
    .split(' ')
    .filter((w) => w.length > 1 && !TITLE_STOP.has(w) && !/^(?:19|20)\d{2}$/.test(w));
  return [...new Set(words)].sort();
}

/** Share of the smaller title's key words found in the other (1 = one title contains the other). */
export function titleOverlap(a: string, b: string): number {
  const ta = titleTokens(a);
  const tb = new Set(titleTokens(b));
  if (!ta.length || !tb.size) return 0;
  const shared = ta.filter((w) => tb.has(w)).length;
  return shared / Math.min(ta.length, tb.size);
}

/** Giver as a slug: the abbreviation when the extractor resolved one, else the name as written. */
export function giverKey(e: Pick<EventKey, 'awardingBody' | 'awardingBodyName'>): string {
  const raw = e.awardingBody ?? e.awardingBodyName;
  return raw ? normalizeText(raw).replace(/ /g, '-') : '-';
}

export function recipientKey(recipient: string | null): string {
  if (!recipient) return '-';
  const words = normalizeText(recipient)
    .split(' ')
    .filter((w) => w && !RECIPIENT_STOP.has(w));
  return [...new Set(words)].sort().join('-') || '-';
}

/** Edition year: the event's own, else the ceremony's year. */
export const eventYear = (e: Pick<EventKey, 'year' | 'date'>): number | null =>
  e.year ?? (e.date ? Number(e.date.slice(0, 4)) : null);

/**
 * Exact key: giver | date (or year) | recipient | rank position | title key words. Rank is part
 * of it so that BKN's "Peringkat I/II/III" of one ceremony stay separate events.
 */
export function fingerprint(e: EventKey): string {
  const when = e.date ?? (eventYear(e) !== null ? String(eventYear(e)) : '-');
  const rank = e.rankPosition ?? '-';
  return [giverKey(e), when, recipientKey(e.recipient), rank, titleTokens(e.title).join('-') || '-'].join(
    '|',
  );
}

/** Prefix shared by every fingerprint of one giver: the store finds fuzzy candidates with it. */
export const fingerprintPrefix = (e: EventKey) => `${giverKey(e)}|`;

const DAY = 86_400_000;
const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY;

/** Close enough to be one event told twice: same giver, date ±3 days (or same year), titles overlap ≥ 0.6. */
export function sameEvent(a: EventKey, b: EventKey): boolean {
  if (giverKey(a) === '-' || giverKey(a) !== giverKey(b)) return false;
  if (a.rankPosition !== null && b.rankPosition !== null && a.rankPosition !== b.rankPosition) return false;
  if (a.date && b.date) {
    if (daysApart(a.date, b.date) > 3) return false;
  } else if (eventYear(a) === null || eventYear(a) !== eventYear(b)) return false;
  return titleOverlap(a.title, b.title) >= 0.6;
}

/**
 * Within two copies of one release (near-duplicate articles): the same award when the titles
 * overlap ≥ 0.5 and the rank, year and giver (where both were read) do not differ.
 */
export function sameReleaseEvent(a: EventKey, b: EventKey): boolean {
  if (a.rankPosition !== null && b.rankPosition !== null && a.rankPosition !== b.rankPosition) return false;
  if (eventYear(a) !== null && eventYear(b) !== null && eventYear(a) !== eventYear(b)) return false;
  if (giverKey(a) !== '-' && giverKey(b) !== '-' && giverKey(a) !== giverKey(b)) return false;
  return titleOverlap(a.title, b.title) >= 0.5;
}

/** An award already on record: giver code/abbreviation, edition year, title (and programme). */
export interface RecordedAward {
  id: number;
  giverKeys: string[];
  editionYear: number;
  title: string;
  programme: string | null;
  rankPosition: number | null;
}

/** Is this event (probably) an award we already hold? Then it is new evidence, not a new award. */
export function matchesAward(e: EventKey, award: RecordedAward): boolean {
  const giver = giverKey(e);
  if (giver === '-' || !award.giverKeys.includes(giver)) return false;
  if (eventYear(e) !== award.editionYear) return false;
  if (e.rankPosition !== null && award.rankPosition !== null && e.rankPosition !== award.rankPosition)
    return false;
  const titles = [award.title, award.programme].filter((t): t is string => !!t);
  return titles.some((t) => titleOverlap(e.title, t) >= 0.6);
}
