import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../src/services/imports/read-file.ts';
import { checkZipInflation, orderForStreaming } from '../../src/services/imports/zip-guard.ts';
import { rekapOrganisasi } from './office-sheets.ts';

// exceljs's writer puts xl/workbook.xml last; its streaming reader then intermittently reads a
// sheet before the workbook model exists and a sound file was refused as broken. The reader is
// now handed the parts in the order Excel itself writes them.

/** Entry names in the order their local records appear in the zip. */
function namesInZip(buf: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const nameLength = view.getUint16(at + 26, true);
    names.push(Buffer.from(buf.subarray(at + 30, at + 30 + nameLength)).toString());
    at += 30 + nameLength + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
  }
  return names;
}

const limits = { maxTotalBytes: 100e6, maxEntryBytes: 50e6, maxEntries: 100 };

describe('orderForStreaming', () => {
  it('moves the workbook, its relations and shared strings in front of the sheets, keeping every entry', async () => {
    const written = await rekapOrganisasi();
    const before = namesInZip(written);
    expect(before.indexOf('xl/workbook.xml')).toBeGreaterThan(before.indexOf('xl/worksheets/sheet1.xml'));

    const ordered = orderForStreaming(written);
    const after = namesInZip(ordered);
    expect(after.slice(0, 3)).toEqual([
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
    ]);
    expect([...after].sort()).toEqual([...before].sort());
    expect(ordered.length).toBe(written.length);
    // Still sound to the guard and to a reader that goes by the central directory (offsets right).
    await checkZipInflation(ordered, limits);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(ordered) as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBeGreaterThan(20);
  });

  it('returns a zip already in that order unchanged', async () => {
    const ordered = orderForStreaming(await rekapOrganisasi());
    expect(orderForStreaming(ordered)).toBe(ordered);
  });

  it('reads the same rows from the reordered file, many times over without a refusal', async () => {
    const written = await rekapOrganisasi();
    const first = await readSpreadsheet(written, 'rekap.xlsx');
    expect(first.rows.length).toBeGreaterThan(20);
    const reads = await Promise.all(Array.from({ length: 40 }, () => readSpreadsheet(written, 'rekap.xlsx')));
    for (const r of reads) expect(r.rows).toEqual(first.rows);
  });
});
