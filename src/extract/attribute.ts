// Crediting each award to a region (P6, P7, P19, P20): the region named in the recipient, else —
// for a unit, a head, a pronoun or no recipient at all — the region the article is about.
import { findRegions, type Region, type RegionMention } from './regions/gazetteer.ts';
import { findUnit } from './regions/units.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Attribution {
  region: Region | null;
  unit: string | null;
  /** Where the region was read; null when it came from the article's subject. */
  span: Span | null;
  how: 'named' | 'subject' | 'none';
}

/** "se-Banten", "tingkat Provinsi Banten", "asal Kota X": a scope or an origin, not a subject. */
const SCOPE_BEFORE = /(?:\bse-?|\btingkat\s+|\bwilayah\s+|\bkawasan\s+)$/i;

export function isScope(text: string, m: RegionMention): boolean {
  return SCOPE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start));
}

/**
 * The region the article is about: the one named most, with the headline and lead counting more,
 * by an explicit kind ("Pemkot", "Bupati") more than by a bare name. Ambiguous bare names
 * ("Tangerang") are left out here and resolved against this subject later.
 */
export function articleSubject(text: string, mentions: RegionMention[]): Region | null {
  const weight = new Map<Region, number>();
  const lead = leadEnd(text);
  for (const m of mentions) {
    if (!m.region || isScope(text, m)) continue;
    let w = m.by === 'bare' ? 0.6 : 1;
    if (m.region.kind === 'provinsi') w *= 0.5;
    if (m.start < lead) w *= 2;
    weight.set(m.region, (weight.get(m.region) ?? 0) + w);
  }
  let best: Region | null = null;
  let bestW = 0;
  for (const [r, w] of weight) {
    if (w > bestW) {
      best = r;
      bestW = w;
    }
  }
  return best;
}

/** Headline and first paragraph: about the first 600 characters of text. */
function leadEnd(text: string): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ' ' && text[i] !== '\n') seen++;
    if (seen >= 600) return i;
  }
  return text.length;
}

const NONE: ReadonlySet<Region> = new Set();

/**
 * Resolve an ambiguous mention ("Mojokerto") to the candidate the article names with its kind
 * elsewhere ("Kota Mojokerto"), else the subject, else one in the subject's province.
 */
export function resolve(
  m: RegionMention,
  subject: Region | null,
  named: ReadonlySet<Region> = NONE,
): Region | null {
  if (m.region) return m.region;
  const known = m.candidates.filter((r) => named.has(r));
  if (known.length === 1) return known[0];
  if (!subject) return null;
  const sameKind = m.candidates.filter((r) => r.kind === subject.kind);
  return (
    m.candidates.find((r) => r === subject) ??
    m.candidates.find((r) => r.kind !== 'provinsi' && r.parent === subject.code) ??
    // "Bekasi" in an article about a kota: Kota Bekasi, not Kabupaten Bekasi.
    (sameKind.length === 1 ? sameKind[0] : null)
  );
}

/**
 * Credit one award: `recipient` is the recipient phrase as the extractor read it, found at
 * `near` in the article (or not found, when it was rebuilt from pieces).
 */
export function attribute(
  recipient: string | null,
  subject: Region | null,
  named: ReadonlySet<Region> = NONE,
): Attribution {
  const unit = recipient ? (findUnit(recipient)?.name ?? null) : null;
  if (recipient) {
    // "JAKARTA –": an all-capital dateline is where the news was written, not who received.
    const said = findRegions(recipient).filter(
      (m) =>
        !isScope(recipient, m) &&
        !(m.by !== 'kind' && m.written.length > 3 && m.written === m.written.toUpperCase()),
    );
    for (const m of said) {
      const r = resolve(m, subject, named);
      if (r) return { region: r, unit, span: { start: m.start, end: m.end }, how: 'named' };
    }
  }
  if (subject) return { region: subject, unit, span: null, how: 'subject' };
  return { region: null, unit, span: null, how: 'none' };
}

/** Regions the article names with their kind ("Kota Mojokerto", "Pemkab Bogor"), not bare. */
export function namedRegions(mentions: RegionMention[]): Set<Region> {
  const out = new Set<Region>();
  for (const m of mentions) if (m.region && m.by !== 'bare') out.add(m.region);
  return out;
}
