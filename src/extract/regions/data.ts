// Every provinsi, kabupaten and kota of Indonesia with its Kemendagri code, read once from the
// `idn-area-data` package (MIT code, data under ODbL; attribution in the README). Reading the
// package's CSV at run time keeps the list current with the package instead of a copied snapshot.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type RegionKind = 'provinsi' | 'kabupaten' | 'kota';

export interface Region {
  /** Kemendagri code: "36" for a provinsi, "36.71" for a kabupaten/kota. */
  code: string;
  /** Full official name as the record shows it: "Kota Tangerang", "Provinsi Banten". */
  name: string;
  kind: RegionKind;
  /** The name without its kind: "Tangerang", "Tangerang Selatan", "Jawa Tengah". */
  core: string;
  /** Code of the provinsi a kabupaten/kota belongs to; null for a provinsi. */
  parent: string | null;
}

function readCsv(file: string): string[][] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
  return readFileSync(join(dir, file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

/** The shorter names people use for provinces whose official name carries its status. */
const PROVINCE_NAMES: Record<string, string> = {
  '31': 'DKI Jakarta',
  '34': 'DI Yogyakarta',
};

function load(): Region[] {
  const out: Region[] = [];
  for (const [code, name] of readCsv('provinces.csv')) {
    const core = PROVINCE_NAMES[code] ?? name;
    out.push({ code, name: `Provinsi ${core}`, kind: 'provinsi', core, parent: null });
  }
  for (const [code, parent, name] of readCsv('regencies.csv')) {
    const kind: RegionKind = name.startsWith('Kota') ? 'kota' : 'kabupaten';
    const core = name.replace(/^(?:Kota|Kabupaten)\s+(?:Administrasi\s+)?/, '');
    out.push({ code, name, kind, core, parent });
  }
  return out;
}

let cache: Region[] | null = null;

export function allRegions(): Region[] {
  cache ??= load();
  return cache;
}
