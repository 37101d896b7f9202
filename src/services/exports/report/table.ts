import { formatDate, formatNumber } from '../../../domain/format.ts';
import { gradeWords, levelLabel } from '../../../domain/labels.ts';
import type { Award } from '../../awards/model.ts';
import { BOLD, BOTTOM, COLOURS, CONTENT_WIDTH, type Doc, FONT, MARGIN } from './style.ts';

// The table of the year's awards: a brand-coloured header repeated on every page, striped
// rows as tall as their longest cell, never split across a page.

const COLS = [
  { title: 'No', width: 22 },
  { title: 'Penghargaan', width: 160 },
  { title: 'Pemberi', width: 60 },
  { title: 'Tingkat', width: 46 },
  { title: 'Penerima', width: 78 },
  { title: 'Hasil', width: 60 },
  // What is left (about 85 pt): "11 Desember 2025" on one line.
  { title: 'Tanggal', width: CONTENT_WIDTH - (22 + 160 + 60 + 46 + 78 + 60) },
];
const SIZE = 8;

/** What the award achieved, in words: rank, else grade, else score, else its status label. */
function result(a: Award): string {
  if (a.rank) return a.rank;
  if (a.grade) return gradeWords(a.grade.code, a.grade.label);
  if (a.score !== null) return formatNumber(a.score, 'id', 2);
  return a.statusLabel ?? '–';
}

function cells(a: Award, i: number, regionName: string): string[] {
  return [
    String(i + 1),
    a.title,
    a.awardingBody?.abbreviation ?? a.awardingBodyText ?? '–',
    a.level ? levelLabel('id', a.level) : '–',
    // Short names (BKPSDM) keep the narrow column readable.
    a.unit?.shortName ??
      a.unit?.name ??
      (a.recipientKind === 'region' ? regionName : a.team.map((m) => m.unitName ?? m.personName).join(', ')),
    result(a),
    a.receivedOn ? formatDate(a.receivedOn) : String(a.editionYear),
  ];
}

/**
 * Draws the table from y on; `newPage` starts a page and returns the y to continue at.
 * Returns the y below the last row.
 */
export function awardTable(
  doc: Doc,
  awards: Award[],
  regionName: string,
  y: number,
  newPage: () => number,
): number {
  const header = (at: number) => {
    doc.rect(MARGIN, at, CONTENT_WIDTH, 16).fill(COLOURS.brand);
    doc.font(BOLD).fontSize(SIZE).fillColor('#ffffff');
    let x = MARGIN;
    for (const c of COLS) {
      doc.text(c.title, x + 3, at + 4.5, { width: c.width - 6, lineBreak: false });
      x += c.width;
    }
    return at + 16;
  };
  y = header(y);
  awards.forEach((a, i) => {
    const texts = cells(a, i, regionName);
    const h =
      Math.max(
        ...texts.map((t, j) =>
          doc
            .font(j === 1 ? BOLD : FONT)
            .fontSize(SIZE)
            .heightOfString(t, { width: COLS[j].width - 6 }),
        ),
      ) + 7;
    if (y + h > BOTTOM) y = header(newPage());
    if (i % 2 === 1) doc.rect(MARGIN, y, CONTENT_WIDTH, h).fill(COLOURS.wash);
    let x = MARGIN;
    texts.forEach((t, j) => {
      doc
        .font(j === 1 ? BOLD : FONT)
        .fontSize(SIZE)
        .fillColor(COLOURS.ink)
        .text(t, x + 3, y + 3.5, { width: COLS[j].width - 6 });
      x += COLS[j].width;
    });
    y += h;
  });
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + CONTENT_WIDTH, y)
    .lineWidth(0.6)
    .stroke(COLOURS.brand);
  return y + 8;
}
