import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import {
  findRegions,
  indexRegions,
  regionByCode,
  regionByName,
} from '../../src/extract/regions/gazetteer.ts';
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

  it('reads a span of an indexed article exactly as the span alone, edges included', () => {
    const text =
      'Pemerintah Kota. Tangerang meraih KLA; Wali Kota Bogor hadir. Kecamatan Tangerang tidak. ' +
      'Pemerintah Kabupaten (Pemkab) Nagan Raya juga, bersama Kab. Bogor dan Tangsel.';
    const idx = indexRegions(text);
    expect(idx.all).toEqual(findRegions(text));
    // Every span: a kind word or "Kecamatan" just outside it must not count, a cut word reads as cut.
    for (let start = 0; start < text.length; start += 3) {
      for (let end = start + 1; end <= text.length; end += 7) {
        expect(idx.within(start, end), `${start}..${end}`).toEqual(findRegions(text.slice(start, end)));
      }
    }
    // "Tangerang" after "Pemerintah Kota." is a kota in the whole text, bare in its own sentence.
    const second = text.indexOf('Tangerang meraih');
    expect(idx.all.find((m) => m.end === second + 9)?.by).toBe('kind');
    expect(idx.within(second, text.indexOf(';'))[0].by).toBe('bare');
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
