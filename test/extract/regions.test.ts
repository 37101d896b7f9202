import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { findRegions, regionByCode, regionByName } from '../../src/extract/regions/gazetteer.ts';
import { findUnit } from '../../src/extract/regions/units.ts';

const names = (text: string) => findRegions(text).map((m) => m.region?.name ?? null);

describe('gazetteer', () => {
  it('knows every provinsi, kabupaten and kota by Kemendagri code, with parents', () => {
    expect(regionByCode('36.71')).toMatchObject({ name: 'Kota Tangerang', kind: 'kota', parent: '36' });
    expect(regionByCode('36.03')?.name).toBe('Kabupaten Tangerang');
    expect(regionByCode('36.74')?.name).toBe('Kota Tangerang Selatan');
    expect(regionByCode('36')?.name).toBe('Provinsi Banten');
    expect(regionByName('kota surakarta')?.code).toBe('33.72');
    expect(regionByCode('99.99')).toBeNull();
  });

  it('tells neighbours apart by the kind said before the name', () => {
    expect(
      names(
        'Posisi kedua Pemkot Tangerang, sedangkan Pemkab Tangerang ketiga, Kota Tangerang Selatan pertama.',
      ),
    ).toEqual(['Kota Tangerang', 'Kabupaten Tangerang', 'Kota Tangerang Selatan']);
    expect(names('Kota Bogor dan Kab. Bogor')).toEqual(['Kota Bogor', 'Kabupaten Bogor']);
  });

  it('reads the long form with its short form in brackets', () => {
    const [m] = findRegions('Pemerintah Kabupaten (Pemkab) Nagan Raya menerima piagam.');
    expect(m.region?.name).toBe('Kabupaten Nagan Raya');
    expect(m.written).toBe('Pemerintah Kabupaten (Pemkab) Nagan Raya');
  });

  it('reads heads of region as their region', () => {
    expect(findRegions('Wali Kota Tangerang Sachrudin')[0]).toMatchObject({ by: 'head' });
    expect(names('Walikota Madiun, Bupati Sigi, Gubernur Jawa Tengah')).toEqual([
      'Kota Madiun',
      'Kabupaten Sigi',
      'Provinsi Jawa Tengah',
    ]);
  });

  it('knows short, colloquial and epithet names', () => {
    expect(names('Pemko Payakumbuh, Tangsel, Solo, Jateng, NTB, Kota Hujan')).toEqual([
      'Kota Payakumbuh',
      'Kota Tangerang Selatan',
      'Kota Surakarta',
      'Provinsi Jawa Tengah',
      'Provinsi Nusa Tenggara Barat',
      'Kota Bogor',
    ]);
  });

  it('leaves a bare name that fits several regions open, and skips common nouns and places inside', () => {
    const [m] = findRegions('Gorontalo kembali meraih');
    expect(m.region).toBeNull();
    expect(m.candidates.map((r) => r.kind).sort()).toEqual(['kabupaten', 'kota', 'provinsi']);
    expect(findRegions('terbuat dari batu kali')).toEqual([]);
    expect(findRegions('Kecamatan Tangerang')).toEqual([]);
  });
});

describe('units', () => {
  it('reads a unit name as written', () => {
    expect(findUnit('Kepala Puskesmas Neglasari menerima')?.name).toBe('Puskesmas Neglasari');
    expect(findUnit('Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) Kota Tangerang')?.name).toBe(
      'Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) Kota Tangerang',
    );
    expect(findUnit('Satpol PP')?.name).toBe('Satpol PP');
    expect(findUnit('Pemkot Tangerang')).toBeNull();
  });
});

describe('events carry the region by code', () => {
  it('credits the region named in the recipient, not the article subject', () => {
    const r = extractArticle(
      'Pemerintah Kabupaten (Pemkab) Nagan Raya meraih penghargaan Kabupaten Layak Anak kategori Pratama dari Kementerian PPPA di Jakarta, Selasa (22/7/2025).',
    );
    expect(r.awards).toHaveLength(1);
    expect(r.awards[0].recipientRegion).toEqual({ code: '11.15', name: 'Kabupaten Nagan Raya' });
    expect(r.awards[0].slots.region?.start).toBe(0);
  });
});
