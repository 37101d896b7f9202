// Word scanning without Unicode-property regexes: V8 runs /\p{L}+/gu several times slower than
// a character-code loop, and the extractor walks every article word by word more than once.
// A word is a run of letters and digits, as [\p{L}\p{N}]+ would match (ASCII fast path).

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Length in UTF-16 units of the letter/digit code point at `i`, or 0 when it is not one. */
export function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    return LETTER_OR_DIGIT.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  return LETTER_OR_DIGIT.test(s[i]) ? 1 : 0;
}

/**
 * The words of `s` in order: `while (w.next())` then `w.start`, `w.end`. A cursor rather than a
 * callback, so the loop body is the caller's own code (a callback shared by several callers is
 * not inlined).
 */
export class Words {
  start = 0;
  end = 0;
  constructor(private readonly s: string) {}
  next(): boolean {
    const s = this.s;
    const n = s.length;
    let i = this.end;
    while (i < n) {
      let w = wordCharAt(s, i);
      if (w === 0) {
        i++;
        continue;
      }
      this.start = i;
      while (w > 0) {
        i += w;
        w = i < n ? wordCharAt(s, i) : 0;
      }
      this.end = i;
      return true;
    }
    this.end = n;
    return false;
  }
}

/**
 * Letters for patterns that must also ignore case. V8 runs /iu patterns many times slower than
 * /i ones (Unicode case folding on every comparison), so case-insensitive patterns are written
 * without the u flag and with this class in place of \p{L}: Latin letters, which is what
 * Indonesian is written in. (Under /iu, \p{Lu} matched lower case too: the same class.)
 */
export const LATIN = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF';
/** LATIN plus digits, for \p{L}\p{N}. */
export const LATIN_OR_DIGIT = `${LATIN}0-9`;

/**
 * A cheap "could this word be in the set?" test on (first, second and last character, length),
 * checked before slicing the word out of the text: most words of an article are in none of our
 * word sets. Words are compared as given (callers pass lower-case text); characters outside
 * ASCII count as one, so the test can only say "maybe" too often, never "no" wrongly.
 */
export class WordFilter {
  private readonly seen = new Uint8Array(1 << 16);
  constructor(words: Iterable<string>) {
    for (const w of words) this.seen[this.slot(w, 0, w.length)] = 1;
  }
  private slot(s: string, start: number, end: number): number {
    const len = end - start;
    const first = Math.min(s.charCodeAt(start), 127);
    const second = len > 1 ? Math.min(s.charCodeAt(start + 1), 127) : 0;
    const last = Math.min(s.charCodeAt(end - 1), 127);
    return (((first * 131 + second) * 131 + last) * 32 + Math.min(len, 31)) & 0xffff;
  }
  mayHave(s: string, start: number, end: number): boolean {
    return this.seen[this.slot(s, start, end)] === 1;
  }
  /**
   * The same test on a word as written, for a set of lower-case words: ASCII capitals are
   * folded; a word whose tested characters are not all ASCII is lowered first.
   */
  mayHaveAnyCase(s: string, start: number, end: number): boolean {
    const first = s.charCodeAt(start);
    const second = end - start > 1 ? s.charCodeAt(start + 1) : 0;
    const last = s.charCodeAt(end - 1);
    if (first >= 128 || second >= 128 || last >= 128) {
      const w = s.slice(start, end).toLowerCase();
      return this.mayHave(w, 0, w.length);
    }
    const len = end - start;
    const slot = (((fold(first) * 131 + fold(second)) * 131 + fold(last)) * 32 + Math.min(len, 31)) & 0xffff;
    return this.seen[slot] === 1;
  }
}

function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
