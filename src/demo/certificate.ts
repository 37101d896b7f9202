// Evidence files the demo draws for itself: a one-page certificate (piagam) PDF per award, so a
// clone of the repository without ../shared still shows evidence to open. Each says plainly that
// it is a demo document. Fixed metadata dates keep the bytes (and so the SHA-256) the same on
// every run.

import PDFDocument from 'pdfkit';

export interface CertificateText {
  title: string;
  recipient: string;
  giver: string;
  date: string;
}

const BRAND = '#0b4f6c';
const FIXED_DATE = new Date('2025-01-01T00:00:00Z');

export function certificatePdf(c: CertificateText): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: [420, 297],
      margin: 28,
      info: { Title: `Piagam contoh: ${c.title}`, CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
      compress: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.rect(12, 12, 396, 273).lineWidth(3).stroke(BRAND);
    doc.fillColor(BRAND).font('Helvetica-Bold').fontSize(16).text('PIAGAM PENGHARGAAN', { align: 'center' });
    doc
      .moveDown(0.4)
      .fillColor('#333')
      .font('Helvetica')
      .fontSize(9)
      .text('diberikan kepada', { align: 'center' });
    doc.font('Helvetica-Bold').fontSize(12).text(c.recipient, { align: 'center' });
    doc.moveDown(0.4).font('Helvetica').fontSize(9).text('atas capaian', { align: 'center' });
    doc.font('Helvetica-Bold').fontSize(11).text(c.title, { align: 'center' });
    doc.moveDown(0.6).font('Helvetica').fontSize(9).text(`${c.giver} · ${c.date}`, { align: 'center' });
    doc
      .moveDown(1)
      .fillColor('#a33')
      .fontSize(8)
      .text('DOKUMEN CONTOH untuk demo Prestasi — bukan piagam asli.', { align: 'center' });
    doc.end();
  });
}
