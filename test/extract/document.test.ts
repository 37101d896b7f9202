// Document-level extraction on short articles written for these tests, each modelled on one
// structure of ../shared/news-dev/PATTERNS.md (P-numbers below). Invented text, real region names.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';

const PUB = { published: '2025-09-20' };
const byRegion = (text: string) => {
  const r = extractArticle(text, PUB);
  return new Map(r.awards.map((a) => [a.recipientRegion?.name ?? 'none', a]));
};

describe('ranked results with no receiving verb (P1, P4)', () => {
  const article = `Sulteng Umumkan Hasil Evaluasi Layanan Perizinan

PALU – Pemerintah Provinsi Sulawesi Tengah mengumumkan hasil Anugerah Layanan Perizinan Daerah 2025 di Palu, Kamis (18/9/2025). Penilaian mencakup kecepatan izin dan kualitas pengaduan.

Untuk kategori kota, urutan pertama ditempati Kota Palu dengan nilai 91,20, disusul Kota Bitung (89,75) dan Kota Ternate di posisi ketiga.`;

  it('gives one award per named place, each with its own rank, score and region code', () => {
    const got = byRegion(article);
    expect([...got.keys()].sort()).toEqual(['Kota Bitung', 'Kota Palu', 'Kota Ternate']);
    expect(got.get('Kota Palu')).toMatchObject({
      rankPosition: 1,
      score: 91.2,
      recipientRegion: { code: '72.71' },
    });
    expect(got.get('Kota Bitung')).toMatchObject({ rankPosition: 2, score: 89.75 });
    expect(got.get('Kota Ternate')).toMatchObject({ rankPosition: 3 });
    for (const a of got.values()) expect(a.title).toContain('Anugerah Layanan Perizinan Daerah');
  });

  it('reads a numbered list under a category heading', () => {
    const text = `Daftar Peraih Anugerah Kota Tertib Arsip 2025

JAKARTA – Arsip Nasional menyerahkan Anugerah Kota Tertib Arsip 2025 kepada pemerintah daerah dengan pengelolaan arsip terbaik, Selasa (16/9/2025), di Jakarta.

Kategori Kota
1. Kota Madiun
2. Kota Blitar
3. Kota Kediri`;
    const got = byRegion(text);
    expect(got.get('Kota Madiun')?.rankPosition).toBe(1);
    expect(got.get('Kota Blitar')?.rankPosition).toBe(2);
    expect(got.get('Kota Kediri')?.rankPosition).toBe(3);
  });
});

describe('neighbours and short names (P19, P20)', () => {
  it('never mixes Kota Tangerang, Kabupaten Tangerang and Kota Tangerang Selatan', () => {
    const text = `Tiga Daerah Tangerang Raya Masuk Daftar Penerima Anugerah Pelayanan Terpadu

SERANG – Hasil Anugerah Pelayanan Terpadu tingkat Provinsi Banten 2025 diumumkan di Serang, Senin (15/9/2025). Urutan teratas ditempati Pemkot Tangsel dengan nilai 95,10. Posisi kedua Pemkot Tangerang, sedangkan Pemkab Tangerang berada di urutan ketiga.`;
    const got = byRegion(text);
    expect(got.get('Kota Tangerang Selatan')?.rankPosition).toBe(1);
    expect(got.get('Kota Tangerang')?.rankPosition).toBe(2);
    expect(got.get('Kabupaten Tangerang')?.rankPosition).toBe(3);
    expect(got.get('Kota Tangerang Selatan')?.recipientRegion?.code).toBe('36.74');
  });
});

describe('co-recipients and the giver named by an office (P2, P5, P8)', () => {
  const text = `Sigi Raih Predikat Kabupaten Sehat Wistara

PALU – Pemerintah Kabupaten (Pemkab) Sigi meraih penghargaan Kabupaten/Kota Sehat kategori Wistara. Penghargaan diserahkan Wakil Gubernur Sulawesi Tengah Reny Lamadjido di Palu, Rabu (17/9/2025). Predikat yang sama juga disandang Kabupaten Poso dan Kota Palu.`;

  it('credits every named co-recipient and the subject by code', () => {
    const got = byRegion(text);
    expect([...got.keys()].sort()).toEqual(['Kabupaten Poso', 'Kabupaten Sigi', 'Kota Palu']);
    expect(got.get('Kabupaten Sigi')?.recipientRegion?.code).toBe('72.10');
  });

  it('names the office that handed it over when no institution is named', () => {
    const sigi = byRegion(text).get('Kabupaten Sigi');
    expect(sigi?.awardingBodyName).toContain('Wakil Gubernur Sulawesi Tengah');
    expect(sigi?.date).toBe('2025-09-17');
  });
});

describe('what is not an award received by a pemda (P12, P16, P17)', () => {
  it('gives nothing for a company, a plan, or a "Baca juga" line', () => {
    const text = `Perusahaan di Kota Cilegon Raih Penghargaan Keselamatan Kerja

CILEGON – PT Baja Sentosa Abadi di Kota Cilegon meraih penghargaan kecelakaan nihil dari Kementerian Ketenagakerjaan, Senin (15/9/2025). Pemkot Cilegon menargetkan predikat Kota Sehat kategori Wistara tahun depan.

Baca juga: Pemkab Serang Raih Penghargaan Kabupaten Layak Anak`;
    expect(extractArticle(text, PUB).awards).toEqual([]);
  });
});

describe('slots from other sentences, with provenance (P10, issue 8 §3)', () => {
  const text = `Pemkot Madiun Raih Predikat A Evaluasi Akuntabilitas

MADIUN – Pemerintah Kota Madiun meraih predikat A dalam Evaluasi Akuntabilitas Kinerja Instansi Pemerintah 2024 dari Kementerian PANRB di Jakarta, Selasa (16/9/2025). Capaian itu naik dari predikat BB tahun lalu.

Nilai akhir evaluasi Kota Madiun tahun ini 81,35, dibanding 78,20 pada evaluasi sebelumnya.`;

  it('takes the score from its own sentence, not last year’s', () => {
    const [a] = extractArticle(text, PUB).awards;
    expect(a.score).toBe(81.35);
    expect(a.recipientRegion).toEqual({ code: '35.77', name: 'Kota Madiun' });
  });

  it('keeps the span every slot was read from', () => {
    const r = extractArticle(text, PUB);
    const [a] = r.awards;
    const at = (slot: keyof typeof a.slots) => {
      const s = a.slots[slot];
      return s ? r.text.slice(s.start, s.end) : null;
    };
    expect(at('recipient')).toBe(a.recipient);
    expect(at('score')).toBe('81,35');
    expect(at('date')).toContain('16/9/2025');
    expect(a.slots.region?.confidence).toBeGreaterThan(0.5);
  });
});
