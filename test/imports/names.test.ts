import { describe, expect, it } from 'vitest';
import { UNIT_ACRONYMS } from '../../src/reference/unit-acronyms.ts';
import {
  fieldVariants,
  giverVariants,
  key,
  NameIndex,
  unitVariantsFor,
} from '../../src/services/imports/names.ts';
import { inferScale } from '../../src/services/imports/scale-hints.ts';
import { editionYearInTitle, parseScore } from '../../src/services/imports/values.ts';

// The pure parts of name matching: the forms a cell is tried in, the word match, suggestions.

describe('the forms a giver cell is tried in', () => {
  const forms = (s: string) => [...giverVariants(s)];
  it('drops a bracket or keeps only it, and cuts a regional office', () => {
    expect(forms('Kementerian Dalam Negeri RI (BSKDN)')).toEqual(
      expect.arrayContaining(['Kementerian Dalam Negeri RI', 'BSKDN']),
    );
    expect(forms('BKN Kanreg III')).toContain('BKN');
    expect(forms('Ombudsman RI Perwakilan Prov. Banten')).toContain('Ombudsman RI');
    expect(forms('Ombudsman RI Perwakilan Prov. Banten')).toContain('Ombudsman');
    expect(forms('BPK RI Perwakilan Banten')).toContain('BPK RI');
    expect(forms('Kanwil Kemenkumham Banten')).toContain('Kemenkumham');
  });
  it('tries the cell as written first', () => {
    expect(forms('Komisi Informasi Provinsi Banten')[0]).toBe('Komisi Informasi Provinsi Banten');
  });
});

describe('the forms a unit cell is tried in', () => {
  const acronyms = new Map(Object.entries(UNIT_ACRONYMS).map(([a, n]) => [key(a), n]));
  const forms = (s: string) => [...unitVariantsFor('Kota Tangerang', acronyms)(s)];
  it('cuts the Setda and the region, and an UPT prefix', () => {
    expect(forms('Bagian Organisasi Setda')).toContain('Bagian Organisasi');
    expect(forms('Bagian Organisasi Setda Kota Tangerang')).toContain('Bagian Organisasi');
    expect(forms('Bagian Organisasi Sekretariat Daerah')).toContain('Bagian Organisasi');
    expect(forms('Dinkes Kota Tangerang')).toContain('Dinkes');
    expect(forms('UPT Puskesmas Neglasari')).toContain('Puskesmas Neglasari');
  });
  it('matches and suggests for the unit without the region after it', () => {
    const units = new NameIndex<{ id: number }>();
    units.add('Pemerintah Kota Tangerang', { id: 1 });
    units.add('Dinas Pariwisata dan Kebudayaan', { id: 2 });
    const unitVariants = unitVariantsFor('Kota Tangerang', acronyms);
    expect(units.find('Dinas Pariwisata Kota Tangerang', unitVariants, 2)).toEqual({ found: { id: 2 } });
    expect(units.find('Dinas Pariwisata Pemuda Kota Tangerang', unitVariants, 2)).toEqual({
      found: null,
      suggestion: 'Dinas Pariwisata dan Kebudayaan',
      nearSpelling: false,
    });
  });
  it('expands office acronyms, the current name first', () => {
    expect(forms('Disnaker')).toEqual(['Disnaker', 'Dinas Tenaga Kerja', 'Dinas Ketenagakerjaan']);
    expect(forms('Bapperida')).toContain('Badan Perencanaan Pembangunan Daerah');
    expect(forms('Dinas Tenaga Kerja (Disnaker)')).toContain('Dinas Tenaga Kerja');
  });
});

describe('a name index', () => {
  const index = new NameIndex<{ id: number }>();
  index.add('Dinas Kesehatan', { id: 1 });
  index.add('Dinas Komunikasi dan Informatika', { id: 2 });
  index.add('Puskesmas Neglasari', { id: 3 });
  index.add('Dinkes', { id: 1 }, false);
  const find = (s: string, minWords = 2) => index.find(s, (x) => [x], minWords);

  it('matches names and aliases whatever the case and punctuation', () => {
    expect(find('DINAS KESEHATAN').found?.id).toBe(1);
    expect(find('dinkes.').found?.id).toBe(1);
  });
  it('matches words that occur in one name only, never words shared by several', () => {
    expect(find('Komunikasi Informatika').found?.id).toBe(2);
    expect(find('Dinas').found).toBeNull();
    expect(find('Kesehatan', 2).found).toBeNull(); // one word is not enough for units
    expect(find('Kesehatan', 1).found?.id).toBe(1);
  });
  it('suggests a near spelling as a typo, else the name sharing most words', () => {
    expect(find('Puskesmas Neglasar')).toEqual({
      found: null,
      suggestion: 'Puskesmas Neglasari',
      nearSpelling: true,
    });
    expect(find('Puskesmas Neglasari Baru Timur Sekali')).toMatchObject({
      found: null,
      suggestion: 'Puskesmas Neglasari',
      nearSpelling: false,
    });
    expect(find('Badan Pusat Statistik')).toEqual({ found: null, suggestion: null, nearSpelling: false });
  });
  it('reads "Bidang …" and "Urusan …" as the field named', () => {
    expect([...fieldVariants('Urusan Pelayanan Publik')][0]).toBe('Pelayanan Publik');
    const fields = new NameIndex<{ id: number }>();
    fields.add('Komunikasi, Informatika dan Keterbukaan Informasi', { id: 7 });
    expect(fields.find('Urusan Komunikasi Informatika', fieldVariants, 1)).toEqual({ found: { id: 7 } });
  });
});

describe('scale and year from the title', () => {
  it('infers a scale only when giver and title point to exactly one', () => {
    expect(inferScale('ombudsman', 'Opini Ombudsman atas Penilaian Kepatuhan 2024')).toBe(
      'ombudsman-kepatuhan',
    );
    expect(inferScale('bpk', 'Opini WTP atas LKPD 2023')).toBe('bpk-opini');
    expect(inferScale('kemenpanrb', 'Evaluasi SAKIP 2024')).toBe('sakip');
    expect(inferScale('kemenpanrb', 'Penghargaan Pelayanan Prima')).toBeNull();
    expect(inferScale('kemenkes', 'Penilaian Kepatuhan 2024')).toBeNull();
    expect(inferScale(null, 'Opini Ombudsman 2024')).toBeNull();
  });
  it('reads the edition year a title names', () => {
    expect(
      editionYearInTitle('Opini Ombudsman atas Penilaian Kepatuhan Standar Pelayanan Publik 2024'),
    ).toEqual({
      year: 2024,
      named: true,
    });
    expect(editionYearInTitle('Opini WTP atas LKPD Tahun Anggaran 2023')).toEqual({
      year: 2023,
      named: true,
    });
    expect(editionYearInTitle('Indeks RB 2024 Kategori BB')).toEqual({ year: 2024, named: false });
    expect(editionYearInTitle('Penghargaan 2023 dan 2024')).toBeNull();
    expect(editionYearInTitle('Top 45 Inovasi')).toBeNull();
  });
  it('a word in the score column points to the Predikat column', () => {
    expect(parseScore('94,76')).toEqual({ ok: true, value: 94.76 });
    expect(parseScore('Sangat Baik')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/kolom Predikat/),
    });
  });
});
