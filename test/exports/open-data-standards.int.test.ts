import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DICTIONARY } from '../../src/services/exports/open-dictionary.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';

// The open-data package against the standards it claims: its datapackage.json validated by
// Ajv against the published Frictionless Tabular Data Package profile (as the Frictionless
// project ships it in its npm package `datapackage`, a dev dependency read here and nowhere
// else), the CSV against that table schema, and the DCAT JSON-LD.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://prestasi.example.go.id' });
  for (const over of [{}, { title: 'Penghargaan Kedua', score: null, rank: 'Juara 1', rankPosition: 1 }]) {
    const res = await t.call('admin', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id, over));
    expect(res.status).toBe(201);
    await t.call('admin', 'POST', `/api/v1/awards/${res.json.id}/submit`);
    await t.call('verifikator', 'POST', `/api/v1/awards/${res.json.id}/verify`);
  }
});
afterAll(() => t.close());

async function packageFiles() {
  const res = await t.app.request('/api/v1/exports/open-data.zip');
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(await res.arrayBuffer());
  const read = (name: string) => zip.file(name)!.async('string');
  return {
    datapackage: JSON.parse(await read('datapackage.json')),
    dcat: JSON.parse(await read('dcat.jsonld')),
    csv: await read('penghargaan.csv'),
  };
}

// ajv-draft-04 is CommonJS: its class is the module's `default` under NodeNext.
const Ajv = AjvDraft04.default;

const profile = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve('datapackage/src/profiles/tabular-data-package.json'),
    'utf8',
  ),
);

describe('Frictionless Data Package', () => {
  it('datapackage.json is valid against the published Tabular Data Package profile', async () => {
    const { datapackage } = await packageFiles();
    const validate = new Ajv({ allErrors: true, strict: false }).compile(profile);
    expect(validate(datapackage), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(datapackage).toMatchObject({
      profile: 'tabular-data-package',
      name: 'penghargaan-kota-tangerang',
      licenses: [{ name: 'CC-BY-4.0' }],
      resources: [{ path: 'penghargaan.csv', profile: 'tabular-data-resource' }],
    });
  });

  it('the profile check has teeth: a broken descriptor fails it', async () => {
    const { datapackage } = await packageFiles();
    const validate = new Ajv({ allErrors: true, strict: false }).compile(profile);
    const broken = structuredClone(datapackage);
    broken.resources[0].schema.fields[0].type = 'whole-number';
    expect(validate(broken)).toBe(false);
    const nameless = structuredClone(datapackage);
    nameless.name = 'Penghargaan Kota Tangerang';
    expect(validate(nameless)).toBe(false);
  });

  it('the table schema is the one dictionary, and the CSV keeps to it', async () => {
    const { datapackage, csv } = await packageFiles();
    const fields = datapackage.resources[0].schema.fields as { name: string; type: string }[];
    expect(fields.map((f) => f.name)).toEqual(OPEN_DICTIONARY.map((c) => c.name));
    const [header, ...rows] = parse(csv) as string[][];
    expect(header).toEqual(fields.map((f) => f.name));
    expect(rows).toHaveLength(2);
    const ok: Record<string, RegExp> = {
      integer: /^-?\d+$/,
      number: /^-?\d+(\.\d+)?$/,
      date: /^\d{4}-\d{2}-\d{2}$/,
      string: /^[\s\S]*$/,
      boolean: /^(true|false)$/,
    };
    for (const row of rows)
      fields.forEach((f, i) => {
        const cell = row[i]!;
        if (cell !== '') expect(cell, `${f.name} = ${cell}`).toMatch(ok[f.type]!);
      });
    const ids = rows.map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length); // the primary key holds
  });
});

describe('DCAT JSON-LD', () => {
  it('describes the dataset: title, description, publisher, licence, a distribution per file with its URL', async () => {
    const { dcat } = await packageFiles();
    expect(dcat['@context']).toMatchObject({
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
    });
    expect(dcat['@type']).toBe('dcat:Dataset');
    expect(dcat['dct:title']).toMatch(/Penghargaan .* Kota Tangerang/);
    expect(dcat['dct:description']).toMatch(/diverifikasi/);
    expect(dcat['dct:publisher']).toEqual({
      '@type': 'foaf:Organization',
      'foaf:name': 'Pemerintah Kota Tangerang',
    });
    const urls = dcat['dcat:distribution'].map(
      (d: { 'dcat:accessURL': { '@id': string } }) => d['dcat:accessURL']['@id'],
    );
    expect(urls).toContain('https://prestasi.example.go.id/api/v1/exports/open-data/penghargaan.csv');
    expect(urls).toContain('https://prestasi.example.go.id/api/v1/exports/open-data.zip');
    for (const d of dcat['dcat:distribution']) expect(d['dcat:mediaType']).toMatch(/\//);
    // Every access URL is served.
    for (const url of urls) {
      const res = await t.app.request(url.replace('https://prestasi.example.go.id', ''));
      expect(res.status, url).toBe(200);
    }
  });

  it('the Satu Data metadata stays alongside and names the same columns', async () => {
    const res = await t.app.request('/api/v1/exports/open-data/metadata.json');
    const meta = await res.json();
    expect(meta.columns.map((c: { name: string }) => c.name)).toEqual(OPEN_DICTIONARY.map((c) => c.name));
    expect(meta.files).toMatchObject({ dataPackage: 'datapackage.json', dcat: 'dcat.jsonld' });
  });
});

describe('/data and the package use one dictionary', () => {
  it('the /data CSV, its dictionary and the package CSV share the column names', async () => {
    const data = (await (await t.app.request('/data/penghargaan.csv')).text()).replace(/^\uFEFF/, '');
    const dictionary = parse(
      (await (await t.app.request('/data/kamus-kolom.csv')).text()).replace(/^\uFEFF/, ''),
      { columns: true },
    ) as { kolom: string }[];
    const { csv } = await packageFiles();
    const names = OPEN_DICTIONARY.map((c) => c.name);
    expect(data.split('\n')[0]!.trim().split(',')).toEqual(names);
    expect(dictionary.map((d) => d.kolom)).toEqual(names);
    expect(csv.split('\n')[0]!.trim().split(',')).toEqual(names);
    // The old second dictionary's names are gone.
    for (const old of ['pemberi_kode', 'bidang_kode', 'unit_id', 'tanggal', 'skala'])
      expect(names).not.toContain(old);
  });
});
