import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type JSZip from 'jszip';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { lazyRequire } from '../../lazy.ts';
import { readableBy } from '../access.ts';
import { invalid } from '../errors.ts';
import { getRegion, type RegionView as Region } from '../units.ts';
import { awardBatches } from './awards.ts';
import { defuseRow } from './cells.ts';
import { csvLine, csvLines } from './csv.ts';
import { type FileWriter, type Sink, writeFileAt, writeFileInBatches } from './file-writer.ts';
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

/** "Pemerintah Kota Tangerang" from region 'Kota Tangerang' (kind kota). */
export function producerName(region: { name: string; kind: string }): string {
  const kind = { kota: 'Kota', kabupaten: 'Kabupaten', provinsi: 'Provinsi' }[region.kind] ?? '';
  return region.name.toLowerCase().startsWith(kind.toLowerCase())
    ? `Pemerintah ${region.name}`
    : `Pemerintah ${kind} ${region.name}`.replace(/\s+/g, ' ');
}

/** What the metadata states of the data: how many rows, which edition years. */
interface OpenDataStats {
  records: number;
  period: { from: number; to: number } | null;
}

async function regionOf(db: Kysely<Database>, regionCode?: string | null): Promise<Region> {
  const region = await getRegion(db, regionCode);
  if (!region) throw invalid([{ field: 'region', message: `Wilayah ${regionCode ?? ''} tidak ada` }]);
  return region;
}

/** penghargaan.csv, a batch at a time; answers what the metadata states of the rows written. */
async function writeDataCsv(db: Kysely<Database>, region: Region, out: Sink): Promise<OpenDataStats> {
  await out(csvLine(openColumnNames()));
  let records = 0;
  let period: OpenDataStats['period'] = null;
  // The public's view: verified and public only (readableBy(null), services/access.ts).
  for await (const batch of awardBatches(db, null, {}, region.code)) {
    for (const { editionYear: y } of batch)
      period = period ? { from: Math.min(period.from, y), to: Math.max(period.to, y) } : { from: y, to: y };
    records += batch.length;
    await out(csvLines(batch.map((a) => defuseRow(openRow(a)))));
  }
  return { records, period };
}

/** The same figures counted in the database, for a metadata file served without the data. */
async function countedStats(db: Kysely<Database>, region: Region): Promise<OpenDataStats> {
  const r = await db
    .selectFrom('awards')
    .where(readableBy(null))
    .where('awards.region_id', '=', region.id)
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('awards.edition_year').as('from'),
      eb.fn.max('awards.edition_year').as('to'),
    ])
    .executeTakeFirstOrThrow();
  const records = Number(r.n);
  return { records, period: records ? { from: Number(r.from), to: Number(r.to) } : null };
}

/**
 * The package's metadata files: its Satu Data metadata, a Frictionless Data Package descriptor
 * (datapackage.json, with the table schema of the one dictionary) and DCAT metadata
 * (dcat.jsonld). `baseUrl` makes the distributions' access URLs absolute.
 */
async function metadataFiles(
  db: Kysely<Database>,
  region: Region,
  baseUrl: string | null | undefined,
  { records, period: years }: OpenDataStats,
) {
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
    records,
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
    files: {
      'metadata.json': JSON.stringify(metadata, null, 2),
      'datapackage.json': JSON.stringify(dataPackage(about), null, 2),
      'dcat.jsonld': JSON.stringify(dcatDataset(about), null, 2),
    },
  };
}

/**
 * The package as files in `dir` (the CLI): the data a batch at a time, then the metadata of the
 * rows written; each file written beside its place and renamed into it when complete.
 */
export async function writeOpenDataFolder(
  db: Kysely<Database>,
  regionCode: string | null | undefined,
  baseUrl: string | null | undefined,
  dir: string,
): Promise<{ records: number; files: string[] }> {
  const region = await regionOf(db, regionCode);
  let stats: OpenDataStats = { records: 0, period: null };
  mkdirSync(dir, { recursive: true });
  await writeFileAt(join(dir, 'penghargaan.csv'), async ({ out }) => {
    stats = await writeDataCsv(db, region, out);
  });
  const { files } = await metadataFiles(db, region, baseUrl, stats);
  for (const [name, content] of Object.entries(files))
    await writeFileAt(join(dir, name), ({ out }) => out(content));
  return {
    records: stats.records,
    files: ['penghargaan.csv', ...Object.keys(files)].map((n) => join(dir, n)),
  };
}

/**
 * One file of the package, or the zip of all, written a batch at a time to `io.out`. The zip
 * holds the data as a file written first (its metadata states the rows it holds), then
 * deflated from that file as the zip streams out.
 */
export async function writeOpenData(
  db: Kysely<Database>,
  a: { region?: string | null; baseUrl?: string | null; file: OpenDataFile | 'zip' },
  io: Parameters<FileWriter>[0],
): Promise<void> {
  const region = await regionOf(db, a.region);
  if (a.file === 'penghargaan.csv') {
    await writeDataCsv(db, region, io.out);
    return;
  }
  if (a.file !== 'zip') {
    const { files } = await metadataFiles(db, region, a.baseUrl, await countedStats(db, region));
    await io.out(files[a.file]);
    return;
  }
  let stats: OpenDataStats = { records: 0, period: null };
  const data = await writeFileInBatches(tmpdir(), 'prestasi-open-data.csv', async ({ out }) => {
    stats = await writeDataCsv(db, region, out);
  });
  try {
    const { files } = await metadataFiles(db, region, a.baseUrl, stats);
    const zip = new (jszip())();
    zip.file('penghargaan.csv', createReadStream(data.path));
    for (const [name, content] of Object.entries(files)) zip.file(name, content);
    // streamFiles: each entry is deflated as it is read, its sizes after it (a data descriptor).
    // (jszip's stream is of an older kind: wrapped to be read chunk by chunk with backpressure.)
    const stream = new Readable().wrap(
      zip.generateNodeStream({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true }),
    );
    for await (const chunk of stream) await io.out(chunk as Buffer);
  } finally {
    rmSync(data.path, { force: true });
  }
}
