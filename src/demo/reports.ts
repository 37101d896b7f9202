import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The seed reports live beside the repository (../shared/seeds/, as CI clones it). They are
// read at seed time and stored as articles so each demo award carries its source text.
// When the folder is absent the demo still works, only without evidence.

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_SEEDS_DIR = resolve(REPO_ROOT, '../shared/seeds');

/** What the report itself states about where it appeared; nothing is added from outside. */
const REPORT_META: Record<
  string,
  { title: string | null; outlet: string | null; publishedOn: string | null }
> = {
  '001': { title: null, outlet: null, publishedOn: null },
  '002': { title: null, outlet: null, publishedOn: null },
  '003': {
    title: 'Pemkot Tangerang Raih Opini Kualitas Tertinggi Kepatuhan Penyelenggaraan Pelayanan Publik',
    outlet: null,
    publishedOn: '2025-01-22',
  },
  '004': {
    title: 'Pemkot Tangerang Raih Empat Penghargaan dari BKN',
    outlet: 'VivaBanten.com',
    publishedOn: null,
  },
};

export interface SeedReport {
  number: string;
  fileName: string;
  body: string;
  title: string | null;
  outlet: string | null;
  publishedOn: string | null;
}

/** Reads report `number` ('003') from the seeds folder; null when the folder or file is missing. */
export function readSeedReport(number: string, dir = DEFAULT_SEEDS_DIR): SeedReport | null {
  if (!existsSync(dir)) return null;
  const fileName = readdirSync(dir).find((f) => f.startsWith(`${number}_`) && f.endsWith('.txt'));
  if (!fileName) return null;
  const body = readFileSync(join(dir, fileName), 'utf8');
  const meta = REPORT_META[number] ?? { title: null, outlet: null, publishedOn: null };
  return { number, fileName, body, ...meta };
}
