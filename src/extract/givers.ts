import { AWARDING_BODIES, type AwardingBodyRef } from '../reference/awarding-bodies.ts';

// One alternation of every name, abbreviation and alias, longest first, so that
// "Ombudsman RI Perwakilan Provinsi Banten" wins over "Ombudsman" and "Kementerian Hukum dan Hak
// Asasi Manusia" over "Kementerian Hukum".
const byName = new Map<string, AwardingBodyRef>();
for (const b of AWARDING_BODIES) {
  for (const n of [b.name, b.abbreviation, ...b.aliases]) {
    const key = n.toLowerCase();
    if (!byName.has(key)) byName.set(key, b);
  }
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const NAMES = [...byName.keys()].sort((a, b) => b.length - a.length);
const GIVER_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${NAMES.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
const PAREN_ABBR = /^\s*\(([^()]{2,30})\)/;

export interface GiverMatch {
  body: AwardingBodyRef;
  /** As written, with a following "(ABBR)" kept: "Badan Kepegawaian Negara (BKN)". */
  written: string;
  start: number;
  end: number;
  /** Named only as a place ("tingkat Provinsi Banten"): a guess that a named giver replaces. */
  weak?: boolean;
}

export function findGivers(text: string): GiverMatch[] {
  const out: GiverMatch[] = [];
  GIVER_RE.lastIndex = 0;
  for (let m = GIVER_RE.exec(text); m; m = GIVER_RE.exec(text)) {
    const body = byName.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (!body) continue;
    let end = m.index + m[0].length;
    const paren = PAREN_ABBR.exec(text.slice(end, end + 34));
    if (paren) end += paren[0].length;
    out.push({ body, written: text.slice(m.index, end).replace(/\s+/g, ' ').trim(), start: m.index, end });
  }
  return out;
}

const AGENT_BEFORE =
  /(?:\b(?:dari|oleh|dikeluarkan|diberikan|diserahkan|diselenggarakan|digelar)\s+(?:\S+\s+){0,2})$/i;

const PLACE_BEFORE = /(?:\b(?:tingkat|wilayah|se|di|kawasan)\s*-?\s*)$/i;

/**
 * The giver of an award described in `text`: a body named right after "dari"/"oleh" wins,
 * otherwise the first body named. A body past its validTo (Kominfo after the Komdigi rename) is
 * kept as written: the article is the evidence and the curator sees the successor in the list.
 */
export function pickGiver(text: string): GiverMatch | null {
  const all = findGivers(text);
  if (all.length === 0) return null;
  const agent = all.find((g) => AGENT_BEFORE.test(text.slice(Math.max(0, g.start - 40), g.start)));
  if (agent) return agent;
  const strong = all.find((g) => !PLACE_BEFORE.test(text.slice(Math.max(0, g.start - 20), g.start)));
  return strong ?? { ...all[0], weak: true };
}

export function giverByAbbreviation(abbr: string): AwardingBodyRef | undefined {
  return byName.get(abbr.toLowerCase());
}
