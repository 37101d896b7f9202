import { OPEN_DICTIONARY, openChoices } from './open-dictionary.ts';

// The open-data package described for machines, in two standards beside the Satu Data
// metadata.json: a Frictionless Data Package (datapackage.json: the files, their table schema
// from the one dictionary, licence, contributors) and DCAT as JSON-LD (dcat.jsonld: the
// dataset, its publisher and a distribution per file with its access URL), which data
// portals (CKAN, data.go.id) harvest.

export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

export interface PackageAbout {
  title: string;
  description: string;
  producer: string;
  region: { code: string; name: string };
  period: { from: number; to: number } | null;
  /** YYYY-MM-DD */
  updated: string;
  /** Where the package is served (https://prestasi.example.go.id); null: file names only. */
  baseUrl: string | null;
}

/** The files of the package, each with what it holds. */
const FILES = [
  { path: 'penghargaan.csv', mediaType: 'text/csv', title: 'Data penghargaan (CSV)' },
  { path: 'metadata.json', mediaType: 'application/json', title: 'Metadata Satu Data Indonesia' },
  { path: 'datapackage.json', mediaType: 'application/json', title: 'Frictionless Data Package' },
  { path: 'dcat.jsonld', mediaType: 'application/ld+json', title: 'Metadata DCAT (JSON-LD)' },
] as const;

/** 'Kota Tangerang' → 'penghargaan-kota-tangerang' (a package name: lower case, - . _ only). */
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The table schema of penghargaan.csv, from the open-data dictionary. */
export function tableSchema() {
  return {
    fields: OPEN_DICTIONARY.map((c) => {
      const choices = openChoices(c.name);
      return {
        name: c.name,
        type: c.type,
        ...(c.type === 'date' ? { format: 'default' } : {}),
        description: c.description.id,
        ...(c.name === 'id' || c.name === 'judul' || c.name === 'tahun'
          ? { constraints: { required: true } }
          : choices
            ? { constraints: { enum: [...choices] } }
            : {}),
      };
    }),
    primaryKey: ['id'],
    missingValues: [''],
  };
}

/** datapackage.json after the Frictionless Tabular Data Package profile. */
export function dataPackage(about: PackageAbout) {
  return {
    profile: 'tabular-data-package',
    name: `penghargaan-${slug(about.region.name)}`,
    id: `prestasi:${about.region.code}:penghargaan`,
    title: about.title,
    description: about.description,
    version: about.updated,
    created: `${about.updated}T00:00:00Z`,
    ...(about.baseUrl ? { homepage: `${about.baseUrl}/data` } : {}),
    keywords: ['penghargaan', 'prestasi', 'satu data indonesia', about.region.name],
    licenses: [{ name: LICENCE.id, path: LICENCE.url, title: LICENCE.name }],
    contributors: [{ title: about.producer, role: 'publisher' }],
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'penghargaan',
        path: 'penghargaan.csv',
        title: about.title,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', header: true, quoteChar: '"', doubleQuote: true },
        schema: tableSchema(),
      },
    ],
  };
}

/** dcat.jsonld: the dataset in the W3C DCAT vocabulary, one distribution per file. */
export function dcatDataset(about: PackageAbout) {
  const base = about.baseUrl ? `${about.baseUrl}/api/v1/exports/open-data` : null;
  const url = (path: string) => (base ? `${base}/${path}` : path);
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': url('dcat.jsonld#dataset'),
    '@type': 'dcat:Dataset',
    'dct:title': about.title,
    'dct:description': about.description,
    'dct:identifier': `prestasi:${about.region.code}:penghargaan`,
    'dct:language': { '@id': 'http://id.loc.gov/vocabulary/iso639-1/id' },
    'dct:license': { '@id': LICENCE.url },
    'dct:modified': { '@value': about.updated, '@type': 'xsd:date' },
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': about.producer },
    'dct:spatial': {
      '@type': 'dct:Location',
      'dct:identifier': about.region.code,
      'foaf:name': about.region.name,
    },
    ...(about.period
      ? {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': { '@value': `${about.period.from}-01-01`, '@type': 'xsd:date' },
            'dcat:endDate': { '@value': `${about.period.to}-12-31`, '@type': 'xsd:date' },
          },
        }
      : {}),
    'dcat:keyword': ['penghargaan', 'prestasi', 'satu data indonesia'],
    ...(about.baseUrl ? { 'dcat:landingPage': { '@id': `${about.baseUrl}/data` } } : {}),
    'dcat:distribution': [
      {
        '@type': 'dcat:Distribution',
        'dct:title': 'Paket data terbuka (ZIP)',
        'dcat:accessURL': { '@id': base ? `${base}.zip` : 'data-terbuka-penghargaan.zip' },
        'dcat:downloadURL': { '@id': base ? `${base}.zip` : 'data-terbuka-penghargaan.zip' },
        'dcat:mediaType': 'application/zip',
        'dct:license': { '@id': LICENCE.url },
      },
      ...FILES.map((f) => ({
        '@type': 'dcat:Distribution',
        'dct:title': f.title,
        'dcat:accessURL': { '@id': url(f.path) },
        'dcat:downloadURL': { '@id': url(f.path) },
        'dcat:mediaType': f.mediaType,
        'dct:license': { '@id': LICENCE.url },
        ...(f.path === 'penghargaan.csv' ? { 'dct:conformsTo': { '@id': url('datapackage.json') } } : {}),
      })),
    ],
  };
}
