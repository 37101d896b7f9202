import type { Kysely } from 'kysely';
import type PDFDocument from 'pdfkit';
import type { Database } from '../../db/schema.ts';
import { formatDateId } from '../../domain/format.ts';
import { formatNumber } from '../../domain/recap/format.ts';
import { lazyRequire } from '../../lazy.ts';
import type { Actor } from '../actor.ts';
import type { Award } from '../awards/model.ts';
import { invalid } from '../errors.ts';
import { buildRecap, type Recap } from '../recap/recap.ts';
import { awardsForExport } from './awards.ts';
import { LEVEL_LABELS } from './format.ts';
import { producerName } from './open-data.ts';

const pdfkit = lazyRequire<typeof PDFDocument>('pdfkit');

// "Laporan Penghargaan Tahun 2025": a title page with the region and the totals, bar charts
// by field and by giver drawn with pdfkit's vector primitives (crisp at any zoom, no image
// library), and the table of the year's verified awards across as many pages as it needs.
// Every number comes from the recap service, so the report says what the recap pages say.

export interface ReportOptions {
  year: number;
  regionCode?: string | null;
  /** Uncompressed content streams, so tests can read the text. */
  compress?: boolean;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const INK = '#1f2937';
const MUTED = '#6b7280';
const BAR = '#2563eb';

export async function yearlyReportPdf(
  db: Kysely<Database>,
  actor: Actor | null,
  o: ReportOptions,
): Promise<{ pdf: Buffer; count: number }> {
  let rq = db.selectFrom('regions').selectAll().orderBy('code');
  if (o.regionCode) rq = rq.where('code', '=', o.regionCode);
  const region = await rq.executeTakeFirst();
  if (!region) throw invalid([{ field: 'region', message: `Wilayah ${o.regionCode ?? ''} tidak ada` }]);
  // Verified records only: a report for leaders and the public counts what has been checked.
  const verified = { state: 'verified' as const };
  const awards = await awardsForExport(db, actor, { ...verified, year: o.year }, region.code);
  const recap = await buildRecap(db, { actor, region: region.code, year: o.year });
  const producer = producerName(region);

  const doc = new (pdfkit())({
    size: 'A4',
    margin: MARGIN,
    compress: o.compress ?? true,
    bufferPages: true,
    info: {
      Title: `Laporan Penghargaan Tahun ${o.year} — ${producer}`,
      Author: producer,
      Creator: 'Prestasi',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  titlePage(doc, producer, region.code, recap);
  doc.addPage();
  heading(doc, 'Penghargaan menurut bidang');
  barChart(
    doc,
    recap.byField.map((f) => [f.name ?? 'Tanpa bidang', f.count]),
    12,
  );
  doc.moveDown(1.5);
  heading(doc, 'Penghargaan menurut pemberi');
  barChart(
    doc,
    recap.byGiver.map((g) => [g.abbreviation ?? g.text ?? 'Tanpa pemberi', g.count]),
    12,
  );
  doc.addPage();
  heading(doc, `Daftar penghargaan ${o.year}`);
  table(doc, awards, region.name);
  footers(doc, producer, o.year);
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), count: recap.total };
}

function titlePage(doc: PDFKit.PDFDocument, producer: string, code: string, recap: Recap) {
  const { year } = recap;
  doc.rect(0, 0, A4.width, 12).fill(BAR);
  doc.fillColor(MUTED).font('Helvetica').fontSize(12).text(`${producer} · kode wilayah ${code}`, MARGIN, 140);
  doc
    .moveDown(0.5)
    .fillColor(INK)
    .font('Helvetica-Bold')
    .fontSize(30)
    .text(`Laporan Penghargaan Tahun ${year}`);
  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(64).fillColor(BAR).text(formatNumber(recap.total));
  doc.font('Helvetica').fontSize(14).fillColor(INK).text(`penghargaan terverifikasi pada ${year}`);
  doc.moveDown(0.5).fontSize(12).fillColor(MUTED);
  for (const phrase of [recap.change.phrase, recap.cumulative.phrase]) doc.text(phrase);
  const levels = recap.byLevel.map((l): [string, number] => [
    l.level ? (LEVEL_LABELS[l.level] ?? l.level) : 'Tanpa tingkat',
    l.count,
  ]);
  doc.moveDown(2).fontSize(12).fillColor(INK).font('Helvetica-Bold').text('Menurut tingkat');
  doc.font('Helvetica');
  for (const [label, n] of levels) doc.text(`${label}: ${formatNumber(n)}`);
  doc
    .moveDown(3)
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      `Disusun oleh Prestasi pada ${formatDateId(new Date().toISOString().slice(0, 10))} dari catatan yang sudah diverifikasi.`,
    );
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text(text, MARGIN);
  doc.moveDown(0.5);
}

/** Horizontal bars: label, bar scaled to the largest count, the count at the bar's end. */
function barChart(doc: PDFKit.PDFDocument, data: [string, number][], max: number) {
  if (data.length === 0) {
    doc.font('Helvetica').fontSize(11).fillColor(MUTED).text('Belum ada penghargaan terverifikasi.');
    return;
  }
  const shown = data.slice(0, max);
  if (data.length > max) shown.push(['Lainnya', data.slice(max).reduce((s, [, n]) => s + n, 0)]);
  const labelWidth = 170;
  const barMax = A4.width - 2 * MARGIN - labelWidth - 40;
  const top = Math.max(...shown.map(([, n]) => n));
  const rowH = 20;
  let y = doc.y;
  doc.font('Helvetica').fontSize(9);
  for (const [label, n] of shown) {
    const w = Math.max(2, (n / top) * barMax);
    doc
      .fillColor(INK)
      .text(label, MARGIN, y + 5, { width: labelWidth - 8, height: rowH, ellipsis: true, lineBreak: false });
    doc.rect(MARGIN + labelWidth, y + 3, w, rowH - 6).fill(BAR);
    doc.fillColor(INK).text(formatNumber(n), MARGIN + labelWidth + w + 4, y + 5, { lineBreak: false });
    y += rowH;
  }
  doc.moveTo(MARGIN + labelWidth, doc.y).strokeColor(MUTED);
  doc.y = y;
  doc.x = MARGIN;
}

const COLS = [
  { title: 'No', width: 24 },
  { title: 'Penghargaan', width: 170 },
  { title: 'Pemberi', width: 75 },
  { title: 'Tingkat', width: 60 },
  { title: 'Penerima', width: 90 },
  { title: 'Tanggal', width: 76 },
];

function table(doc: PDFKit.PDFDocument, awards: Award[], regionName: string) {
  const bottom = A4.height - MARGIN - 20;
  const drawHeader = () => {
    let x = MARGIN;
    const y = doc.y;
    doc.rect(MARGIN, y - 2, A4.width - 2 * MARGIN, 16).fill('#e5e7eb');
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor(INK);
    for (const c of COLS) {
      doc.text(c.title, x + 2, y + 2, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc.y = y + 18;
  };
  if (awards.length === 0) {
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor(MUTED)
      .text('Belum ada penghargaan terverifikasi untuk tahun ini.');
    return;
  }
  drawHeader();
  doc.font('Helvetica').fontSize(8.5);
  awards.forEach((a, i) => {
    const cells = [
      String(i + 1),
      a.title,
      a.awardingBody?.abbreviation ?? a.awardingBodyText ?? '–',
      a.level ? (LEVEL_LABELS[a.level] ?? a.level) : '–',
      // Short names (BKPSDM) keep the narrow column readable.
      a.unit?.shortName ??
        a.unit?.name ??
        (a.recipientKind === 'region'
          ? regionName
          : a.team.map((m) => m.unitName ?? m.personName).join(', ')),
      a.receivedOn ? formatDateId(a.receivedOn) : String(a.editionYear),
    ];
    doc.font('Helvetica').fontSize(8.5);
    const h = Math.max(...cells.map((t, j) => doc.heightOfString(t, { width: COLS[j].width - 4 }))) + 6;
    if (doc.y + h > bottom) {
      doc.addPage();
      drawHeader();
      doc.font('Helvetica').fontSize(8.5);
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((t, j) => {
      doc.fillColor(INK).text(t, x + 2, y + 3, { width: COLS[j].width - 4 });
      x += COLS[j].width;
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(A4.width - MARGIN, y + h)
      .lineWidth(0.3)
      .strokeColor('#d1d5db')
      .stroke();
    doc.y = y + h;
  });
  doc.x = MARGIN;
}

function footers(doc: PDFKit.PDFDocument, producer: string, year: number) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const text = `${producer} · Laporan Penghargaan Tahun ${year} · halaman ${i + 1} dari ${range.count}`;
    // Writing below the bottom margin must not trigger a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(text, MARGIN, A4.height - 35, {
        width: A4.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}
