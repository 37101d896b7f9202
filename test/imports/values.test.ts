import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  columnForHeader,
  columnLetter,
  normaliseHeader,
} from '../../src/services/imports/columns.ts';
import {
  closest,
  parseDate,
  parseLevel,
  parseNumber,
  parseYear,
  parseYesNo,
  rankPosition,
} from '../../src/services/imports/values.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) =>
  r.ok ? r.value : `!${r.message}`;

describe('dates as offices write them', () => {
  it.each([
    ['23/5/2025', '2025-05-23'],
    ['23-05-2025', '2025-05-23'],
    ['23.05.2025', '2025-05-23'],
    ['2025-05-23', '2025-05-23'],
    ['2025/5/23', '2025-05-23'],
    ['23/5/25', '2025-05-23'],
    ['30 Desember 2025', '2025-12-30'],
    ['9 Okt 2025', '2025-10-09'],
    ['9 Okt. 2025', '2025-10-09'],
    ['1 Agustus 2024', '2024-08-01'],
    ['12 Nopember 2023', '2023-11-12'],
    ['Selasa, 30 Desember 2025', '2025-12-30'],
    ['May 23, 2025', '2025-05-23'],
    ['23 May 2025', '2025-05-23'],
    ['45800', '2025-05-23'],
  ])('%s → %s', (text, iso) => {
    expect(value(parseDate(text))).toBe(iso);
  });

  it('reads Excel date cells and serial numbers (with a time part) as days', () => {
    expect(value(parseDate(new Date(Date.UTC(2025, 9, 9))))).toBe('2025-10-09');
    expect(value(parseDate(45800))).toBe('2025-05-23');
    expect(value(parseDate(45800.75))).toBe('2025-05-23');
  });

  it('refuses impossible or unreadable dates with a hint', () => {
    expect(value(parseDate('31/2/2025'))).toMatch(/tidak ada di kalender/);
    expect(value(parseDate('30 Desembr 2025'))).toMatch(/bulan "Desembr" tidak dikenal/);
    expect(value(parseDate('kemarin'))).toMatch(/23\/5\/2025/);
    expect(value(parseDate(2025))).toMatch(/bukan tanggal/);
    expect(value(parseDate(null))).toBe(null);
  });
});

describe('numbers with Indonesian decimals', () => {
  it.each([
    ['94,76', 94.76],
    ['94.76', 94.76],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567', 1234567],
    [' 80 ', 80],
    ['-3,5', -3.5],
  ])('%s → %d', (text, n) => {
    expect(value(parseNumber(text))).toBe(n);
  });

  it('refuses text and dates', () => {
    expect(value(parseNumber('sembilan puluh'))).toMatch(/bukan angka/);
    expect(value(parseNumber(new Date()))).toMatch(/tanggal/);
  });

  it('years are whole and plausible', () => {
    expect(value(parseYear('2025'))).toBe(2025);
    expect(value(parseYear(2025))).toBe(2025);
    expect(value(parseYear('25'))).toMatch(/bukan tahun edisi/);
    expect(value(parseYear('2025,5'))).toMatch(/bukan tahun edisi/);
  });
});

describe('levels, yes/no, ranks', () => {
  it.each([
    ['Nasional', 'nasional'],
    ['TINGKAT NASIONAL', 'nasional'],
    ['Internasional', 'internasional'],
    ['ASEAN', 'regional'],
    ['Provinsi', 'provinsi'],
    ['Kabupaten/Kota', 'kabupaten/kota'],
    ['Kota', 'kabupaten/kota'],
  ])('%s → %s', (text, level) => {
    expect(value(parseLevel(text))).toBe(level);
  });

  it('names the accepted levels when one is unknown', () => {
    expect(value(parseLevel('Antar Galaksi'))).toMatch(
      /Internasional, Nasional, Regional, Provinsi atau Kabupaten\/Kota/,
    );
  });

  it('reads yes/no and rank positions', () => {
    expect(value(parseYesNo('Ya'))).toBe(true);
    expect(value(parseYesNo('tidak'))).toBe(false);
    expect(value(parseYesNo('mungkin'))).toMatch(/Ya\/Tidak/);
    expect(rankPosition('Juara 1')).toBe(1);
    expect(rankPosition('Terbaik II')).toBe(2);
    expect(rankPosition('Peringkat ke-3')).toBe(3);
    expect(rankPosition('Kategori A')).toBe(null);
  });
});

describe('headers and suggestions', () => {
  it.each([
    ['Judul', 'title'],
    ['Judul/Nama Penghargaan', 'title'],
    ['NAMA PENGHARGAAN', 'title'],
    ['Tgl.', 'receivedOn'],
    ['Tanggal (dd/mm/yyyy)', 'receivedOn'],
    ['Penerima/Unit', 'unit'],
    ['Unit Kerja', 'unit'],
    ['Predikat/Status', 'statusLabel'],
    ['Awarding Body', 'awardingBody'],
    ['Pemberi Tertulis', 'awardingBodyText'],
    ['Catatan Penerima', 'recipientNote'],
    ['Catatan', 'description'],
    ['Urutan Peringkat', 'rankPosition'],
    ['Peringkat', 'rank'],
    ['No', 'ignore'],
    ['Kolom Aneh', null],
  ])('%s → %s', (header, key) => {
    expect(columnForHeader(header)).toBe(key);
  });

  it('no two columns share a header or an alias', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of COLUMNS)
      for (const name of [c.header, ...c.aliases].map(normaliseHeader)) {
        if (owner.has(name) && owner.get(name) !== c.key)
          clashes.push(`${name}: ${owner.get(name)}, ${c.key}`);
        owner.set(name, c.key);
      }
    expect(clashes).toEqual([]);
  });

  it('letters columns as a spreadsheet does', () => {
    expect([0, 3, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'D', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('suggests a close name and nothing for a far one', () => {
    expect(closest('Kemendagr', ['Kemendagri', 'Kemenkes', 'BKN'])).toBe('Kemendagri');
    expect(closest('Majalah Tempo', ['Kemendagri', 'Kemenkes', 'BKN'])).toBe(null);
    expect(closest('BKM', ['Kemendagri', 'BKN'])).toBe('BKN');
  });
});
