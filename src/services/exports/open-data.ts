import { stringify } from 'csv-stringify/sync';
import type JSZip from 'jszip';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { lazyRequire } from '../../lazy.ts';
import { invalid } from '../errors.ts';
import { getRegion } from '../units.ts';
import { awardsForExport } from './awards.ts';
import { defuseRow } from './cells.ts';
import { OPEN_DICTIONARY, openColumnNames, openRow } from './open-dictionary.ts';
import type { OpenDataFile } from './open-files.ts';
import { dataPackage, dcatDataset, LICENCE } from './open-formats.ts';

const jszip = lazyRequire<typeof JSZip>('jszip');

// The open-data package, after the Satu Data Indonesia principles (Perpres 39/2019): one
// data standard (stable snake_case columns with declared types), metadata (title, producer,
// period, licence, update date), interoperability (Kemendagri region code, reference code
// lists for givers, fields and units), and a single producer. Only verified, public records.

export { OPEN_DATA_FILES, type OpenDataFile } from './open-files.ts';
export { LICENCE } from './open-formats.ts';

export interface OpenDataPackage {
  metadata: Record<string, unknown>;
  csv: string;
  files: Record<OpenDataFile, string>;
}

/** "Pemerintah Kota Tangerang" from region 'Kota Tangerang' (kind kota). */
export function producerName(region: { name: string; kind: string }): string {
  const kind = { kota: 'Kota', kabupaten: 'Kabupaten', provinsi: 'Provinsi' }[region.kind] ?? '';
  return region.name.toLowerCase().startsWith(kind.toLowerCase())
    ? `Pemerintah ${region.name}`
    : `Pemerintah ${kind} ${region.name}`.replace(/\s+/g, ' ');
}

/**
 * The package: the data, its Satu Data metadata, a Frictionless Data Package descriptor
 * (datapackage.json, with the table schema of the one dictionary) and DCAT metadata
 * (dcat.jsonld). `baseUrl` makes the distributions' access URLs absolute.
 */
export async function buildOpenData(
  db: Kysely<Database>,
  regionCode?: string | null,
  baseUrl?: string | null,
): Promise<OpenDataPackage> {
  const region = await getRegion(db, regionCode);
  if (!region) throw invalid([{ field: 'region', message: `Wilayah ${regionCode ?? ''} tidak ada` }]);
  // The public's view: verified and public only (readableBy(null), services/access.ts).
  const awards = await awardsForExport(db, null, {}, region.code);
  const csv = stringify([openColumnNames(), ...awards.map((a) => defuseRow(openRow(a)))]);
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
    .where('region_id', '=', region.id)
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
    files: {
      data: 'penghargaan.csv',
      metadata: 'metadata.json',
      dataPackage: 'datapackage.json',
      dcat: 'dcat.jsonld',
    },
    columns: OPEN_DICTIONARY.map(({ name, type, description }) => ({
      name,
      type,
      description: description.id,
    })),
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
  const about = {
    title: metadata.title,
    description: metadata.description,
    producer,
    region: { code: region.code, name: region.name },
    period: years,
    updated: metadata.updated,
    baseUrl: baseUrl ?? null,
  };
  return {
    metadata,
    csv,
    files: {
      'penghargaan.csv': csv,
      'metadata.json': JSON.stringify(metadata, null, 2),
      'datapackage.json': JSON.stringify(dataPackage(about), null, 2),
      'dcat.jsonld': JSON.stringify(dcatDataset(about), null, 2),
    },
  };
}

export async function openDataZip(pkg: OpenDataPackage): Promise<Buffer> {
  const zip = new (jszip())();
  for (const [name, content] of Object.entries(pkg.files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
