// Sentence splitting that survives Indonesian news: titles before names ("H. Sachrudin",
// "Dr. Nurdin", "Prof."), decimal scores ("94.76"), and list items on their own lines.

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the line (paragraph) it sits in; list items are whole lines. */
  line: number;
  /** True when the sentence is the whole of its line. */
  wholeLine: boolean;
}

// Words after which a full stop does not end a sentence.
const NO_BREAK = new Set([
  'h',
  'hj',
  'dr',
  'drs',
  'dra',
  'ir',
  'prof',
  'kh',
  'st',
  'no',
  'nomor',
  'jl',
  'tbk',
  'dkk',
  'sdr',
  'bpk',
  'ny',
  'm',
  's',
  'kom',
  'si',
  'sos',
  'pd',
  'ap',
  'se',
  'mm',
  'mh',
  'sh',
  'kes',
  'ak',
  'drg',
  'apt',
  'mt',
  'ph',
  'ed',
  'dll',
  'vs',
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'i',
  'j',
  'k',
  'l',
  'n',
  'o',
  'p',
  'q',
  'r',
  't',
  'u',
  'v',
  'w',
  'x',
  'y',
  'z',
  'pj',
  'plt',
  'plh',
  'kab',
  'kec',
  'kel',
  'sp',
]);

const BOUNDARY = /[.!?]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])|[.!?]+["”’)]*$/gu;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    splitLine(text, pos, nl, line, out);
    line++;
    pos = nl + 1;
  }
  return out;
}

function splitLine(text: string, from: number, to: number, line: number, out: Sentence[]): void {
  const raw = text.slice(from, to);
  const pieces: Array<[number, number]> = [];
  let segStart = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(raw); m; m = BOUNDARY.exec(raw)) {
    const word = /([\p{L}]+)$/u.exec(raw.slice(Math.max(0, m.index - 12), m.index))?.[1]?.toLowerCase();
    const single = raw[m.index] === '.' && m[0].length === 1;
    // "dengan kategori B. Nilainya …": a grade letter ends the sentence; an initial does not.
    const grade =
      word?.length === 1 &&
      /\b(?:kategori|predikat|kelas|nilai|grade)\s+\p{Lu}$/iu.test(raw.slice(0, m.index));
    if (single && word && NO_BREAK.has(word) && !grade) continue;
    // "1. Juara 1 …": list numbering at the start of a line, not a sentence end.
    if (single && /^\s*\d{1,2}$/.test(raw.slice(segStart, m.index))) continue;
    const cut = m.index + m[0].length;
    pieces.push([segStart, cut]);
    segStart = cut;
  }
  if (segStart < raw.length) pieces.push([segStart, raw.length]);
  const first = out.length;
  for (const [a, b] of pieces) {
    let s = a;
    let e = b;
    while (s < e && /\s/.test(raw[s])) s++;
    while (e > s && /\s/.test(raw[e - 1])) e--;
    if (e > s) out.push({ text: raw.slice(s, e), start: from + s, end: from + e, line, wholeLine: false });
  }
  if (out.length - first === 1) out[first].wholeLine = true;
}
