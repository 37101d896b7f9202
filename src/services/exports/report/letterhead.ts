import { BOLD, COLOURS, CONTENT_WIDTH, type Doc, FONT, MARGIN, PAGE } from './style.ts';

// The letterhead (kop surat) of a regional government's document: its emblem on the left, its
// name in capitals centred, a line about the document, and the double rule under it. The
// emblem is a generic one drawn here — a shield with a star, a gate and a river — never a
// copy of a real coat of arms (a region's own emblem is a protected symbol).

/** Draws the emblem with its top-left corner at (x, y), `size` points wide. */
export function drawEmblem(doc: Doc, x: number, y: number, size: number) {
  const s = size / 100; // the drawing is on a 100 × 116 grid
  doc.save();
  doc.translate(x, y).scale(s);
  const shield = 'M50 2 L96 16 L96 58 C96 86 76 104 50 114 C24 104 4 86 4 58 L4 16 Z';
  doc.path(shield).fill(COLOURS.accent);
  doc.path('M50 9 L89 21 L89 58 C89 81 72 97 50 106 C28 97 11 81 11 58 L11 21 Z').fill(COLOURS.brand);
  // A five-pointed star at the top.
  doc
    .path(
      'M50 18 L54.7 29.5 L67 30.3 L57.5 38.2 L60.6 50.2 L50 43.6 L39.4 50.2 L42.5 38.2 L33 30.3 L45.3 29.5 Z',
    )
    .fill(COLOURS.accent);
  // A gate: two towers and an arch between them.
  doc.rect(28, 56, 12, 26).fill('#ffffff');
  doc.rect(60, 56, 12, 26).fill('#ffffff');
  doc.path('M40 64 L60 64 L60 82 L56 82 C56 74 44 74 44 82 L40 82 Z').fill('#ffffff');
  doc.rect(26, 52, 16, 4).fill('#ffffff');
  doc.rect(58, 52, 16, 4).fill('#ffffff');
  // A river under the gate.
  for (const dy of [0, 7]) {
    doc
      .path(
        `M22 ${88 + dy} C30 ${84 + dy} 38 ${92 + dy} 46 ${88 + dy} C54 ${84 + dy} 62 ${92 + dy} 70 ${88 + dy} C74 ${86 + dy} 76 ${87 + dy} 78 ${88 + dy}`,
      )
      .lineWidth(2.2)
      .stroke(COLOURS.accent);
  }
  doc.restore();
}

export interface LetterheadText {
  /** "Pemerintah Kota Tangerang" */
  producer: string;
  /** Lines under the name: what the document is, the region's code and founding. */
  lines: string[];
}

/** The first page's letterhead; returns the y below its double rule. */
export function letterhead(doc: Doc, t: LetterheadText): number {
  const top = MARGIN - 10;
  drawEmblem(doc, MARGIN, top, 58);
  const textX = MARGIN + 70;
  const textW = CONTENT_WIDTH - 140;
  doc
    .font(BOLD)
    .fontSize(17)
    .fillColor(COLOURS.brandDark)
    .text(t.producer.toUpperCase(), textX, top + 6, { width: textW, align: 'center' });
  doc.font(FONT).fontSize(9.5).fillColor(COLOURS.ink);
  for (const line of t.lines) doc.text(line, textX, doc.y + 2, { width: textW, align: 'center' });
  const rule = Math.max(top + 74, doc.y + 8);
  doc
    .moveTo(MARGIN, rule)
    .lineTo(PAGE.width - MARGIN, rule)
    .lineWidth(2.4)
    .stroke(COLOURS.brandDark);
  doc
    .moveTo(MARGIN, rule + 3.5)
    .lineTo(PAGE.width - MARGIN, rule + 3.5)
    .lineWidth(0.8)
    .stroke(COLOURS.brandDark);
  return rule + 14;
}

/** The band at the top of every following page: a small emblem, the region and the title. */
export function runningHead(doc: Doc, producer: string, title: string): number {
  const y = MARGIN - 18;
  drawEmblem(doc, MARGIN, y, 16);
  doc
    .font(BOLD)
    .fontSize(8.5)
    .fillColor(COLOURS.brandDark)
    .text(producer, MARGIN + 24, y + 5, { lineBreak: false });
  doc
    .font(FONT)
    .fontSize(8.5)
    .fillColor(COLOURS.muted)
    .text(title, MARGIN, y + 5, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
  doc
    .moveTo(MARGIN, y + 22)
    .lineTo(PAGE.width - MARGIN, y + 22)
    .lineWidth(0.8)
    .stroke(COLOURS.brand);
  return y + 32;
}

/** "… · halaman 2 dari 4" at the foot of every page (after the pages are laid out). */
export function footers(doc: Doc, text: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin must not start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 32;
    doc
      .moveTo(MARGIN, y - 6)
      .lineTo(PAGE.width - MARGIN, y - 6)
      .lineWidth(0.4)
      .stroke(COLOURS.line);
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(COLOURS.muted)
      .text(`${text} · halaman ${i + 1} dari ${range.count}`, MARGIN, y, {
        width: CONTENT_WIDTH,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}
