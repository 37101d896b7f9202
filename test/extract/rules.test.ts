import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/extract/dates.ts';
import { findRecipient } from '../../src/extract/fields.ts';
import { findGivers, pickGiver } from '../../src/extract/givers.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { isIndonesian } from '../../src/extract/language.ts';
import { WordFilter, Words } from '../../src/extract/scan.ts';

const para = (s: string) =>
  `${s} Wali Kota menyampaikan terima kasih kepada seluruh jajaran yang telah bekerja keras selama ini.`;

describe('rules added after the held-out measurement', () => {
  it('keeps a comma decimal inside the object and names the assessment after the grade', () => {
    const r = extractArticle(
      para(
        'Pemerintah Kota Bogor memperoleh nilai 4,12 dengan predikat Sangat Baik dalam Evaluasi Kinerja Pelayanan Perizinan Tahun 2024 dari Kementerian Dalam Negeri, Senin (2/6/2025).',
      ),
    );
    expect(r.awards).toHaveLength(1);
    expect(r.awards[0].title).toBe('Evaluasi Kinerja Pelayanan Perizinan Tahun 2024');
    expect(r.awards[0].score).toBe(4.12);
    expect(r.awards[0].grade).toBe('Sangat Baik');
  });

  it('reads a person named before the role', () => {
    expect(findRecipient('Budi Hartono, perawat di RSUD Kota Bogor,')).toBe(
      'Budi Hartono (perawat di RSUD Kota Bogor)',
    );
  });

  it('gives one event per recipient listed with "yaitu"', () => {
    const r = extractArticle(
      para(
        'Tiga unit kerja Pemerintah Kota Bogor, yaitu Kecamatan Bogor Barat, Kelurahan Sempur dan Dinas Sosial Kota Bogor, meraih predikat Wilayah Birokrasi Bersih dan Melayani (WBBM) dari KemenPANRB, Selasa (16/12/2025).',
      ),
    );
    expect(r.awards.map((a) => a.recipient)).toEqual([
      'Kecamatan Bogor Barat',
      'Kelurahan Sempur',
      'Dinas Sosial Kota Bogor',
    ]);
  });

  it('still merges a restatement of the same award by the same recipient', () => {
    const r = extractArticle(
      `${para('Pemerintah Kota Bogor meraih opini Wajar Tanpa Pengecualian (WTP) dari BPK, Senin (26/5/2025).')}\nDengan capaian ini, Kota Bogor telah meraih opini WTP sepuluh kali berturut-turut.`,
    );
    expect(r.awards).toHaveLength(1);
  });

  it('takes the date from "Penghargaan diterima …, <day> (d/m/y)" after the award', () => {
    const r = extractArticle(
      para(
        'Dinas Perhubungan Kota Bogor meraih penghargaan Pelopor Keselamatan Lalu Lintas dari Kementerian Perhubungan. Penghargaan diterima Kepala Dinas di Jakarta, Kamis (4/9/2025).',
      ),
    );
    expect(r.awards[0].date).toBe('2025-09-04');
  });

  it('treats a bare province as a place that a named body replaces', () => {
    const g = pickGiver('meraih Anugerah Keterbukaan Informasi Publik Provinsi Banten');
    expect(g?.body.abbreviation).toBe('Pemprov Banten');
    expect(g?.weak).toBe(true);
    expect(pickGiver('diserahkan Gubernur Banten')?.weak).toBeUndefined();
  });
});

describe('fast paths keep the old meaning', () => {
  it('finds givers longest first, case-insensitively, across line breaks, not inside words', () => {
    const found = findGivers(
      'oleh OMBUDSMAN RI Perwakilan\nProvinsi Banten dan BKN (Badan Kepegawaian Negara), bukan XBKN',
    );
    expect(found.map((g) => g.written)).toEqual([
      'OMBUDSMAN RI Perwakilan Provinsi Banten',
      'BKN (Badan Kepegawaian Negara)',
      'Badan Kepegawaian Negara',
    ]);
  });

  it('splits words like [\\p{L}\\p{N}]+ does', () => {
    const text = 'Kota Tangérang, 94,76 — ñandú 𝐀b x2';
    const mine: string[] = [];
    for (const w = new Words(text); w.next(); ) mine.push(text.slice(w.start, w.end));
    expect(mine).toEqual(text.match(/[\p{L}\p{N}]+/gu));
    expect(new Words('').next()).toBe(false);
  });

  it('filters words without ever turning away one of its set, in any case', () => {
    const set = ['kota', 'tangerang', 'x', 'ñandú', 'banten'];
    const filter = new WordFilter(set);
    for (const w of set) {
      expect(filter.mayHave(w, 0, w.length), w).toBe(true);
      const upper = w.toUpperCase();
      expect(filter.mayHaveAnyCase(`(${upper})`, 1, upper.length + 1), upper).toBe(true);
    }
    // Most other words are turned away: that is what it is for.
    const others = ['dan', 'meraih', 'penghargaan', 'dari', 'kementerian', 'pada', 'tahun', 'ini'];
    expect(others.filter((w) => filter.mayHave(w, 0, w.length)).length).toBeLessThanOrEqual(1);
  });

  it('validates calendar dates without Date objects', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2025, 2, 29)).toBeNull();
    expect(isoDate(2100, 2, 29)).toBeNull();
    expect(isoDate(2025, 4, 31)).toBeNull();
    expect(isoDate(2025, 12, 31)).toBe('2025-12-31');
  });

  it('keeps the language gate', () => {
    expect(isIndonesian('The city received the award from the ministry and the mayor was there.')).toBe(
      false,
    );
    expect(
      isIndonesian('Pemerintah Kota Tangerang meraih penghargaan dari Kementerian dalam acara itu.'),
    ).toBe(true);
  });
});
