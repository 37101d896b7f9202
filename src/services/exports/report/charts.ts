import { formatNumber } from '../../../domain/format.ts';
import { BOLD, COLOURS, CONTENT_WIDTH, type Doc, FONT, MARGIN } from './style.ts';

// The report's figures, drawn with pdfkit's vector primitives (crisp at any zoom, no image
// library): the key numbers in boxes, the trend as vertical bars, the splits as horizontal bars.

export interface StatBox {
  label: string;
  value: string;
  note?: string;
  colour?: string;
}

/** A row of equal boxes with a label, a big number and a note; returns the y below. */
export function statBoxes(doc: Doc, boxes: StatBox[], y: number): number {
  const gap = 10;
  const w = (CONTENT_WIDTH - gap * (boxes.length - 1)) / boxes.length;
  const h = 66;
  boxes.forEach((b, i) => {
    const x = MARGIN + i * (w + gap);
    doc.roundedRect(x, y, w, h, 5).fill(COLOURS.wash);
    doc.rect(x, y, 3, h).fill(b.colour ?? COLOURS.brand);
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(COLOURS.muted)
      .text(b.label, x + 10, y + 8, { width: w - 16, lineBreak: false, ellipsis: true });
    doc
      .font(BOLD)
      .fontSize(22)
      .fillColor(b.colour ?? COLOURS.brandDark)
      .text(b.value, x + 10, y + 21, { width: w - 16, lineBreak: false });
    if (b.note)
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor(COLOURS.muted)
        .text(b.note, x + 10, y + 49, { width: w - 16, lineBreak: false, ellipsis: true });
  });
  return y + h + 10;
}

/**
 * Vertical bars, one per year, the chosen year in the accent colour with its count above;
 * years labelled every few bars so 30+ years stay readable. Returns the y below.
 */
export function trendChart(
  doc: Doc,
  years: { year: number; count: number }[],
  highlight: number,
  y: number,
  height = 120,
): number {
  const axisX = MARGIN + 22;
  const plotW = CONTENT_WIDTH - 22;
  const top = Math.max(1, ...years.map((p) => p.count));
  const step = niceStep(top);
  const maxTick = Math.ceil(top / step) * step;
  const base = y + height;
  doc.font(FONT).fontSize(7).fillColor(COLOURS.muted);
  for (let t = 0; t <= maxTick; t += step) {
    const ty = base - (t / maxTick) * height;
    doc
      .moveTo(axisX, ty)
      .lineTo(MARGIN + CONTENT_WIDTH, ty)
      .lineWidth(0.4)
      .stroke(COLOURS.line);
    doc.fillColor(COLOURS.muted).text(formatNumber(t), MARGIN - 4, ty - 3, { width: 22, align: 'right' });
  }
  const slot = plotW / Math.max(1, years.length);
  const barW = Math.max(2, slot * 0.7);
  const every = years.length > 40 ? 10 : years.length > 16 ? 5 : years.length > 8 ? 2 : 1;
  years.forEach((p, i) => {
    const x = axisX + i * slot + (slot - barW) / 2;
    const h = (p.count / maxTick) * height;
    const chosen = p.year === highlight;
    if (h > 0) doc.rect(x, base - h, barW, h).fill(chosen ? COLOURS.accent : COLOURS.brand);
    if (chosen || p.count === top)
      doc
        .font(BOLD)
        .fontSize(7.5)
        .fillColor(COLOURS.ink)
        .text(formatNumber(p.count), x - 10, base - h - 10, { width: barW + 20, align: 'center' });
    if (chosen || (p.year % every === 0 && Math.abs(p.year - highlight) >= every / 2))
      doc
        .font(chosen ? BOLD : FONT)
        .fontSize(7)
        .fillColor(COLOURS.muted)
        .text(String(p.year), x - 12, base + 3, { width: barW + 24, align: 'center' });
  });
  doc
    .moveTo(axisX, base)
    .lineTo(MARGIN + CONTENT_WIDTH, base)
    .lineWidth(0.8)
    .stroke(COLOURS.muted);
  return base + 16;
}

/** 1, 2, 5, 10, 20, 50 … so that about four gridlines fit. */
function niceStep(max: number): number {
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  for (const m of [1, 2, 5, 10]) if (m * mag >= raw) return Math.max(1, m * mag);
  return 10 * mag;
}

/**
 * Horizontal bars in a column (x, width): label on its own line, the bar under it, the count at
 * its end. At most `max` rows, the rest summed as "Lainnya". Returns the y below.
 */
export function barList(
  doc: Doc,
  rows: { label: string; count: number }[],
  x: number,
  y: number,
  width: number,
  max: number,
  empty: string,
): number {
  if (rows.length === 0) {
    doc.font(FONT).fontSize(9).fillColor(COLOURS.muted).text(empty, x, y, { width });
    return doc.y + 6;
  }
  const shown = rows.slice(0, max);
  if (rows.length > max)
    shown.push({ label: 'Lainnya', count: rows.slice(max).reduce((s, r) => s + r.count, 0) });
  const top = Math.max(...shown.map((r) => r.count));
  const numW = 30;
  for (const r of shown) {
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(COLOURS.ink)
      .text(r.label, x, y, { width: width - numW, lineBreak: false, ellipsis: true });
    doc
      .font(BOLD)
      .fontSize(8.5)
      .text(formatNumber(r.count), x + width - numW, y, { width: numW, align: 'right', lineBreak: false });
    doc.rect(x, y + 11, width - numW, 4).fill(COLOURS.wash);
    doc.rect(x, y + 11, Math.max(2, ((width - numW) * r.count) / top), 4).fill(COLOURS.brand);
    y += 21;
  }
  return y + 4;
}
