import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCacheStats } from '../../src/http/pages/showcase/cache.ts';
import { openFileStats } from '../../src/http/pages/showcase/open-files.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { awardsForExport } from '../../src/services/exports/awards.ts';
import { defuseCell } from '../../src/services/exports/cells.ts';
import { OPEN_DICTIONARY, openRecord } from '../../src/services/exports/open-dictionary.ts';
import { addRegionFromGazetteer } from '../../src/services/regions.ts';
import { type OpenRow, openDataBatches } from '../../src/services/showcase/opendata.ts';
import { CACHE_RULES } from '../../src/services/showcase/version.ts';
import { createUnit } from '../../src/services/units.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  type BulkOptions,
  insertBulkAwards,
  insertTestAppAwards,
  publicBulkAwards,
} from '../support/bulk-awards.ts';

// Open data larger than any batch the code reads or writes it in: 6,000 awards in Kota
// Tangerang, 4,560 of them public. The CSV and JSON are written once per data version to a
// file (never through the page cache: its render count does not move), a batch of rows at a
// time, and must be byte for byte what building every row in memory gave (the reference below
// is that old path, kept here only as the specification). A second request reads the file; a
// 304 answers a matching ETag; a change of the data writes the file again. Then a second region
// makes the root's /data the open data of every region.
//
// Why 6,000 is enough (it was 80,000, 40–60 s a database): the rows are read in keyset batches
// of 1,000 (src/services/showcase/opendata.ts), so 4,560 rows are five batches, the last one
// short, and — asserted below, on each database's own NULL order — one boundary falls inside a
// run of awards without a date and others inside runs of one edition and date, where only the
// id orders the rows. The files (1–2 MB) are far past the 16 KiB a write stream buffers and
// the 64 KiB chunks the JSON's scratch file is read back in.

const COUNT = 6_000;

/** The open data as it was built before: every row in memory, one stringify. */
async function reference(t: TestApp, regionCode: string | null) {
  const rows = (await awardsForExport(t.db.db, null, {}, regionCode)).reverse().map(openRecord);
  const names = OPEN_DICTIONARY.map((c) => c.name);
  const csv = stringify(
    rows.map((r) => names.map((n) => defuseCell(r[n] ?? null))),
    { header: true, columns: names, bom: true },
  );
  return { rows, csv };
}

describe('open data on a large database', () => {
  let t: TestApp;
  let o: BulkOptions;
  /** The old path's output for Kota Tangerang, built once (it is as slow as the file itself). */
  let kota: Awaited<ReturnType<typeof reference>>;
  const shown = publicBulkAwards;
  const get = (path: string, headers: Record<string, string> = {}) =>
    t.app.request(path, { headers: { 'accept-language': 'id', ...headers } });
  /** The body as sent, its byte-order mark included (Response.text() drops it). */
  const body = async (res: Response) =>
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());

  beforeAll(async () => {
    t = await createTestApp();
    o = await insertTestAppAwards(t, COUNT);
  }, 120_000);
  afterAll(() => t.close());

  it('reads the rows in keyset batches, boundaries inside runs that only the id orders', async () => {
    const sizes: number[] = [];
    const rows: OpenRow[] = [];
    for await (const batch of openDataBatches(t.db.db, '36.71')) {
      sizes.push(batch.length);
      rows.push(...batch);
    }
    expect(rows).toHaveLength(shown(o).length);
    const [full] = sizes;
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    expect(sizes.slice(0, -1).every((n) => n === full)).toBe(true);
    expect(sizes.at(-1)).toBeLessThan(full);
    const boundaries = sizes.slice(0, -1).map((_, k) => (k + 1) * full);
    const splits = boundaries.filter(
      (i) => rows[i - 1].tahun === rows[i].tahun && rows[i - 1].tanggal_diterima === rows[i].tanggal_diterima,
    );
    expect(splits.some((i) => rows[i].tanggal_diterima === null)).toBe(true);
    expect(splits.some((i) => rows[i].tanggal_diterima !== null)).toBe(true);
    // No row twice, none left out.
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('writes the CSV once to a file, not the page cache, the same bytes as before', async () => {
    const rendered = pageCacheStats(t.db.db).renders;
    const builds = openFileStats(t.db.db).builds;
    const res = await get('/data/penghargaan.csv');
    expect(res.status).toBe(200);
    const text = await body(res);
    const bytes = Number(res.headers.get('content-length'));
    expect(bytes).toBe(Buffer.byteLength(text));
    expect(pageCacheStats(t.db.db).renders).toBe(rendered);
    expect(res.headers.get('content-disposition')).toContain('penghargaan.csv');
    expect(openFileStats(t.db.db).builds).toBe(builds + 1);

    const records = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(shown(o).length);
    // Newest edition first.
    expect(records[0].tahun).toBe('2025');
    expect(records.at(-1)?.tahun).toBe('1995');
    kota = await reference(t, '36.71');
    expect(text).toBe(kota.csv);

    // Again: read from the file, not written; a matching ETag gets a 304.
    const renders = pageCacheStats(t.db.db).renders;
    const again = await get('/data/penghargaan.csv');
    expect(await body(again)).toBe(text);
    const etag = again.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const notModified = await get('/data/penghargaan.csv', { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(openFileStats(t.db.db).builds).toBe(builds + 1);
    expect(pageCacheStats(t.db.db).renders).toBe(renders);
  }, 300_000);

  it('writes the JSON with its metadata ahead of the rows, the same bytes as before', async () => {
    const res = await get('/data/penghargaan.json');
    expect(res.status).toBe(200);
    const text = await res.text();
    // Many 64 KiB chunks of the scratch file, read back after the metadata.
    expect(Buffer.byteLength(text)).toBeGreaterThan(16 * 64 * 1024);
    const doc = JSON.parse(text);
    expect(doc.metadata.rows).toBe(shown(o).length);
    expect(doc.data).toHaveLength(shown(o).length);
    expect(doc.metadata.period).toEqual({ from: 1995, to: 2025 });
    const { rows } = kota;
    const columns = OPEN_DICTIONARY.map(({ name, type, description }) => ({
      name,
      type,
      id: description.id,
      en: description.en,
    }));
    const before = JSON.stringify({
      metadata: {
        title: doc.metadata.title,
        producer: doc.metadata.producer,
        regionCode: '36.71',
        licence: 'CC BY 4.0',
        generatedAt: doc.metadata.generatedAt,
        period: { from: 1995, to: 2025 },
        columns,
        rows: rows.length,
      },
      data: rows,
    });
    expect(text).toBe(before);
    const builds = openFileStats(t.db.db).builds;
    expect(await (await get('/data/penghargaan.json')).text()).toBe(text);
    expect(openFileStats(t.db.db).builds).toBe(builds);
  }, 300_000);

  it('writes the files again when the data changes, and keeps one file per download', async () => {
    const before = await body(await get('/data/penghargaan.csv'));
    const builds = openFileStats(t.db.db).builds;
    await t.db.db
      .updateTable('awards')
      .set({ title: 'Judul yang diganti', updated_at: new Date(Date.now() + 60_000).toISOString() })
      .where('title', '=', 'Penghargaan massal 5')
      .execute();
    // The data version is read at most once a second.
    await new Promise((r) => setTimeout(r, 1100));
    const after = await body(await get('/data/penghargaan.csv'));
    expect(openFileStats(t.db.db).builds).toBe(builds + 1);
    expect(after).not.toBe(before);
    expect(after).toContain('Judul yang diganti');
    const files = readdirSync(join(t.config.uploadDir, '.open-data'));
    expect(files.filter((f) => f.startsWith('36.71-penghargaan.csv.'))).toHaveLength(1);
  }, 300_000);

  it('serves every region at the root once there are two, and each region under its code', async () => {
    await addRegionFromGazetteer(t.db.db, SYSTEM_ACTOR, '36.03');
    const kab = await createUnit(t.db.db, SYSTEM_ACTOR, {
      regionCode: '36.03',
      name: 'Pemerintah Kabupaten Tangerang',
      unitType: 'PEMDA',
    });
    const fields = await t.db.db.selectFrom('fields').select('id').orderBy('id').limit(5).execute();
    const k: BulkOptions = {
      count: 500,
      regionCode: '36.03',
      units: [{ id: kab.id, path: kab.path }],
      fieldIds: fields.map((f) => f.id),
      fromYear: 2010,
      years: 16,
      offset: COUNT,
    };
    await insertBulkAwards(t.db.db, k);
    await new Promise((r) => setTimeout(r, 1100));
    // Pages about every region (the root's switch to the index among them) may be a minute
    // behind; here they follow at once.
    const saved = CACHE_RULES.acrossRegionsMs;
    CACHE_RULES.acrossRegionsMs = 0;
    const all = await body(await get('/data/penghargaan.csv')).finally(() => {
      CACHE_RULES.acrossRegionsMs = saved;
    });
    const records = (csv: string) =>
      parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const every = records(all);
    expect(every).toHaveLength(shown(o).length + shown(k).length);
    expect(new Set(every.map((r) => r.kode_wilayah))).toEqual(new Set(['36.71', '36.03']));
    // Newest edition first across regions, by (year, date, id) as before.
    expect(every.every((r, i) => i === 0 || Number(r.tahun) <= Number(every[i - 1].tahun))).toBe(true);
    const kabCsv = await body(await get('/wilayah/36.03/data/penghargaan.csv'));
    expect(records(kabCsv)).toHaveLength(shown(k).length);
    expect(kabCsv).toBe((await reference(t, '36.03')).csv);
  }, 300_000);
});
