import { describe, expect, it } from 'vitest';
import { findDates, resolveYearless } from '../../src/extract/dates.ts';
import { findGivers, pickGiver } from '../../src/extract/givers.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { findRank, parseDecimal, wordToNumber } from '../../src/extract/numbers.ts';
import { splitSentences } from '../../src/extract/sentences.ts';

describe('dates', () => {
  it('reads the Indonesian forms', () => {
    expect(findDates('Jumat (23/5/2025)')[0].iso).toBe('2025-05-23');
    expect(findDates('Selasa, 30 Desember 2025')[0].iso).toBe('2025-12-30');
    expect(findDates('pada Jumat (9/11).', '2022-12-23')[0].iso).toBe('2022-11-09');
    expect(findDates('pada 20 Oktober lalu', '2022-12-23')[0].iso).toBe('2022-10-20');
  });
  it('rolls a year-less date back when it would follow publication', () => {
    expect(resolveYearless(28, 12, '2025-01-05')).toBe('2024-12-28');
  });
  it('rejects impossible dates', () => {
    expect(findDates('(31/2/2025)')).toHaveLength(0);
  });
});

describe('numbers and ranks', () => {
  it('reads comma and dot decimals', () => {
    expect(parseDecimal('94,76')).toBe(94.76);
    expect(parseDecimal('94.76')).toBe(94.76);
  });
  it('reads count words', () => {
    expect(wordToNumber('empat')).toBe(4);
    expect(wordToNumber('dua puluh tiga')).toBe(23);
  });
  it('reads ranks in numerals, roman numerals and words', () => {
    expect(findRank('meraih Juara 1 SPM Awards')?.rankPosition).toBe(1);
    expect(findRank('Peringkat II Kategori')?.rankPosition).toBe(2);
    expect(findRank('sebagai terbaik pertama')?.rankPosition).toBe(1);
    expect(findRank('juara kedua lomba')?.rankPosition).toBe(2);
    expect(findRank('Juara Umum Porprov')).toMatchObject({ rank: 'Juara Umum', rankPosition: null });
    expect(findRank('Mitra Kerja Terbaik Kategori')).toBeNull();
  });
});

describe('givers', () => {
  it('prefers the longest name', () => {
    expect(findGivers('dari Ombudsman RI Perwakilan Provinsi Banten')[0].written).toBe(
      'Ombudsman RI Perwakilan Provinsi Banten',
    );
  });
  it('resolves ministers and aliases to the body', () => {
    expect(pickGiver('diserahkan oleh Menteri Dalam Negeri (Mendagri) Tito')?.body.abbreviation).toBe(
      'Kemendagri',
    );
    expect(pickGiver('dari Kementerian Kominfo')?.body.abbreviation).toBe('Kominfo');
  });
});

describe('sentences', () => {
  it('does not split on titles or decimals', () => {
    const s = splitSentences('Wali Kota H. Sachrudin menerima nilai 94.76 hari ini. Lalu pulang.');
    expect(s.map((x) => x.text)).toEqual([
      'Wali Kota H. Sachrudin menerima nilai 94.76 hari ini.',
      'Lalu pulang.',
    ]);
  });
});

describe('what is not an award received', () => {
  const none = (t: string) => expect(extractArticle(t, { published: '2025-06-01' }).awards).toEqual([]);
  it('plans and hopes', () => {
    none(
      'Pemkot Tangerang menargetkan meraih opini WTP dari BPK tahun depan. Wali Kota berharap dapat meraih Adipura Kencana dari KLHK.',
    );
  });
  it('nominations', () => {
    none(
      'Kota Tangerang masuk nominasi Penghargaan Pembangunan Daerah dari Bappenas dan menjadi finalis kategori kota.',
    );
  });
  it('awards the city gives', () => {
    none(
      'Wali Kota Tangerang memberikan penghargaan kepada 20 kelurahan terbersih dalam lomba kebersihan di Pusat Pemerintahan.',
    );
  });
  it('general statements', () => {
    none(
      'Menurutnya, setiap daerah yang meraih predikat WTP dari BPK tetap harus membuktikan manfaatnya bagi warga.',
    );
  });
  it('counts are claims, not awards', () => {
    const r = extractArticle(
      'Sepanjang tahun 2024, Pemkot Tangerang telah meraih 62 penghargaan dari berbagai kementerian dan lembaga.',
    );
    expect(r.awards).toEqual([]);
    expect(r.claims.map((c) => c.count)).toEqual([62]);
  });
});
