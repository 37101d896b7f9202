import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../src/services/imports/read-file.ts';
import type { Cell } from '../../src/services/imports/values.ts';
import { GOOD_ROWS, xlsxOf } from './files.ts';
import { rekapDinkes, rekapOrganisasi, rekapSetda } from './office-sheets.ts';

// The import reads workbooks with its own small reader (xlsx-cells.ts, xml-scan.ts). These
// tests hold it to exceljs's full reader on real files exceljs writes, and to hand-written
// parts laid out the way Excel and other writers lay them out.

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as exceljs's (non-streaming) reader gives it, in the import's terms. */
function expected(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  // The import reads a date cell as its day number (the date column reads those).
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  if ('richText' in v) return expected(v.richText.map((r) => r.text).join(''));
  if ('formula' in v || 'sharedFormula' in v)
    return expected((v as ExcelJS.CellFormulaValue).result as never);
  if ('hyperlink' in v) return expected(v.text as string);
  if ('error' in v) return v.error;
  throw new Error(`unexpected cell ${JSON.stringify(v)}`);
}

const trimEnd = (cells: Cell[]) => {
  const out = [...cells];
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
};

/** The rows exceljs reads from the first sheet, vertical merges copied down as the import does. */
async function withExcelJs(file: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
  const rows: { row: number; cells: Cell[] }[] = [];
  book.worksheets[0].eachRow((row) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // A merged cell repeats its range's first cell; the import copies it down the first column.
      const master = cell.isMerged ? cell.master : cell;
      cells[col - 1] = master === cell || master.col === cell.col ? expected(master.value) : null;
    });
    const filled = Array.from(cells, (c) => c ?? null);
    if (filled.some((c) => c !== null)) rows.push({ row: row.number, cells: trimEnd(filled) });
  });
  return rows;
}

async function withImport(file: Uint8Array) {
  const { rows } = await readSpreadsheet(file, 'rekap.xlsx');
  return rows.map((r) => ({ row: r.row, cells: trimEnd(r.cells) }));
}

/** Every kind of value an office sheet holds, written by exceljs. */
async function everyKindOfCell(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Rekap');
  ws.addRow(['Judul', 'Tanggal', 'Nilai', 'Publik', 'Catatan']);
  const dated = ws.addRow([
    { richText: [{ text: 'Dinas ' }, { font: { bold: true }, text: 'Kesehatan' }] },
    new Date(Date.UTC(2025, 4, 23)),
    { formula: '90+4.76', result: 94.76 },
    true,
    { text: 'situs', hyperlink: 'https://example.org/a?b=1&c=2' },
  ]);
  dated.getCell(2).numFmt = 'dd/mm/yyyy';
  ws.addRow([
    'Tanda <&> "kutip" \'satu\' — é 🏆',
    { formula: 'TEXT(B2,"dd/mm/yyyy")', result: '23/05/2025' },
    { formula: '1/0', result: { error: '#DIV/0!' } },
    false,
    '   ',
  ]);
  ws.addRow(['Baris\ndua', { formula: 'NOW()' }, -0.5, 0, { error: '#N/A' }]);
  ws.getCell('F9').value = 'jauh di kanan';
  ws.mergeCells('E2:E4');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the workbook reader', () => {
  it('reads the same cells as exceljs on every workbook the import tests write', async () => {
    const files: [string, Uint8Array][] = [
      ['every kind of cell', await everyKindOfCell()],
      ['GOOD_ROWS', await xlsxOf(GOOD_ROWS)],
      ['Bagian Organisasi', await rekapOrganisasi()],
      ['Dinkes', await rekapDinkes()],
      ['Setda', await rekapSetda()],
    ];
    for (const [name, file] of files) expect(await withImport(file), name).toEqual(await withExcelJs(file));
    const kinds = await withImport(files[0][1]);
    expect(kinds[1].cells).toEqual(['Dinas Kesehatan', 45800, 94.76, 'Ya', 'situs']);
    expect(kinds[2].cells).toEqual([
      'Tanda <&> "kutip" \'satu\' — é 🏆',
      '23/05/2025',
      '#DIV/0!',
      'Tidak',
      'situs', // merged down from E2
    ]);
    expect(kinds[3].cells).toEqual(['Baris\ndua', null, -0.5, 0, 'situs']);
    expect(kinds[4]).toEqual({ row: 9, cells: [null, null, null, null, null, 'jauh di kanan'] });
  });

  it('reads the same rows many times at once (the workbook part written after the sheets)', async () => {
    const written = await rekapOrganisasi();
    const first = await readSpreadsheet(written, 'rekap.xlsx');
    expect(first.rows.length).toBeGreaterThan(20);
    const reads = await Promise.all(Array.from({ length: 40 }, () => readSpreadsheet(written, 'rekap.xlsx')));
    for (const r of reads) expect(r.rows).toEqual(first.rows);
  });
});

// Parts as Excel lays them out (workbook first, shared strings after the sheets) and as other
// writers do: inline strings, rows and cells without a reference, namespace prefixes.
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function handWritten(sheetXml: string, sharedXml?: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${NS}"><sheets><sheet name="Rekap" sheetId="1"/><sheet name="Petunjuk" sheetId="2"/></sheets></workbook>`,
  );
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  zip.file(
    'xl/worksheets/sheet2.xml',
    `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>petunjuk, bukan data</t></is></c></row></sheetData></worksheet>`,
  );
  if (sharedXml) zip.file('xl/sharedStrings.xml', sharedXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('the workbook reader on parts other writers make', () => {
  it('reads inline and rich text, phonetic runs, formula results, TRUE/FALSE, errors, ISO dates, entities', async () => {
    const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${NS}" count="3" uniqueCount="3"><si><t>Judul</t></si><si><t>Bidang</t><rPh sb="0" eb="6"><t>びだん</t></rPh><phoneticPr fontId="1"/></si><si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">Dinas </t></r><r><t>Kesehatan &amp; KB</t></r></si></sst>`;
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS}"><dimension ref="A1:H3"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Nilai</t></is></c></row>
<!-- a comment between rows -->
<row r="3" spans="1:8"><c r="A3" t="s" s="2"><v>2</v></c><c r="B3" t="inlineStr"><is><r><t>Tata </t></r><r><rPr><i/></rPr><t>Kelola</t></r></is></c><c r="C3"><f>SUM(1,2)</f><v>3</v></c><c r="D3" t="str"><f>"a"&amp;"b"</f><v>a&lt;b&#233;&#x1F3C6;</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><f>NA()</f><v>#N/A</v></c><c r="G3" t="d"><v>2025-05-23T00:00:00Z</v></c><c r="H3"><f>NOW()</f></c><c r="I3" s="4"/></row>
<row><c t="inlineStr"><is><t xml:space="preserve">  tanpa r\r\nbaris  </t></is></c><c><v>2.5E3</v></c><c t="str"><v><![CDATA[<b>&amp;</b>]]></v></c></row>
</sheetData><mergeCells count="0"/></worksheet>`;
    const { format, rows } = await readSpreadsheet(await handWritten(sheet, shared), 'rekap.xlsx');
    expect(format).toBe('xlsx');
    expect(rows).toEqual([
      { row: 1, cells: ['Judul', 'Bidang', 'Nilai'] },
      {
        row: 3,
        cells: [
          'Dinas Kesehatan & KB',
          'Tata Kelola',
          3,
          'a<bé🏆',
          'Ya',
          '#N/A',
          new Date('2025-05-23T00:00:00Z'),
          // H3, a formula never calculated, holds nothing yet; I3 is only formatted
        ],
      },
      { row: 4, cells: ['  tanpa r\nbaris  ', 2500, '<b>&amp;</b>'] },
    ]);
  });

  it('reads parts whose elements carry a namespace prefix', async () => {
    const sheet = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Judul</x:t></x:is></x:c><x:c r="C2"><x:v>2025</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const { rows } = await readSpreadsheet(await handWritten(sheet), 'rekap.xlsx');
    expect(rows).toEqual([{ row: 2, cells: [null, 'Judul', 2025] }]);
  });

  it('refuses a value past column 200 (413) but not an empty formatted cell there; a cut-off part is 415', async () => {
    const row = (cells: string) =>
      `<worksheet xmlns="${NS}"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    const styledOnly = await readSpreadsheet(
      await handWritten(row('<c r="A1" t="inlineStr"><is><t>Judul</t></is></c><c r="ZZ1" s="3"/>')),
      'rekap.xlsx',
    );
    expect(styledOnly.rows).toEqual([{ row: 1, cells: ['Judul'] }]);
    await expect(
      readSpreadsheet(await handWritten(row('<c r="A1"><v>1</v></c><c r="GS1"><v>2</v></c>')), 'rekap.xlsx'),
    ).rejects.toMatchObject({ code: 'payload_too_large', message: /Baris 1 berisi lebih dari 200 kolom/ });
    await expect(
      readSpreadsheet(
        await handWritten(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"`),
        'rekap.xlsx',
      ),
    ).rejects.toMatchObject({ code: 'unsupported_media_type', message: /rusak/ });
  });
});
