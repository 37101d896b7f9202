import { decodeXmlText, type XmlHandler, type XmlTag } from './xml-scan.ts';

// The cells of a sheet and the shared strings, read from their XML (SpreadsheetML) as the zip
// guard inflates it. A cell arrives as what it holds, not as it is shown: text, a number (a
// date cell is its Excel day number: the date column reads those, so styles are not needed),
// a formula's cached result, TRUE/FALSE, an error such as #N/A. Text cells usually point into
// the shared strings, which a zip may hold after the sheet, so they are resolved at the end.

/** A text cell that is the i-th shared string. */
export class SharedRef {
  constructor(readonly index: number) {}
}

export type RawValue = string | number | boolean | Date | SharedRef;

export interface RawRow {
  row: number;
  /** By column index (A = 0); holes are null. */
  cells: (RawValue | null)[];
}

export interface SheetLimits {
  /** Rows holding any value; one more stops the read. */
  maxRows: number;
  /** Column indexes from this on stop the read. */
  maxColumns: number;
  tooManyRows: () => Error;
  tooManyColumns: (row: number) => Error;
}

/** The rows of `<sheetData>`; rows without a value are left out. */
export class SheetCells implements XmlHandler {
  readonly names = ['sheetData', 'row', 'c', 'v', 'is', 't', 'rPh'];
  readonly rows: RawRow[] = [];
  capturing = false;
  private inData = false;
  private row: RawRow | null = null;
  private rowNumber = 0;
  private column = -1;
  private inCell = false;
  private type = '';
  private value: string | null = null;
  private inline: string | null = null;
  private phonetic = false;
  private pending = '';

  constructor(private readonly limits: SheetLimits) {}

  open(name: string, tag: XmlTag, selfClosing: boolean): void {
    switch (name) {
      case 'sheetData':
        this.inData = !selfClosing;
        break;
      case 'row': {
        if (!this.inData) break;
        // Writers may leave out the row number: then it is the one after the previous row.
        const r = tag.attribute('r');
        this.rowNumber = r ? Number.parseInt(r, 10) : this.rowNumber + 1;
        this.column = -1;
        this.row = selfClosing ? null : { row: this.rowNumber, cells: [] };
        break;
      }
      case 'c': {
        if (!this.row) break;
        const ref = tag.attribute('r');
        this.column = ref ? columnOf(ref) : this.column + 1;
        this.type = tag.attribute('t') ?? 'n';
        this.value = null;
        this.inline = null;
        this.inCell = !selfClosing;
        break;
      }
      case 'v':
        if (this.inCell && !selfClosing) this.capture();
        break;
      case 'is':
        if (this.inCell) this.inline = '';
        break;
      case 'rPh':
        this.phonetic = !selfClosing;
        break;
      case 't':
        if (this.inline !== null && !this.phonetic && !selfClosing) this.capture();
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        if (this.capturing) this.value = this.take();
        break;
      case 't':
        if (this.capturing) this.inline += this.take();
        break;
      case 'rPh':
        this.phonetic = false;
        break;
      case 'c':
        if (this.inCell) this.finishCell();
        break;
      case 'row':
        if (this.row?.cells.length) {
          if (this.rows.length > this.limits.maxRows) throw this.limits.tooManyRows();
          this.rows.push(this.row);
        }
        this.row = null;
        break;
      case 'sheetData':
        this.inData = false;
        break;
    }
  }

  text(raw: string): void {
    this.pending += raw;
  }

  private capture(): void {
    this.capturing = true;
    this.pending = '';
  }

  private take(): string {
    this.capturing = false;
    const s = decodeXmlText(this.pending);
    this.pending = '';
    return s;
  }

  private finishCell(): void {
    this.inCell = false;
    const value = cellValue(this.type, this.value, this.inline);
    if (value === null || !this.row) return;
    if (this.column >= this.limits.maxColumns || this.column < 0)
      throw this.limits.tooManyColumns(this.rowNumber);
    const cells = this.row.cells;
    while (cells.length < this.column) cells.push(null);
    cells[this.column] = value;
  }
}

/** What a cell holds, by its type attribute (ECMA-376 §18.18.11); a formula gives its result. */
function cellValue(type: string, v: string | null, inline: string | null): RawValue | null {
  switch (type) {
    case 's': {
      const index = v === null ? Number.NaN : Number.parseInt(v, 10);
      return Number.isInteger(index) && index >= 0 ? new SharedRef(index) : null;
    }
    case 'inlineStr':
      return inline ?? v;
    case 'str':
    case 'e':
      return v;
    case 'b':
      return v === null || v.trim() === '' ? null : Number.parseInt(v, 10) !== 0;
    case 'd': {
      if (v === null) return null;
      const date = new Date(v);
      return Number.isNaN(date.getTime()) ? v : date;
    }
    default: {
      if (v === null || v.trim() === '') return null;
      const n = Number.parseFloat(v);
      return Number.isNaN(n) ? v : n;
    }
  }
}

/** "B12" → 1; "AA3" → 26; -1 when the reference has no column letters. */
export function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** The shared strings part: one text per `<si>`, its runs joined, phonetic guides left out. */
export class SharedStrings implements XmlHandler {
  readonly names = ['si', 't', 'rPh'];
  readonly strings: string[] = [];
  capturing = false;
  private item = '';
  private phonetic = false;
  private pending = '';

  open(name: string, _tag: XmlTag, selfClosing: boolean): void {
    if (name === 'si') {
      if (selfClosing) this.strings.push('');
      else this.item = '';
    } else if (name === 'rPh') this.phonetic = !selfClosing;
    else if (name === 't' && !this.phonetic && !selfClosing) {
      this.capturing = true;
      this.pending = '';
    }
  }

  close(name: string): void {
    if (name === 't' && this.capturing) {
      this.capturing = false;
      this.item += decodeXmlText(this.pending);
      this.pending = '';
    } else if (name === 'rPh') this.phonetic = false;
    else if (name === 'si') this.strings.push(this.item);
  }

  text(raw: string): void {
    this.pending += raw;
  }
}
