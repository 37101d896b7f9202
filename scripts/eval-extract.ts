// Evaluation of the news extractor (src/extract) against hand-made gold records.
//
// Corpus, in three sets reported separately and together:
// - seeds: the five seed reports (<repo>/../shared/seeds, with gold.json);
// - dev: test/fixtures/news — written alongside the extractor, so its figures are optimistic;
// - heldout: test/fixtures/news-heldout — written afterwards by someone who had not read the
//   rules, the honest measure. Do not tune the extractor on one of its articles' wording.
// gold.json has the same shape everywhere; an optional "published" is passed as --published.
//
// Matching: within one file, an extracted award and a gold award match when their titles share
// at least half of the content words of the shorter title (generic words such as "penghargaan",
// "kategori", "juara" are ignored). Pairs are assigned one-to-one, best overlap first.
// - events: a match with a gold `main`/`co_recipient` record is a true positive; an extracted
//   award matching nothing is a false positive; a gold record left unmatched is a false negative.
//   `background` records (earlier awards the text recalls) are neither required nor penalised.
// - fields, over matched pairs where the gold record has the key: equal → TP; extracted value
//   where gold is null or different → FP; gold value missed or different → FN. Giver compares
//   abbreviations (gold text resolved through the givers list); recipient compares loosely
//   ("Pemkot Tangerang" ~ "Pemerintah Kota Tangerang"; containment either way).
// - claims: counts per file, as a set.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findGivers } from '../src/extract/givers.ts';
import { extractSource } from '../src/extract/index.ts';
import { findRank } from '../src/extract/numbers.ts';
import type { AwardEvent } from '../src/extract/types.ts';
import { evaluateStrict, printStrict } from './eval-strict.ts';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS_DIR = join(REPO, '..', 'shared', 'seeds');
export const FIXTURES_DIR = join(REPO, 'test', 'fixtures', 'news');
export const HELDOUT_DIR = join(REPO, 'test', 'fixtures', 'news-heldout');
/** 48 articles modelled on real regional reporting, with region-level gold (issue 8). */
export const NEWS_DEV_DIR = join(REPO, '..', 'shared', 'news-dev');

export type CorpusSet = 'seeds' | 'dev' | 'heldout';
export const CORPUS_SETS: Array<[CorpusSet, string]> = [
  ['seeds', SEEDS_DIR],
  ['dev', FIXTURES_DIR],
  ['heldout', HELDOUT_DIR],
];

export interface GoldAward {
  recipient: string | null;
  title: string;
  awarding_body: string | null;
  level: string | null;
  date_received: string | null;
  rank: string | null;
  score: number | null;
  grade: string | null;
  year: number | null;
  category?: string | null;
  mention: 'main' | 'co_recipient' | 'background';
}
export interface GoldFile {
  file: string;
  published?: string;
  awards: GoldAward[];
  aggregate_claims: Array<{ count: number }>;
}
export interface CorpusEntry {
  set: CorpusSet;
  path: string;
  gold: GoldFile;
}

/** All sets by default; pass the names to load only some (a missing set is skipped). */
export function loadCorpus(sets: CorpusSet[] = ['seeds', 'dev', 'heldout']): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const [set, dir] of CORPUS_SETS) {
    const goldPath = join(dir, 'gold.json');
    if (!sets.includes(set) || !existsSync(goldPath)) continue;
    for (const g of JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile[]) {
      out.push({ set, path: join(dir, g.file), gold: g });
    }
  }
  return out;
}

export function extractFile(e: CorpusEntry) {
  return extractSource(readFileSync(e.path), { name: e.path, published: e.gold.published ?? null });
}

const GENERIC = new Set(
  'penghargaan predikat kategori juara peringkat terbaik dalam dari dan atas tahun pada di yang untuk award awards tingkat sebagai dengan the pertama kedua ketiga i ii iii'.split(
    ' ',
  ),
);
const words = (s: string) =>
  new Set((s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !GENERIC.has(w)));

export function titleOverlap(a: string, b: string): number {
  const A = words(a);
  const B = words(b);
  if (A.size === 0 || B.size === 0) return 0;
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return n / Math.min(A.size, B.size);
}

/** One-to-one pairs (gold index, extracted index), best title overlap first, overlap ≥ 0.5. */
export function matchAwards(gold: GoldAward[], found: AwardEvent[]): Array<[number, number]> {
  const cands: Array<[number, number, number]> = [];
  gold.forEach((g, gi) => {
    found.forEach((f, fi) => {
      const s = titleOverlap(g.title, f.title);
      if (s >= 0.5) cands.push([s, gi, fi]);
    });
  });
  cands.sort((x, y) => y[0] - x[0]);
  const usedG = new Set<number>();
  const usedF = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, gi, fi] of cands) {
    if (usedG.has(gi) || usedF.has(fi)) continue;
    usedG.add(gi);
    usedF.add(fi);
    pairs.push([gi, fi]);
  }
  return pairs;
}

export const goldGiver = (s: string | null) => (s ? (findGivers(s)[0]?.body.abbreviation ?? null) : null);
const normRecipient = (s: string) =>
  s
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\bpemerintah kota\b|\bpemkot\b/g, 'kota')
    .replace(/\s+/g, ' ')
    .trim();

export function sameRank(a: string, b: string): boolean {
  if (a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ')) return true;
  const ra = findRank(a);
  const rb = findRank(b);
  return !!ra && !!rb && ra.rankPosition !== null && ra.rankPosition === rb.rankPosition;
}

type Field = 'date' | 'giver' | 'rank' | 'score' | 'grade' | 'year' | 'level' | 'category' | 'recipient';
export const FIELDS: Field[] = [
  'date',
  'giver',
  'rank',
  'score',
  'grade',
  'year',
  'level',
  'category',
  'recipient',
];

function fieldValues(f: Field, g: GoldAward, x: AwardEvent): [unknown, unknown, boolean] | null {
  switch (f) {
    case 'date':
      return [g.date_received, x.date, g.date_received === x.date];
    case 'giver': {
      const gv = goldGiver(g.awarding_body);
      return [gv, x.awardingBody, gv === x.awardingBody];
    }
    case 'rank':
      return [g.rank, x.rank, !!g.rank && !!x.rank && sameRank(g.rank, x.rank)];
    case 'score':
      return [g.score, x.score, g.score !== null && x.score !== null && Math.abs(g.score - x.score) < 0.005];
    case 'grade':
      return [g.grade, x.grade, !!g.grade && g.grade.toLowerCase() === x.grade?.toLowerCase()];
    case 'year':
      return [g.year, x.year, g.year === x.year];
    case 'level':
      return [g.level, x.level, g.level === x.level];
    case 'category':
      if (!('category' in g)) return null;
      return [g.category, x.category, !!g.category && x.category?.toLowerCase() === g.category.toLowerCase()];
    case 'recipient': {
      if (!g.recipient || !x.recipient) return [g.recipient, x.recipient, false];
      const a = normRecipient(g.recipient);
      const b = normRecipient(x.recipient);
      return [a, b, a.includes(b) || b.includes(a)];
    }
  }
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export const prf = (c: Counts) => {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

export interface Report {
  files: number;
  events: Counts;
  claims: Counts;
  fields: Record<Field, Counts>;
  errors: string[];
}

export function evaluate(corpus = loadCorpus()): Report {
  const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const rep: Report = {
    files: corpus.length,
    events: zero(),
    claims: zero(),
    errors: [],
    fields: {} as Record<Field, Counts>,
  };
  for (const f of FIELDS) rep.fields[f] = zero();
  for (const e of corpus) {
    const extraction = extractFile(e);
    const found = extraction.awards;
    const pairs = matchAwards(e.gold.awards, found);
    const matchedF = new Set(pairs.map(([, fi]) => fi));
    for (const [gi, fi] of pairs) {
      const g = e.gold.awards[gi];
      if (g.mention === 'background') continue;
      rep.events.tp++;
      for (const f of FIELDS) {
        const v = fieldValues(f, g, found[fi]);
        if (!v) continue;
        const [gv, xv, ok] = v;
        const c = rep.fields[f];
        if (ok) c.tp++;
        else {
          if (xv !== null && xv !== undefined) c.fp++;
          if (gv !== null && gv !== undefined) c.fn++;
          if (gv !== xv)
            rep.errors.push(
              `${e.set}/${e.gold.file} [${g.title}] ${f}: gold ${JSON.stringify(gv)} got ${JSON.stringify(xv)}`,
            );
        }
      }
    }
    found.forEach((x, fi) => {
      if (!matchedF.has(fi)) {
        rep.events.fp++;
        rep.errors.push(`${e.set}/${e.gold.file} extra: ${x.title}`);
      }
    });
    e.gold.awards.forEach((g, gi) => {
      if (g.mention !== 'background' && !pairs.some(([i]) => i === gi)) {
        rep.events.fn++;
        rep.errors.push(`${e.set}/${e.gold.file} missed: ${g.title}`);
      }
    });
    const gc = new Set(e.gold.aggregate_claims.map((c) => c.count));
    const xc = new Set(extraction.claims.map((c) => c.count));
    for (const c of xc) gc.has(c) ? rep.claims.tp++ : rep.claims.fp++;
    for (const c of gc) if (!xc.has(c)) rep.claims.fn++;
  }
  return rep;
}

function printReport(label: string, rep: Report, verbose: boolean): void {
  const row = (name: string, c: Counts) => {
    const { precision, recall, f1 } = prf(c);
    return `${name.padEnd(10)} ${precision.toFixed(3)}     ${recall.toFixed(3)}  ${f1.toFixed(3)}   tp=${c.tp} fp=${c.fp} fn=${c.fn}`;
  };
  console.log(`\n== ${label}: ${rep.files} files`);
  console.log('           precision recall F1');
  console.log(row('events', rep.events));
  console.log(row('claims', rep.claims));
  for (const f of FIELDS) console.log(row(f, rep.fields[f]));
  if (verbose) for (const e of rep.errors) console.log(`  ${e}`);
  else if (rep.errors.length) console.log(`(${rep.errors.length} differences; --verbose lists them)`);
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const corpus = loadCorpus();
  const labels: Record<CorpusSet, string> = {
    seeds: 'seeds (../shared/seeds)',
    dev: 'development set (test/fixtures/news, written with the rules)',
    heldout: 'held-out set (test/fixtures/news-heldout)',
  };
  for (const [set] of CORPUS_SETS) {
    const part = corpus.filter((e) => e.set === set);
    if (part.length) printReport(labels[set], evaluate(part), verbose);
  }
  printReport('overall', evaluate(corpus), false);
  // The strict figure: seeds and news-dev (skipped when ../shared is not beside the clone).
  const seeds = evaluateStrict(SEEDS_DIR);
  if (seeds) printStrict('seeds', seeds, verbose);
  const newsDev = evaluateStrict(NEWS_DEV_DIR, join(NEWS_DEV_DIR, 'articles'));
  if (newsDev) printStrict('news-dev (../shared/news-dev)', newsDev, verbose);
  else console.log('\n(news-dev skipped: ../shared/news-dev is not beside this clone)');
}
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
