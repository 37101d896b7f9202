// The verbs that say an award was received, and the words around them that say it was not
// (yet): plans, hopes, nominations, recollections of earlier years, awards given to others.

import { LATIN } from './scan.ts';

// 1: received; 2: passive "diberikan(nya) penghargaan" (received by the subject);
// 3: active giving, which counts only when a known giver is the one giving.
export const TRIGGER_RE = new RegExp(
  String.raw`(?<![${LATIN}])(?:(meraih|raih|merebut|memastikan(?=\s+gelar)|membawa\s+pulang|mempertahankan(?=\s+(?:gelar|predikat|opini|status|penghargaan|piala))|menerima|mendapat(?:kan)?|memperoleh|menyabet|meraup|memboyong|menggondol|mengantongi|menyandang|dianugerahi|diganjar|dinobatkan(?:\s+(?:sebagai|menjadi))?|ditetapkan\s+sebagai|terpilih\s+(?:sebagai|menjadi)|keluar\s+sebagai|menjadi(?=\s+(?:juara|pemenang|peringkat|terbaik|the\s+best)))|((?:diberikan(?:nya)?|dianugerahkan(?:nya)?|diserahkannya)(?:\s+(?:juga|pula))?(?=\s+(?:penghargaan|sertifikat|piagam|trofi|piala|anugerah|predikat|gelar)))|(memberikan|menganugerahkan|menyerahkan|memberi|menobatkan|menetapkan))(?![${LATIN}])`,
  'gi',
);

export type TriggerKind = 'receive' | 'passive' | 'give';

export interface Trigger {
  kind: TriggerKind;
  start: number;
  end: number;
}

export function findTriggers(sentence: string): Trigger[] {
  const out: Trigger[] = [];
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(sentence); m; m = TRIGGER_RE.exec(sentence)) {
    const kind: TriggerKind = m[1] ? 'receive' : m[2] ? 'passive' : 'give';
    out.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// Right before the verb: "untuk meraih", "akan menerima", "belum mendapatkan".
const IMMEDIATE_NEG =
  /\b(?:untuk|agar|supaya|akan|bakal|belum|tidak|tak|gagal|ingin|dapat|bisa|harus|wajib|berpeluang|demi|guna)\s+(?:(?:kembali|terus|bisa|dapat|kembali|lagi|juga)\s+){0,2}$/i;
// Anywhere earlier in the clause.
const WIDE_NEG =
  /\b(?:menargetkan|ditargetkan|target(?:nya|kan)?|berharap|harapannya|diharapkan|semoga|ingin|berupaya|bertekad|berambisi|optimistis|optimis|mempersiapkan|persiapan|mengincar|membidik|berencana|rencananya|sebelumnya|pernah|sempat|tahun\s+lalu|jika|apabila|kalau|bilamana|nominasi|nominator|finalis|mengikuti\s+(?:seleksi|penilaian|lomba)|verifikasi|mendorong|mengajak|meminta|tips|cara)\b/i;
const OBJECT_NEG =
  /\b(?:nominasi|nominator|finalis|tahun\s+depan|mendatang|ke\s+depan|\d+\s+besar|masuk\s+dalam\s+daftar|hadiah\s+uang|uang\s+(?:tunai|pembinaan)|insentif)\b/i;

export function negatedBefore(before: string): boolean {
  const window = before.length > 90 ? before.slice(-90) : before;
  return IMMEDIATE_NEG.test(window) || WIDE_NEG.test(window);
}

export function negatedObject(object: string): boolean {
  return OBJECT_NEG.test(object);
}

const LOCAL_GIVER =
  /\b(?:wali\s+kota|wakil\s+wali\s+kota|pemkot|pemerintah\s+kota|bupati|pemkab|camat|lurah|sekda|kami|pihaknya|dinas|kecamatan|kelurahan)\b/i;

/** The city handing awards to others is not an award received. */
export function isLocalGiver(subject: string): boolean {
  return LOCAL_GIVER.test(subject);
}

const ATTRIBUTION =
  /\b(?:ujar|kata|ucap|ungkap|tutur|jelas|terang|tegas|sebut|papar|pungkas|imbuh|katanya|ujarnya|ungkapnya|tuturnya|jelasnya|tegasnya|pungkasnya|keterangan(?:\s+tertulis)?|dikonfirmasi|ditemui|diwawancarai|rilis)\b[^.]{0,60}$/i;

/** A date right after "ujar Sachrudin," is when someone spoke, not the ceremony. */
export function isAttributionDate(before: string): boolean {
  return ATTRIBUTION.test(before.length > 80 ? before.slice(-80) : before);
}
