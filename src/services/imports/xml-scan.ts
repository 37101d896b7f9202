// A minimal XML scanner for the two parts of a workbook the import reads (the first sheet and
// the shared strings), fed the inflated bytes chunk by chunk as the zip guard produces them.
//
// Why not a general SAX parser: measured on the 10,000-row benchmark sheet (3.8 MB of XML),
// saxes and htmlparser2 each took 150–200 ms to only tokenize it, exceljs's reader (saxes plus
// its cell model) ~300 ms, and this scanner 15 ms. Spreadsheet XML uses a small part of XML:
// elements, attributes, text with the five named and numeric entities, rarely CDATA or
// comments; no DTD (a DOCTYPE is skipped, its entities never expanded), so nothing here can
// grow a value beyond the bytes the guard already counted.

export interface XmlHandler {
  /** The element names it handles (without namespace prefix); other elements are passed over. */
  readonly names: readonly string[];
  /** True while the handler wants the text between tags (inside a value); else it is skipped. */
  capturing: boolean;
  /** `name` is one of `names` ("x:row" is "row"); `tag` reads the attributes of this tag only. */
  open(name: string, tag: XmlTag, selfClosing: boolean): void;
  close(name: string): void;
  /** Text as written (entities still encoded; see decodeXmlText), possibly in several pieces. */
  text(raw: string): void;
}

/** A tag, comment or CDATA section longer than this never closing is not a workbook. */
const MAX_PENDING = 1 << 20;

export class XmlScanError extends Error {}

/** The tag being opened: its attributes are read on demand, without copying the tag. */
export interface XmlTag {
  attribute(name: string): string | null;
}

export class XmlScanner implements XmlTag {
  private rest = '';
  private readonly decoder = new TextDecoder('utf-8');
  // The open tag's attribute text: s[attrFrom, attrTo).
  private s = '';
  private attrFrom = 0;
  private attrTo = 0;

  constructor(private readonly handler: XmlHandler) {}

  attribute(name: string): string | null {
    return attributeIn(this.s, this.attrFrom, this.attrTo, name);
  }

  write(chunk: Uint8Array): void {
    const text = this.decoder.decode(chunk, { stream: true });
    this.scan(this.rest ? this.rest + text : text);
  }

  end(): void {
    this.scan(this.rest + this.decoder.decode());
    if (this.rest) throw new XmlScanError('unterminated markup at the end of the part');
  }

  private scan(s: string): void {
    const h = this.handler;
    const n = s.length;
    let at = 0;
    this.rest = '';
    while (at < n) {
      const lt = s.indexOf('<', at);
      if (lt === -1) {
        if (h.capturing) h.text(s.slice(at));
        return;
      }
      if (lt > at && h.capturing) h.text(s.slice(at, lt));
      const next = s.charCodeAt(lt + 1);
      let end: number;
      if (next === 33 /* ! */) {
        // <!-- comment -->, <![CDATA[ text ]]>, <!DOCTYPE …> (skipped, never expanded)
        if (s.startsWith('<!--', lt)) end = s.indexOf('-->', lt + 4) + 3;
        else if (s.startsWith('<![CDATA[', lt)) {
          const close = s.indexOf(']]>', lt + 9);
          if (close !== -1 && h.capturing) h.text(encodeCdata(s.slice(lt + 9, close)));
          end = close === -1 ? -1 : close + 3;
        } else end = s.indexOf('>', lt + 2) + 1;
        if (end <= 0) {
          this.keep(s, lt);
          return;
        }
        at = end;
        continue;
      }
      const gt = s.indexOf('>', lt + 1);
      if (gt === -1) {
        this.keep(s, lt);
        return;
      }
      at = gt + 1;
      if (next === 63 /* ? */) continue; // <?xml …?>
      const closing = next === 47; /* / */
      const selfClosing = !closing && s.charCodeAt(gt - 1) === 47;
      const tagEnd = selfClosing ? gt - 1 : gt;
      let nameFrom = closing ? lt + 2 : lt + 1;
      let nameTo = nameFrom;
      while (nameTo < tagEnd && !isSpace(s.charCodeAt(nameTo))) {
        if (s.charCodeAt(nameTo) === 58 /* : */) nameFrom = nameTo + 1;
        nameTo++;
      }
      const name = known(h.names, s, nameFrom, nameTo);
      if (name === null) continue;
      if (closing) h.close(name);
      else {
        this.s = s;
        this.attrFrom = nameTo;
        this.attrTo = tagEnd;
        h.open(name, this, selfClosing);
      }
    }
  }

  /** Keeps an unfinished tag for the next chunk. */
  private keep(s: string, from: number): void {
    if (s.length - from > MAX_PENDING) throw new XmlScanError('a tag that never closes');
    this.rest = s.slice(from);
  }
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** The name in `names` that s[from, to) spells, without copying it; null for any other. */
function known(names: readonly string[], s: string, from: number, to: number): string | null {
  const length = to - from;
  for (const name of names) if (name.length === length && s.startsWith(name, from)) return name;
  return null;
}

/** CDATA is literal text: encode what decodeXmlText would otherwise read as markup. */
function encodeCdata(text: string): string {
  return text.includes('&') ? text.replaceAll('&', '&amp;') : text;
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text as an XML parser gives it: entities decoded, line ends normalised to "\n". */
export function decodeXmlText(raw: string): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, named) => {
    if (named) return NAMED[named as string];
    const code = dec ? Number(dec) : Number.parseInt(hex as string, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The value of attribute `name` within s[from, to) (a tag's attribute text), decoded. */
function attributeIn(s: string, from: number, to: number, name: string): string | null {
  let at = from;
  for (;;) {
    at = s.indexOf(name, at);
    if (at === -1 || at >= to) return null;
    const before = s.charCodeAt(at - 1);
    at += name.length;
    // A whole attribute name: preceded by a space, followed by optional spaces and "=".
    if (!isSpace(before)) continue;
    let i = at;
    while (isSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (isSpace(s.charCodeAt(i))) i++;
    const quote = s[i];
    if (quote !== '"' && quote !== "'") return null;
    const close = s.indexOf(quote, i + 1);
    if (close === -1 || close >= to) return null;
    return decodeXmlText(s.slice(i + 1, close));
  }
}
