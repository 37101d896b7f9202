// What an article says once for all its awards: the ceremony date, the office that handed the
// awards over (P8, P9), and scores said in a sentence of their own (P10).
import { findDates } from './dates.ts';
import type { Sentence } from './sentences.ts';
import { isAttributionDate } from './triggers.ts';

/** A sentence about the ceremony or the result, not a quote or an aside. */
const CEREMONY =
  /\b(?:diserahkan|menyerahkan|penyerahan|menerima|diterima|meraih|diraih|mengumumkan|diumumkan|pengumuman|dinobatkan|menganugerahkan|memberikan|acara|malam\s+anugerah|ditutup|berlangsung)\b/i;

/**
 * The ceremony date: the first date in a body sentence about handing over or announcing, not the
 * date someone spoke. Null when the article gives none (a month only, the publication line).
 */
export function ceremonyDate(
  sentences: Sentence[],
  skipLines: number,
  reference: string | null,
): string | null {
  for (const s of sentences) {
    if (s.line < skipLines || !CEREMONY.test(s.text)) continue;
    for (const d of findDates(s.text, reference)) {
      if (d.iso && !isAttributionDate(s.text.slice(0, d.start))) return d.iso;
    }
  }
  return null;
}

/** "diserahkan Pj Gubernur NTT Andriko Noto Susanto", "oleh Menteri LH Hanif Faisol Nurofiq". */
const OFFICE =
  /\b(?:diserahkan|diberikan|disampaikan|dianugerahkan|diumumkan)\s+(?:langsung\s+)?(?:oleh\s+)?((?:(?:Penjabat\s+\(Pj\)|Pj\.?|Plt\.?|Plh\.?)\s+)?(?:Menteri|Wakil\s+Menteri|Wamen\p{L}*|Menko\s+\p{Lu}+|Mendagri|Menkes|Menpan\p{L}*|Gubernur|Wakil\s+Gubernur|Kepala|Ketua|Dirjen|Direktur\s+Jenderal|Deputi|Sekretaris\s+Jenderal|Sekjen|Presiden|Wakil\s+Presiden)\b(?:\s+(?:\p{Lu}[\p{L}.'-]*|\(\p{Lu}+\)|dan|RI)){0,9})/u;

/** "Menteri Investasi … Rosan Perkasa Roeslani menyerahkan …": the giver as the subject (P5). */
const OFFICE_ACTIVE =
  /((?:(?:Penjabat\s+\(Pj\)|Pj\.?|Plt\.?)\s+)?(?:Menteri|Wakil\s+Menteri|Wamen\p{L}*|Menko|Gubernur|Wakil\s+Gubernur|Kepala|Ketua|Dirjen|Direktur\s+Jenderal|Deputi|Presiden|Wakil\s+Presiden)\b(?:[ \t]+(?:\p{Lu}[\p{L}.'/-]*|\(\p{Lu}+\)|dan|RI)){1,14})[ \t]+(?:menyerahkan|memberikan|menganugerahkan)\b/u;

/** The office or person who handed the award over, as written; null when none is named. */
export function handedBy(text: string): string | null {
  if (
    !/diserahkan|diberikan|disampaikan|dianugerahkan|diumumkan|menyerahkan|memberikan|menganugerahkan/.test(
      text,
    )
  )
    return null;
  const m = OFFICE.exec(text) ?? OFFICE_ACTIVE.exec(text);
  if (!m) return null;
  return m[1].replace(/\s+(?:dan|RI)$/u, '').trim();
}

const SCORE_SAID =
  /\b(?:nilai(?:nya)?|skor(?:nya)?|indeks|poin)\b(?:\s+(?:akhir|total|rata-rata|evaluasi|\p{Lu}[\p{L}]*)){0,6}?[^.;\d]{0,40}?\b(\d{1,3}[,.]\d{1,2})\b/iu;
const EARLIER = /\b(?:sebelumnya|tahun\s+lalu|dibanding(?:kan)?|naik\s+dari|dari\s+sebelumnya|semula)\b/i;

/** A score said in a sentence of its own ("nilai akhir SAKIP Kota Tangerang tahun ini 80,47"). */
export function scoreIn(sentence: string): number | null {
  if (!/\d[,.]\d/.test(sentence)) return null;
  const m = SCORE_SAID.exec(sentence);
  if (!m) return null;
  // "… 97,12, melonjak dibanding 94,60": the first number is this year's; one after "dibanding" is not.
  if (EARLIER.test(sentence.slice(0, m.index + m[0].length - m[1].length))) return null;
  return Number(m[1].replace(',', '.'));
}
