import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readableAwards } from '../access.ts';
import { defuseCell } from '../exports/cells.ts';

// Open data of the public record: one row per verified, public award. The column dictionary
// travels with the data (in the JSON, and as its own CSV) so the files explain themselves.

export interface Column {
  name: string;
  type: 'integer' | 'number' | 'string' | 'date';
  id: string;
  en: string;
}

export const COLUMNS: Column[] = [
  { name: 'id', type: 'integer', id: 'Nomor catatan di Prestasi', en: 'Record number in Prestasi' },
  { name: 'kode_wilayah', type: 'string', id: 'Kode wilayah Kemendagri', en: 'Kemendagri region code' },
  { name: 'judul', type: 'string', id: 'Nama penghargaan', en: 'Award title' },
  { name: 'program', type: 'string', id: 'Program atau ajang', en: 'Programme' },
  { name: 'tahun', type: 'integer', id: 'Tahun edisi/penilaian', en: 'Edition or assessment year' },
  { name: 'pemberi_kode', type: 'string', id: 'Kode pemberi penghargaan', en: 'Awarding body code' },
  { name: 'pemberi', type: 'string', id: 'Pemberi penghargaan', en: 'Awarding body' },
  { name: 'tingkat', type: 'string', id: 'Tingkat (internasional, nasional, …)', en: 'Level' },
  { name: 'bidang_kode', type: 'string', id: 'Kode bidang', en: 'Field code' },
  { name: 'bidang', type: 'string', id: 'Bidang', en: 'Field (Indonesian name)' },
  { name: 'kategori', type: 'string', id: 'Kategori', en: 'Category' },
  {
    name: 'jenis_penerima',
    type: 'string',
    id: 'Penerima: region (daerah), unit, team (tim)',
    en: 'Recipient kind',
  },
  { name: 'unit_id', type: 'integer', id: 'Nomor unit penerima', en: 'Recipient unit number' },
  { name: 'unit', type: 'string', id: 'Unit penerima', en: 'Recipient unit' },
  { name: 'tanggal', type: 'date', id: 'Tanggal diterima (YYYY-MM-DD)', en: 'Date received (YYYY-MM-DD)' },
  { name: 'tempat', type: 'string', id: 'Tempat penyerahan', en: 'Place' },
  { name: 'peringkat', type: 'string', id: 'Peringkat atau juara', en: 'Rank' },
  { name: 'nilai', type: 'number', id: 'Nilai (titik sebagai pemisah desimal)', en: 'Score (dot decimal)' },
  { name: 'skala', type: 'string', id: 'Skala penilaian', en: 'Grading scale' },
  { name: 'predikat', type: 'string', id: 'Predikat/kategori hasil', en: 'Grade' },
  { name: 'zona', type: 'string', id: 'Zona (hijau, kuning, merah)', en: 'Zone' },
  { name: 'status', type: 'string', id: 'Status (mis. WTP)', en: 'Status (e.g. WTP)' },
  { name: 'dasar_hukum', type: 'string', id: 'Dasar hukum (SK/Keppres)', en: 'Legal basis' },
  { name: 'seri', type: 'string', id: 'Kunci seri (penilaian yang sama lintas tahun)', en: 'Series key' },
];

export type OpenRow = Record<string, string | number | null>;

export async function openDataRows(db: Kysely<Database>): Promise<OpenRow[]> {
  const rows = await readableAwards(db, null)
    .leftJoin('fields as f', 'f.id', 'awards.field_id')
    .leftJoin('awarding_bodies as g', 'g.id', 'awards.awarding_body_id')
    .leftJoin('org_units as u', 'u.id', 'awards.unit_id')
    .select([
      'awards.id',
      'awards.region_code',
      'awards.title',
      'awards.programme',
      'awards.edition_year',
      'g.code as giver_code',
      'g.name as giver_name',
      'awards.awarding_body_text',
      'awards.level',
      'f.code as field_code',
      'f.name_id as field_name',
      'awards.category',
      'awards.recipient_kind',
      'awards.unit_id',
      'u.name as unit_name',
      'awards.received_on',
      'awards.place',
      'awards.rank',
      'awards.score',
      'awards.scale_id',
      'awards.grade_label',
      'awards.grade_zone',
      'awards.status_label',
      'awards.legal_basis',
      'awards.series_key',
    ])
    .orderBy('awards.edition_year', 'desc')
    .orderBy('awards.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kode_wilayah: r.region_code,
    judul: r.title,
    program: r.programme,
    tahun: r.edition_year,
    pemberi_kode: r.giver_code,
    pemberi: r.giver_name ?? r.awarding_body_text,
    tingkat: r.level,
    bidang_kode: r.field_code,
    bidang: r.field_name,
    kategori: r.category,
    jenis_penerima: r.recipient_kind,
    unit_id: r.unit_id,
    unit: r.unit_name,
    tanggal: r.received_on,
    tempat: r.place,
    peringkat: r.rank,
    nilai: r.score,
    skala: r.scale_id,
    predikat: r.grade_label,
    zona: r.grade_zone,
    status: r.status_label,
    dasar_hukum: r.legal_basis,
    seri: r.series_key,
  }));
}

export function toCsv(rows: OpenRow[]): string {
  const names = COLUMNS.map((c) => c.name);
  return stringify(
    rows.map((r) => names.map((n) => defuseCell(r[n] ?? null))),
    { header: true, columns: names, bom: true },
  );
}

export function dictionaryCsv(): string {
  return stringify(
    COLUMNS.map((c) => [c.name, c.type, c.id, c.en]),
    { header: true, columns: ['kolom', 'tipe', 'keterangan', 'description'], bom: true },
  );
}

export interface OpenDataMeta {
  title: string;
  producer: string;
  regionCode: string | null;
  licence: string;
  generatedAt: string;
  period: { from: number | null; to: number | null };
}

export function toJson(rows: OpenRow[], meta: OpenDataMeta): string {
  return JSON.stringify({ metadata: { ...meta, columns: COLUMNS, rows: rows.length }, data: rows });
}
