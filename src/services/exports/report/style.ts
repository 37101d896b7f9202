// The report's page geometry and colours. The colours are the site's (src/http/static/app.css
// :root), so the printed report and the screen look like one product; a test compares them.

export type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = 45;
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
/** Lowest y the body may reach; the footer lives below it. */
export const BOTTOM = PAGE.height - MARGIN - 14;

export const COLOURS = {
  ink: '#1c2430',
  muted: '#556070',
  line: '#d7dde5',
  wash: '#f3f6f9',
  brand: '#0b4f6c',
  brandDark: '#083a50',
  accent: '#f2c14e',
  ok: '#1d6b3a',
  bad: '#a4262c',
};

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';

/** A section heading in the brand colour; returns the y below it. */
export function heading(doc: Doc, text: string, x: number, y: number, width = CONTENT_WIDTH): number {
  doc.font(BOLD).fontSize(12).fillColor(COLOURS.brandDark).text(text, x, y, { width, lineBreak: false });
  return y + 19;
}
