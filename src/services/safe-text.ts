// PostgreSQL text cannot hold NUL bytes (SQLite can), so a "\u0000" in a name would be a 500
// on one database and stored on the other. Schemas refuse it up front: `.refine(...noNul)`.
export const noNul = [
  (s: string) => !s.includes('\u0000'),
  'Teks berisi karakter NUL (\\0) yang tidak sah; hapus lalu kirim lagi',
] as const;
