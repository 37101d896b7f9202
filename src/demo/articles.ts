// News-like articles written for the demo (not copied from any outlet), in the structures of
// shared/news-dev/PATTERNS.md: a head of region receiving for the city (P6), a ranked list with
// two units (P1/P4), a grade with a score (P10). The demo takes them in through the news intake,
// so the curator's queue has pending findings to review. The outlet names them as samples.

export interface DemoArticle {
  title: string;
  published: string;
  body: string;
}

export const DEMO_OUTLET = 'Contoh berita (demo Prestasi)';

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: 'Pemkot Tangerang Raih Penghargaan Kota Peduli Olahraga dari Kemenpora',
    published: '2025-11-06',
    body: `Pemkot Tangerang Raih Penghargaan Kota Peduli Olahraga dari Kemenpora

TANGERANG – Pemerintah Kota Tangerang meraih penghargaan Kota Peduli Olahraga Tahun 2025 dari Kementerian Pemuda dan Olahraga (Kemenpora). Penghargaan diterima langsung oleh Wali Kota Tangerang di Jakarta, Kamis (6/11/2025).
Penilaian Kota Peduli Olahraga mencakup ketersediaan sarana olahraga publik, pembinaan atlet muda, dan penyelenggaraan kegiatan olahraga masyarakat.
Kepala Dinas Pemuda dan Olahraga Kota Tangerang mengatakan, penghargaan tersebut menjadi penyemangat untuk menambah lapangan olahraga di setiap kecamatan.
"Kami ingin setiap warga punya tempat berolahraga yang dekat dari rumah," ujarnya.\n`,
  },
  {
    title: 'Dua Puskesmas di Kota Tangerang Juara Lomba Puskesmas Berprestasi Tingkat Provinsi Banten',
    published: '2025-11-18',
    body: `Dua Puskesmas di Kota Tangerang Juara Lomba Puskesmas Berprestasi Tingkat Provinsi Banten

SERANG – Dua puskesmas milik Pemerintah Kota Tangerang menjadi juara dalam Lomba Puskesmas Berprestasi Tingkat Provinsi Banten Tahun 2025 yang diumumkan Dinas Kesehatan Provinsi Banten, Selasa (18/11/2025).
Untuk kategori puskesmas perkotaan, Juara I diraih Puskesmas Neglasari Kota Tangerang, sementara Puskesmas Pasar Baru Kota Tangerang menempati Juara III.
Kepala Dinas Kesehatan Kota Tangerang menyampaikan terima kasih kepada seluruh tenaga kesehatan yang telah bekerja keras melayani masyarakat.\n`,
  },
  {
    title: 'Kota Tangerang Sabet Penghargaan Keterbukaan Informasi Publik',
    published: '2025-12-10',
    body: `Kota Tangerang Sabet Penghargaan Keterbukaan Informasi Publik

TANGERANG – Pemerintah Kota Tangerang kembali meraih predikat Informatif dalam Anugerah Keterbukaan Informasi Publik Provinsi Banten Tahun 2025 yang diselenggarakan Komisi Informasi Provinsi Banten, Rabu (10/12/2025).
Kota Tangerang memperoleh nilai 92,40 dan menjadi satu dari tiga daerah di Banten yang meraih predikat tertinggi tersebut.
Kepala Dinas Komunikasi dan Informatika Kota Tangerang mengatakan capaian ini hasil kerja bersama seluruh perangkat daerah dalam membuka informasi kepada masyarakat.\n`,
  },
];
