// Structures of ../shared/news-dev/PATTERNS.md that the extractor missed or misread, each on a
// short article written for this test (invented events and names of units, real regions). The
// wording differs on purpose from the corpus articles that showed the miss: a rule that passes
// here reads the structure, not one sentence.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';

const PUB = { published: '2025-10-17' };
const awards = (text: string) => extractArticle(text, PUB).awards;
const brief = (text: string) =>
  awards(text).map((a) => ({
    region: a.recipientRegion?.name ?? null,
    unit: a.recipientUnit,
    rank: a.rankPosition,
    title: a.title,
    date: a.date,
    score: a.score,
  }));

describe('P4: one sentence packing several placings is split', () => {
  it('gives one award per (rank, category) of one recipient, titled by the programme', () => {
    const text = `Pemkab Sigi Sabet Tiga Penghargaan Anugerah Perencanaan Desa 2025

PALU – Pemerintah Kabupaten Sigi meraih tiga penghargaan dalam Anugerah Perencanaan Desa 2025 yang diserahkan di Palu, Rabu (15/10/2025).
Pemkab Sigi meraih Peringkat 1 kategori Musyawarah Desa Partisipatif, Peringkat 4 kategori Data Desa Presisi, serta penghargaan khusus untuk Pendampingan Desa Tertinggal.
Penghargaan diserahkan Direktur Jenderal Bina Pemerintahan Desa kepada Sekretaris Daerah Kabupaten Sigi.`;
    const got = brief(text).filter((a) => a.region === 'Kabupaten Sigi');
    expect(got).toHaveLength(3);
    const byRank = new Map(got.map((a) => [a.rank, a]));
    expect(byRank.get(1)?.title).toBe('Anugerah Perencanaan Desa 2025 kategori Musyawarah Desa Partisipatif');
    expect(byRank.get(4)?.title).toBe('Anugerah Perencanaan Desa 2025 kategori Data Desa Presisi');
    // The special award has no placing of its own (not the 1 of the first piece).
    expect(byRank.get(null)?.title).toContain('Pendampingan Desa Tertinggal');
    for (const a of got) expect(a.date).toBe('2025-10-15');
  });

  it('gives each unit named in the coordination its own award', () => {
    const text = `Tiga OPD Kota Jambi Berprestasi di Penilaian Layanan Darurat Nasional

KOTA JAMBI – Tiga perangkat daerah Pemerintah Kota Jambi berprestasi dalam Penilaian Layanan Darurat Nasional 2025 yang diumumkan di Jakarta, Selasa (14/10/2025).
Dinas Kesehatan Kota Jambi meraih ranking 3 kategori Ambulans Gawat Darurat, Dinas Perhubungan ranking 6 kategori Pengaturan Lalu Lintas Darurat, serta BPBD Kota Jambi penghargaan khusus Posko Siaga Banjir.`;
    const got = brief(text);
    expect(got.map((a) => a.region)).toEqual(['Kota Jambi', 'Kota Jambi', 'Kota Jambi']);
    expect(got.map((a) => a.unit)).toEqual(['Dinas Kesehatan Kota Jambi', 'Dinas Perhubungan', 'BPBD']);
    expect(got.map((a) => a.rank)).toEqual([3, 6, null]);
  });

  it('leaves a programme name with commas in it whole', () => {
    const text = `Pemkot Kendari Raih Penghargaan

KENDARI – Pemerintah Kota Kendari meraih Penghargaan Pengelolaan Pasar, Terminal, dan Ruang Terbuka Hijau Tingkat Nasional 2025 dari Kementerian Dalam Negeri di Jakarta, Senin (13/10/2025).`;
    const got = brief(text);
    expect(got).toHaveLength(1);
    expect(got[0].title).toContain('Pasar, Terminal, dan Ruang Terbuka Hijau');
  });
});

describe('P1, P2, P19: units named in results', () => {
  it('credits a unit named before its region to that region (P2, P19)', () => {
    const text = `Dinkes Kota Kendari Raih Penghargaan Layanan Imunisasi

KENDARI – Kepala Dinas Kesehatan Kota Kendari menerima Penghargaan Layanan Imunisasi Terbaik 2025 kategori Kota Sedang dari Kementerian Kesehatan di Jakarta, Kamis (9/10/2025).
Pada kesempatan yang sama, penghargaan serupa juga diterima Dinkes Kota Baubau untuk kategori Kota Kecil, sementara kategori Kabupaten dimenangi Dinkes Kabupaten Konawe.`;
    const got = brief(text);
    const konawe = got.find((a) => a.region === 'Kabupaten Konawe');
    expect(konawe?.unit).toBe('Dinkes');
    expect(konawe?.title).toMatch(/kategori kabupaten/i);
    // The gazetteer writes it "Kota Bau Bau" (code 74.72).
    expect(awards(text).find((a) => a.recipientRegion?.code === '74.72')?.title).toMatch(/kategori kota/i);
  });

  it('reads units with no region in a ranked list as units of the subject (P1)', () => {
    const text = `Cikande Juara Lomba Kecamatan Sehat Kabupaten Serang

SERANG – Pemerintah Kabupaten Serang mengumumkan hasil Lomba Kecamatan Sehat Tahun 2025 di Pendopo Bupati, Rabu (15/10/2025).
Juara I diraih Kecamatan Cikande dengan nilai 90,15. Juara II Kecamatan Kragilan, sedangkan Juara III Kecamatan Ciruas.
Kepala Dinas Kesehatan mengatakan lomba digelar setiap tahun.`;
    const got = brief(text);
    expect(got.map((a) => [a.unit, a.rank])).toEqual([
      ['Kecamatan Cikande', 1],
      ['Kecamatan Kragilan', 2],
      ['Kecamatan Ciruas', 3],
    ]);
    for (const a of got) expect(a.region).toBe('Kabupaten Serang');
    expect(got[0].score).toBe(90.15);
    expect(got[0].title).toBe('Lomba Kecamatan Sehat Tahun 2025');
  });

  it('keeps the pemda and its BUMD apart when both are listed (P2)', () => {
    const text = `Kota Padang Peringkat Dua Keterbukaan Informasi Sumbar

PADANG – Komisi Informasi Provinsi Sumatera Barat mengumumkan hasil monitoring keterbukaan informasi badan publik 2025 di Padang, Kamis (16/10/2025). Untuk kategori pemerintah kabupaten/kota, posisi pertama ditempati Pemkab Agam, disusul Pemkot Padang di posisi kedua.
Di kategori BUMD, Perumda Air Minum Kota Padang milik Pemkot Padang juga masuk jajaran badan publik Informatif bersama dua perumda lain.`;
    const padang = brief(text).filter((a) => a.region === 'Kota Padang');
    expect(padang.map((a) => [a.unit, a.rank])).toEqual([
      [null, 2],
      ['Perumda Air Minum Kota Padang', null],
    ]);
  });

  it('counts "masuk Top N" and "masuk daftar penerima" as received, a nomination not (P2, P12)', () => {
    const text = `Inovasi Posyandu Digital Kota Mataram Masuk Top 30 Nasional

JAKARTA – Menteri PANRB menyerahkan penghargaan Top 30 Kompetisi Layanan Publik Inklusif 2025 kepada Wali Kota Mataram di Jakarta, Rabu (8/10/2025).
Dari NTB, inovasi lain yang masuk Top 30 tahun ini adalah milik Pemkab Lombok Barat serta RSUD Provinsi NTB milik Pemprov NTB.
Inovasi milik Pemkab Sumbawa masuk daftar nominasi, namun belum masuk daftar penerima.`;
    const got = brief(text).map((a) => a.region);
    expect(got).toContain('Kota Mataram');
    expect(got).toContain('Kabupaten Lombok Barat');
    expect(got).toContain('Provinsi Nusa Tenggara Barat');
    expect(got).not.toContain('Kabupaten Sumbawa');
    for (const a of brief(text)) expect(a.title).toContain('Kompetisi Layanan Publik Inklusif');
  });
});

describe('P1: placings said in short, and bare names', () => {
  it('reads "X kedua, Y ketiga" and resolves a bare name by the kinds the article names', () => {
    const text = `Kota Madiun Kembali Teratas Indeks Kota Ramah Lansia

JAKARTA – Kota Madiun menempati peringkat teratas Indeks Kota Ramah Lansia 2025 yang dirilis sebuah lembaga kajian di Jakarta, Selasa (14/10/2025). Penghargaan diterima Wali Kota Madiun.
Kota Blitar dan Kota Pasuruan juga dinilai membaik tahun ini.
"Madiun pertama, Blitar kedua, Pasuruan ketiga. Jaraknya tipis sekali," kata wali kota usai acara.`;
    const got = brief(text);
    const rank = new Map(got.map((a) => [a.region, a.rank]));
    expect(rank.get('Kota Madiun')).toBe(1);
    expect(rank.get('Kota Blitar')).toBe(2);
    // "Pasuruan" fits a kota and a kabupaten: the article named Kota Pasuruan.
    expect(rank.get('Kota Pasuruan')).toBe(3);
    expect(rank.has('Kabupaten Pasuruan')).toBe(false);
  });
});

describe('P10, P11: a grade or score said alone restates the award', () => {
  it('adds "nilai … dengan kategori AA" to the award instead of making a second one', () => {
    const text = `Pemprov Sulbar Terbaik Nasional Pengawasan Kearsipan

JAKARTA – Pemerintah Provinsi Sulawesi Barat meraih peringkat pertama nasional dalam Hasil Pengawasan Kearsipan Tahun 2025 kategori pemerintah provinsi. Penghargaan diserahkan Kepala ANRI di Jakarta, Kamis (16/10/2025).
Dalam pengawasan itu, Pemprov Sulbar memperoleh nilai 91,06 dengan kategori AA atau Sangat Memuaskan.`;
    const got = awards(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ rankPosition: 1, score: 91.06, grade: 'AA' });
    expect(got[0].title).toMatch(/^Hasil Pengawasan Kearsipan/);
  });

  it('reads the Ombudsman opinion as the grade of the assessment, ending the sentence at a grade letter', () => {
    const text = `Kabupaten Jember Masuk Zona Hijau Pelayanan Publik

JEMBER – Pemerintah Kabupaten Jember masuk Zona Hijau dalam Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik Tahun 2025 yang hasilnya diserahkan Ombudsman RI Perwakilan Jawa Timur di Surabaya, Rabu (15/10/2025).
Jember mengantongi Opini Kualitas Tinggi dengan kategori A. Nilainya 88,40, naik dibanding tahun lalu yang 79,10.
Lima unit yang dinilai antara lain Dinas Sosial dengan nilai 92,10 dan Dinas Pendidikan 85,30.`;
    const got = awards(text);
    expect(got).toHaveLength(1);
    expect(got[0].title).toMatch(/^Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik/);
    expect(got[0].score).toBe(88.4);
    expect(got[0].grade).toBe('Kategori A');
  });
});

describe('P9: a weekday with no date', () => {
  it('counts "pada Rabu" and "Rabu lalu" back from the publication date', () => {
    const base = `Puskesmas Bintaro Raih Penghargaan Layanan Ramah Anak

MATARAM – Puskesmas Bintaro milik Pemerintah Kota Mataram menerima penghargaan Layanan Ramah Anak Terbaik dari Dinas Kesehatan Provinsi NTB`;
    // 17 October 2025 is a Friday: the Wednesday before it is the 15th.
    expect(awards(`${base} pada Rabu.`)[0].date).toBe('2025-10-15');
    expect(awards(`${base}, Rabu lalu.`)[0].date).toBe('2025-10-15');
    // "Jumat lalu" on a Friday is the week before, not the day itself.
    expect(awards(`${base}, Jumat lalu.`)[0].date).toBe('2025-10-10');
  });

  it('does not read a habit ("setiap Senin") as the ceremony', () => {
    const text = `Puskesmas Bintaro Raih Penghargaan Layanan Ramah Anak

MATARAM – Puskesmas Bintaro milik Pemerintah Kota Mataram menerima penghargaan Layanan Ramah Anak Terbaik dari Dinas Kesehatan Provinsi NTB. Kelas ibu hamil digelar setiap Senin.`;
    expect(awards(text)[0].date).toBeNull();
  });
});

describe('P12: a wish in a quote is not an award', () => {
  it('gives no award for "saya ingin … membawa pulang juara"', () => {
    const text = `Gubernur Minta Pemenang Lomba Desa Tidak Cepat Puas

SEMARANG – Gubernur Jawa Tengah menyerahkan piala Lomba Desa Wisata 2025 kepada para pemenang di Semarang, Kamis (16/10/2025).
"Saya ingin tahun depan Jawa Tengah kembali membawa pulang juara nasional," katanya.`;
    expect(awards(text).filter((a) => /juara nasional/i.test(a.title))).toHaveLength(0);
  });
});

describe('P22: a recap that breaks its count down', () => {
  it('keeps every count as a claim and makes no award of any of them', () => {
    const text = `Sepanjang 2025, Pemkab Banyumas Kumpulkan 41 Penghargaan

PURWOKERTO – Pemerintah Kabupaten Banyumas menutup 2025 dengan catatan 41 penghargaan dari kementerian, Pemprov Jawa Tengah, dan lembaga lain. Dari jumlah itu, 17 penghargaan berskala nasional.
Bidang kesehatan menyumbang paling banyak, yakni 11 penghargaan, disusul bidang pendidikan sebanyak 8 penghargaan.
Sekda Banyumas berharap tahun depan jumlahnya bertambah.`;
    const r = extractArticle(text, { published: '2025-12-30' });
    expect(r.claims.map((c) => c.count).sort((a, b) => a - b)).toEqual([8, 11, 17, 41]);
    expect(r.awards).toHaveLength(0);
  });
});

describe('an award named by what it calls the region', () => {
  it('reads "meraih penghargaan sebagai daerah dengan …" as an award', () => {
    const text = `Kabupaten Sleman Kembali Dinobatkan Daerah Berkinerja Tinggi

SLEMAN – Pemerintah Kabupaten Sleman kembali meraih penghargaan sebagai daerah dengan tata kelola keuangan paling tertib berdasarkan Evaluasi Pengelolaan Keuangan Daerah Tahun 2025 dari Kementerian Dalam Negeri, Kamis (16/10/2025).`;
    const got = awards(text);
    expect(got).toHaveLength(1);
    expect(got[0].recipientRegion?.name).toBe('Kabupaten Sleman');
    expect(got[0].title).toContain('tata kelola keuangan paling tertib');
  });
});

describe('P10: a graded predicate from a named giver is an award even with nothing to restate', () => {
  it('keeps "meraih Predikat … dari <giver>" when the page gave no headline and no programme', () => {
    // A fetched page whose headline went to the title, not the body: the award sentence alone.
    const text = `SAMARINDA – Pemerintah Kota Samarinda meraih Predikat Kepatuhan Tinggi dari Ombudsman RI pada Senin (13/10/2025) dengan nilai 91,20. Penghargaan itu diterima Sekretaris Daerah.
Capaian itu hasil pembenahan layanan di semua kecamatan.`;
    const got = brief(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      region: 'Kota Samarinda',
      title: 'Predikat Kepatuhan Tinggi',
      score: 91.2,
    });
  });

  it('still reads a bare score as part of the article award, not an award of its own', () => {
    const text = `SAMARINDA – Pemerintah Kota Samarinda mengantongi nilai 91,20 dalam penilaian tahun ini.
Capaian itu hasil pembenahan layanan di semua kecamatan.`;
    expect(awards(text)).toHaveLength(0);
  });
});
