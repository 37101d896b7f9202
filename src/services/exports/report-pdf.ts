import type { Kysely } from 'kysely';
import type PDFDocument from 'pdfkit';
import type { Database } from '../../db/schema.ts';
import { formatDate, formatNumber, formatPercent, todayIso } from '../../domain/format.ts';
import { levelLabel } from '../../domain/labels.ts';
import { lazyRequire } from '../../lazy.ts';
import type { Actor } from '../actor.ts';
import type { Award } from '../awards/model.ts';
import { AppError } from '../errors.ts';
import { yearTrend } from '../recap/dashboard.ts';
import { buildRecap, type Recap } from '../recap/recap.ts';
import { getRegion } from '../units.ts';
import { awardBatches } from './awards.ts';
import { producerName } from './open-data.ts';
import { barList, statBoxes, trendChart } from './report/charts.ts';
import { footers, letterhead, runningHead } from './report/letterhead.ts';
import { BOLD, BOTTOM, COLOURS, CONTENT_WIDTH, type Doc, FONT, heading, MARGIN } from './report/style.ts';
import { awardTable } from './report/table.ts';
import { REPORT_MAX_AWARDS } from './report-cap.ts';

const pdfkit = lazyRequire<typeof PDFDocument>('pdfkit');

// "Laporan Penghargaan Tahun 2025" on A4: the region's letterhead and emblem, the year's
// numbers against last year and since the founding, the trend since the founding, the
// splits by field, level and giver, the recurring assessments still running, and the table
// of the year's verified awards — flowing on from the first page, so a small year fits on
// one or two pages instead of leaving pages mostly blank. Every number comes from the recap
// service (what the recap pages and the API say); the table lists the same records.

export interface ReportOptions {
  year: number;
  regionCode?: string | null;
  /** Uncompressed content streams, so tests can read the text. */
  compress?: boolean;
}

const reportTooLarge = (year: number, region: string) =>
  new AppError(
    'validation_failed',
    `Laporan PDF memuat paling banyak ${formatNumber(REPORT_MAX_AWARDS)} penghargaan, dan ${region} punya lebih dari itu pada ${year}. ` +
      `Unduh daftarnya sebagai Excel atau CSV (/api/v1/exports/awards.xlsx?year=${year}&state=verified). ` +
      `(The PDF report lists at most ${REPORT_MAX_AWARDS.toLocaleString('en')} awards and ${region} has more in ${year}: download the list as Excel or CSV instead.)`,
    [
      {
        field: 'year',
        message: `lebih dari ${formatNumber(REPORT_MAX_AWARDS)} penghargaan`,
        limit: REPORT_MAX_AWARDS,
      },
    ],
  );

export async function yearlyReportPdf(
  db: Kysely<Database>,
  actor: Actor | null,
  o: ReportOptions,
): Promise<{ pdf: Buffer; count: number }> {
  // Verified records only (the recap's default): a report counts what has been checked.
  const recap = await buildRecap(db, { actor, region: o.regionCode, year: o.year });
  const awards: Award[] = [];
  for await (const batch of awardBatches(db, actor, { state: 'verified', year: o.year }, recap.region.code)) {
    awards.push(...batch);
    if (awards.length > REPORT_MAX_AWARDS) throw reportTooLarge(o.year, recap.region.name);
  }
  const region = await getRegion(db, recap.region.code);
  const producer = producerName(region ?? { name: recap.region.name, kind: '' });
  const title = `Laporan Penghargaan Tahun ${o.year}`;

  const doc: Doc = new (pdfkit())({
    size: 'A4',
    margin: MARGIN,
    compress: o.compress ?? true,
    bufferPages: true,
    info: { Title: `${title} — ${producer}`, Author: producer, Creator: 'Prestasi' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const newPage = () => {
    doc.addPage();
    return runningHead(doc, producer, title);
  };

  const founded = recap.region.foundedOn;
  let y = letterhead(doc, {
    producer,
    lines: [
      'Catatan penghargaan daerah yang terverifikasi',
      `Kode wilayah ${recap.region.code}${founded ? ` · berdiri ${formatDate(founded)}` : ''}`,
    ],
  });
  y = titleBlock(doc, title, y);
  y = statBoxes(doc, numbers(recap), y);
  doc.font(FONT).fontSize(9).fillColor(COLOURS.ink);
  doc.text(`${recap.change.phrase}; ${recap.cumulative.phrase}.`, MARGIN, y, { width: CONTENT_WIDTH });
  y = doc.y + 12;

  const trend = yearTrend(recap);
  y = heading(doc, `Penghargaan per tahun, ${trend[0]?.year ?? o.year}–${o.year}`, MARGIN, y);
  y = trendChart(doc, trend, o.year, y + 8, 110) + 6;

  y = splits(doc, recap, y);
  y = series(doc, recap, y, newPage);

  if (y + 90 > BOTTOM) y = newPage();
  y = heading(doc, `Daftar penghargaan ${o.year} (${formatNumber(awards.length)})`, MARGIN, y);
  if (awards.length === 0)
    doc
      .font(FONT)
      .fontSize(9.5)
      .fillColor(COLOURS.muted)
      .text(`Belum ada penghargaan terverifikasi pada ${o.year}.`, MARGIN, y);
  else y = awardTable(doc, awards, recap.region.name, y, newPage);

  footers(doc, `${producer} · ${title} · disusun oleh Prestasi pada ${formatDate(todayIso())}`);
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), count: recap.total };
}

function titleBlock(doc: Doc, title: string, y: number): number {
  doc
    .font(BOLD)
    .fontSize(18)
    .fillColor(COLOURS.brandDark)
    .text(title.toUpperCase(), MARGIN, y, { width: CONTENT_WIDTH, align: 'center' });
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(COLOURS.muted)
    .text('Hanya penghargaan yang sudah diverifikasi', MARGIN, doc.y + 2, {
      width: CONTENT_WIDTH,
      align: 'center',
    });
  return doc.y + 12;
}

/** The four key numbers: the year, the year before, the change, since the founding. */
function numbers(r: Recap) {
  const { absolute, percent } = r.change;
  const sign = absolute > 0 ? '+' : absolute < 0 ? '−' : '';
  const since = r.region.foundedOn?.slice(0, 4) ?? String(r.byYear[0]?.year ?? r.year);
  return [
    { label: `Penghargaan ${r.year}`, value: formatNumber(r.total), note: 'terverifikasi' },
    { label: `Tahun sebelumnya (${r.year - 1})`, value: formatNumber(r.previousYearTotal) },
    {
      label: `Perubahan dari ${r.year - 1}`,
      value: `${sign}${formatNumber(Math.abs(absolute))}`,
      note: percent === null ? 'tahun lalu nihil' : `${sign}${formatPercent(Math.abs(percent))}`,
      colour: absolute > 0 ? COLOURS.ok : absolute < 0 ? COLOURS.bad : undefined,
    },
    { label: `Sejak ${since}`, value: formatNumber(r.cumulative.total), note: 'penghargaan' },
  ];
}

/** By field on the left; by level and by giver on the right. */
function splits(doc: Doc, r: Recap, y: number): number {
  const gap = 24;
  const w = (CONTENT_WIDTH - gap) / 2;
  const right = MARGIN + w + gap;
  const none = 'Belum ada penghargaan terverifikasi.';
  let left = heading(doc, 'Menurut bidang', MARGIN, y, w);
  left = barList(
    doc,
    r.byField.map((f) => ({ label: f.name ?? 'Tanpa bidang', count: f.count })),
    MARGIN,
    left,
    w,
    11,
    none,
  );
  let rightY = heading(doc, 'Menurut tingkat', right, y, w);
  rightY = barList(
    doc,
    r.byLevel.map((l) => ({ label: l.level ? levelLabel('id', l.level) : 'Tanpa tingkat', count: l.count })),
    right,
    rightY,
    w,
    5,
    none,
  );
  rightY = heading(doc, 'Menurut pemberi', right, rightY + 4, w);
  rightY = barList(
    doc,
    r.byGiver.map((g) => ({ label: g.abbreviation ?? g.name ?? g.text ?? 'Pemberi lain', count: g.count })),
    right,
    rightY,
    w,
    Math.max(3, 11 - r.byLevel.length - 2),
    none,
  );
  return Math.max(left, rightY) + 4;
}

/** The recurring assessments still running: last value, trend and streak, one line each. */
function series(doc: Doc, r: Recap, y: number, newPage: () => number): number {
  const running = r.series.filter((s) => s.phrase).slice(0, 8);
  if (running.length === 0) return y;
  if (y + 40 > BOTTOM) y = newPage();
  y = heading(doc, 'Penilaian berkala yang berjalan', MARGIN, y);
  for (const s of running) {
    const name = [s.title, s.giver?.abbreviation].filter(Boolean).join(' · ');
    // The phrase starts with the series' title, already on the left; a bare value gets a word.
    let detail =
      s.title && s.phrase?.startsWith(s.title) ? s.phrase.slice(s.title.length).trim() : (s.phrase ?? '');
    if (/^[\d.,]+$/.test(detail)) detail = `nilai ${detail}`;
    doc.font(BOLD).fontSize(8.5);
    const h = Math.max(
      doc.heightOfString(name, { width: 200 }),
      doc.font(FONT).heightOfString(detail, { width: CONTENT_WIDTH - 210 }),
    );
    if (y + h > BOTTOM) y = newPage();
    doc.font(BOLD).fillColor(COLOURS.ink).text(name, MARGIN, y, { width: 200 });
    doc
      .font(FONT)
      .fillColor(COLOURS.muted)
      .text(detail, MARGIN + 210, y, { width: CONTENT_WIDTH - 210 });
    y += h + 5;
  }
  return y + 8;
}
