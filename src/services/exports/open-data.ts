import { stringify } from 'csv-stringify/sync';
import type JSZip from 'jszip';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { lazyRequire } from '../../lazy.ts';
import type { Award } from '../awards/model.ts';
import { invalid } from '../errors.ts';
import { awardsForExport } from './awards.ts';
import { defuseRow } from './cells.ts';

const jszip = lazyRequire<typeof JSZip>('jszip');

// The open-data package, after the Satu Data Indonesia principles (Perpres 39/2019): one
// data standard (stable snake_case columns with declared types), metadata (title, producer,
// period, licence, update date), interoperability (Kemendagri region code, reference code
// lists for givers, fields and units), and a single producer. Only verified, public records.

export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

interface OpenColumn {
  name: string;
  type: 'integer' | 'number' | 'string' | 'date' | 'boolean';
  description: string;
  value: (a: Award, region: string) => string | number | null;
}

export const OPEN_COLUMNS: OpenColumn[] = [
  { name: 'id', type: 'integer', description: 'Nomor catatan di Prestasi (tetap)', value: (a) => a.id },
  { name: 'kode_wilayah', type: 'string', description: 'Kode wilayah Kemendagri', value: (_a, r) => r },
  { name: 'judul', type: 'string', description: 'Nama penghargaan', value: (a) => a.title },
  { name: 'program', type: 'string', description: 'Ajang/program penilaian', value: (a) => a.programme },
  { name: 'tahun', type: 'integer', description: 'Tahun edisi penilaian', value: (a) => a.editionYear },
  {
    name: 'tanggal_diterima',
    type: 'date',
    description: 'Tanggal diterima (YYYY-MM-DD)',
    value: (a) => a.receivedOn,
  },
  {
    name: 'kode_pemberi',
    type: 'string',
    description: 'Kode pemberi (lihat referensi pemberi)',
    value: (a) => a.awardingBody?.code ?? null,
  },
  {
    name: 'pemberi',
    type: 'string',
    description: 'Nama pemberi penghargaan',
    value: (a) => a.awardingBody?.name ?? a.awardingBodyText,
  },
  {
    name: 'tingkat',
    type: 'string',
    description: 'internasional | nasional | regional | provinsi | kabupaten/kota',
    value: (a) => a.level,
  },
  {
    name: 'kode_bidang',
    type: 'string',
    description: 'Kode bidang (lihat referensi bidang)',
    value: (a) => a.field?.code ?? null,
  },
  { name: 'kategori', type: 'string', description: 'Kategori dalam ajang', value: (a) => a.category },
  {
    name: 'jenis_penerima',
    type: 'string',
    description: 'region (pemda) | unit | team',
    value: (a) => a.recipientKind,
  },
  {
    name: 'kode_unit',
    type: 'integer',
    description: 'Kode unit penerima (lihat referensi unit)',
    value: (a) => a.unit?.id ?? null,
  },
  { name: 'unit', type: 'string', description: 'Nama unit penerima', value: (a) => a.unit?.name ?? null },
  { name: 'tempat', type: 'string', description: 'Tempat penyerahan', value: (a) => a.place },
  { name: 'peringkat', type: 'string', description: 'Peringkat atau juara', value: (a) => a.rank },
  { name: 'nilai', type: 'number', description: 'Nilai penilaian (titik desimal)', value: (a) => a.score },
  { name: 'kode_skala', type: 'string', description: 'Skala penilaian', value: (a) => a.scaleId },
  {
    name: 'versi_skala',
    type: 'string',
    description: 'Versi skala yang berlaku',
    value: (a) => a.scaleVersion,
  },
  {
    name: 'predikat',
    type: 'string',
    description: 'Predikat hasil skala, atau predikat/status tertulis',
    value: (a) => a.grade?.label ?? a.statusLabel,
  },
  {
    name: 'zona',
    type: 'string',
    description: 'Zona warna skala (hijau, kuning, merah …)',
    value: (a) => a.grade?.zone ?? null,
  },
  { name: 'dasar_hukum', type: 'string', description: 'Nomor SK/dasar hukum', value: (a) => a.legalBasis },
  {
    name: 'tanggal_verifikasi',
    type: 'date',
    description: 'Tanggal diverifikasi',
    value: (a) => a.verifiedAt?.slice(0, 10) ?? null,
  },
];

export interface OpenDataPackage {
  metadata: Record<string, unknown>;
  csv: string;
  files: Record<string, string>;
}

/** "Pemerintah Kota Tangerang" from region 'Kota Tangerang' (kind kota). */
export function producerName(region: { name: string; kind: string }): string {
  const kind = { kota: 'Kota', kabupaten: 'Kabupaten', provinsi: 'Provinsi' }[region.kind] ?? '';
  return region.name.toLowerCase().startsWith(kind.toLowerCase())
    ? `Pemerintah ${region.name}`
    : `Pemerintah ${kind} ${region.name}`.replace(/\s+/g, ' ');
}

export async function buildOpenData(
  db: Kysely<Database>,
  regionCode?: string | null,
): Promise<OpenDataPackage> {
  let rq = db.selectFrom('regions').selectAll().orderBy('code');
  if (regionCode) rq = rq.where('code', '=', regionCode);
  const region = await rq.executeTakeFirst();
  if (!region) throw invalid([{ field: 'region', message: `Wilayah ${regionCode ?? ''} tidak ada` }]);
  // The public's view: verified and public only (readableBy(null), services/access.ts).
  const awards = await awardsForExport(db, null, {}, region.code);
  const csv = stringify([
    OPEN_COLUMNS.map((c) => c.name),
    ...awards.map((a) => defuseRow(OPEN_COLUMNS.map((c) => c.value(a, region.code)))),
  ]);
  // reduce, not Math.min(...years): spreading a million values overflows the stack.
  const years = awards.reduce<{ from: number; to: number } | null>(
    (p, a) =>
      p
        ? { from: Math.min(p.from, a.editionYear), to: Math.max(p.to, a.editionYear) }
        : { from: a.editionYear, to: a.editionYear },
    null,
  );
  const givers = await db.selectFrom('awarding_bodies').selectAll().orderBy('code').execute();
  const fields = await db.selectFrom('fields').selectAll().orderBy('sort_order').execute();
  const units = await db
    .selectFrom('org_units')
    .selectAll()
    .where('region_code', '=', region.code)
    .orderBy('path')
    .execute();
  const producer = producerName(region);
  const metadata = {
    title: `Penghargaan yang Diterima ${producer}`,
    description: `Daftar penghargaan yang diterima ${producer} dan perangkat daerahnya, yang sudah diverifikasi dan terbuka untuk publik. Satu baris = satu penghargaan.`,
    producer,
    region: {
      code: region.code,
      name: region.name,
      kind: region.kind,
      codeSystem: 'Kode wilayah Kemendagri',
    },
    period: years,
    records: awards.length,
    licence: LICENCE,
    updated: new Date().toISOString().slice(0, 10),
    language: 'id',
    format: 'text/csv; charset=utf-8; header=present',
    principles:
      'Satu Data Indonesia (Perpres 39/2019): standar data, metadata baku, interoperabilitas, kode referensi',
    files: { data: 'penghargaan.csv', metadata: 'metadata.json' },
    columns: OPEN_COLUMNS.map(({ name, type, description }) => ({ name, type, description })),
    references: {
      givers: givers.map((g) => ({
        code: g.code,
        abbreviation: g.abbreviation,
        name: g.name,
        level: g.level,
      })),
      fields: fields.map((f) => ({ code: f.code, name: f.name_id, nameEn: f.name_en })),
      units: units.map((u) => ({
        code: u.id,
        name: u.name,
        shortName: u.short_name,
        parentCode: u.parent_id,
        type: u.unit_type,
      })),
    },
  };
  return {
    metadata,
    csv,
    files: { 'penghargaan.csv': csv, 'metadata.json': JSON.stringify(metadata, null, 2) },
  };
}

export async function openDataZip(pkg: OpenDataPackage): Promise<Buffer> {
  const zip = new (jszip())();
  for (const [name, content] of Object.entries(pkg.files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
