// "87 penghargaan sepanjang 2025", "tak kurang dari 239 penghargaan sejak 1993": counts the
// article claims. A count is never turned into that many awards; the curator sees it as a claim.

import { findRecipient } from './fields.ts';
import { NUMBER_WORD, wordToNumber } from './numbers.ts';
import { LATIN_OR_DIGIT } from './scan.ts';
import type { CountClaim } from './types.ts';

const COUNT_RE = new RegExp(
  `(?<![${LATIN_OR_DIGIT}])(?<!salah\\s)(\\d{1,4}|${NUMBER_WORD})\\s+(?:buah\\s+)?(?:penghargaan|trofi|piala|prestasi)\\b`,
  'gi',
);
const RECEIVED_RE =
  /\b(?:meraih|raih|menerima|mendapat(?:kan)?|memperoleh|menyabet|meraup|memboyong|diboyong|diraih|diterima|diperoleh|mengoleksi|mengantongi|menggondol|menyabet|dianugerahi|disabet|mengumpulkan|kumpulkan|dikumpulkan|kantongi|mencatat|tercatat|catatan|menyumbang)\b/i;
/**
 * A recap that breaks a count down ("bidang kesehatan menyumbang … yakni 19 penghargaan. Disusul
 * … sebanyak 14 penghargaan"; "Dari jumlah itu, 12 penghargaan berskala nasional"): each part is
 * a claim too (P22), though the sentence has no receiving verb.
 */
const BREAKDOWN_RE =
  /\b(?:sebanyak|dari\s+jumlah\s+(?:itu|tersebut)|di\s*antaranya|bidang\s+\S+\s+(?:menyumbang|sebanyak))\b/i;
const PLAN_RE =
  /\b(?:menargetkan|target|ditargetkan|akan|berharap|harapan|semoga|mengincar|membidik|berencana)\b/i;
const PERIOD_RES = [
  /\b(?:sepanjang|selama|sejak|hingga|pada|di|dalam)\s+(?:tahun\s+)?(?:(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\s+)?(?:hingga\s+\S+\s+)?(?:19|20)\d{2}\b/i,
  /\bsejak\s+[^,.;]{3,60}/i,
  /\btahun\s+(?:19|20)\d{2}\b/i,
  /\b(?:pada|di|dalam)\s+(?:acara|ajang|peringatan|perhelatan|rapat|puncak)\s+[^,.;]{3,80}/i,
];

export interface ClaimHit {
  claim: CountClaim;
  /** Where the count phrase sits in the sentence (to tell "meraih 4 penghargaan" from a named one). */
  start: number;
  end: number;
}

export function findClaims(sentence: string): ClaimHit[] {
  if ((!RECEIVED_RE.test(sentence) && !BREAKDOWN_RE.test(sentence)) || PLAN_RE.test(sentence)) return [];
  const out: ClaimHit[] = [];
  COUNT_RE.lastIndex = 0;
  for (let m = COUNT_RE.exec(sentence); m; m = COUNT_RE.exec(sentence)) {
    const count = wordToNumber(m[1]);
    if (count === null || count < 2) continue;
    const before = sentence.slice(0, m.index);
    const verb =
      /\b(?:meraih|raih|menerima|mendapat(?:kan)?|memperoleh|menyabet|meraup|memboyong|mengoleksi|mengantongi|menggondol)\b/i.exec(
        before,
      );
    const period = PERIOD_RES.map((re) => re.exec(sentence)?.[0]).find(Boolean) ?? null;
    out.push({
      claim: {
        count,
        period: period ? period.trim() : null,
        subject: findRecipient(verb ? before.slice(0, verb.index) : before),
        quote: sentence,
      },
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}
