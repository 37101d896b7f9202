// What each `prestasi` command does, in one line: declared here so that `prestasi --help` can
// list the commands without loading any of them (each loads its services on its own).

export const COMMAND_DESCRIPTIONS = {
  serve: 'Jalankan server web dan API (migrasi diterapkan saat mulai)',
  demo: 'Buat database demo Kota Tangerang dan jalankan servernya (demo database + server)',
  migrate: 'Terapkan migrasi dan data rujukan ke DATABASE_URL (apply migrations and reference data)',
  region: 'Kelola wilayah (pemda) dari daftar Kemendagri (manage regions)',
  user: 'Kelola pengguna (manage users)',
  token: 'Kelola token API (manage API tokens)',
  backup: 'Salin database SQLite secara konsisten selagi server berjalan (online backup)',
  grade: 'Nilai satu skor dengan skala yang berlaku untuk tahun penilaiannya (grade one score)',
  recap: 'Rekap penghargaan setahun: total, perubahan, per bidang/pemberi/tingkat/unit, tren dan rentetan',
  import: 'Impor penghargaan dari .xlsx atau .csv (semua atau tidak sama sekali; aman diulang)',
  export: 'Ekspor penghargaan (CSV/XLSX/JSON), rekap (--recap) atau paket data terbuka (--open-data DIR)',
  report: 'Laporan PDF tahunan: total, grafik per bidang dan pemberi, tabel penghargaan',
  extract: 'Temukan penghargaan yang diterima dalam berita (.txt, .html, RSS/Atom)',
  ingest: 'Masukkan berita (berkas, folder, URL) dan temukan penghargaan di dalamnya (take in news articles)',
  findings: 'Temuan penghargaan dari berita: daftar, terima, gabung, tolak (news findings)',
  intake: 'Sumber berita yang dipantau dan pemantauannya (watched news sources)',
} as const;

export type CommandName = keyof typeof COMMAND_DESCRIPTIONS;
