// The strict figure (issue 8): an extracted award counts only when its title pairs with a gold
// record AND it credits the gold record's region — the same region, not a neighbour. The rules
// follow ../shared/news-dev/score.py --strict so the two agree; written here so that
// `npm run eval:extract` needs no Python. Fields: giver, date, rank, score of each pair.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSource } from '../src/extract/index.ts';
import type { AwardEvent } from '../src/extract/types.ts';

interface StrictGold {
  recipient: string | null;
  recipient_region?: string | null;
  title: string;
  awarding_body: string | null;
  date_received: string | null;
  rank: string | null;
  score: number | null;
  mention: 'main' | 'co_recipient' | 'background';
}
interface StrictFile {
  article?: string;
  file: string;
  published?: string;
  awards: StrictGold[];
}

const STOP = new Set(
  'dan dari the of untuk atas di ke yang pada dalam sebagai tahun raih meraih menerima diraih oleh bagi kepada dengan tingkat'.split(
    ' ',
  ),
);
const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
};
const WORDS: Record<string, number> = { pertama: 1, satu: 1, kedua: 2, dua: 2, ketiga: 3, tiga: 3 };

function toks(s: string | null | undefined): Set<string> {
  const out = new Set<string>();
  for (const t of (s ?? '')
    .toLowerCase()
    .replace(/[^0-9a-z]+/g, ' ')
    .split(' ')) {
    if (t && ((!STOP.has(t) && t.length > 1) || /^\d+$/.test(t))) out.add(t);
  }
  return out;
}

function sim(a: string, b: string): number {
  const A = toks(a);
  const B = toks(b);
  if (A.size === 0 || B.size === 0) return 0;
  let inter = 0;
  for (const t of A) if (B.has(t)) inter++;
  const small = Math.min(A.size, B.size);
  return Math.max(inter / (A.size + B.size - inter), small >= 2 ? (0.8 * inter) / small : 0);
}

function rankNum(x: string | number | null | undefined): number | null {
  if (x === null || x === undefined) return null;
  if (typeof x === 'number') return Math.trunc(x);
  const s = x.toLowerCase();
  const d = /\d+/.exec(s);
  if (d) return Number(d[0]);
  for (const w of s.match(/[a-z]+/g) ?? []) if (ROMAN[w]) return ROMAN[w];
  for (const [w, n] of Object.entries(WORDS)) if (s.includes(w)) return n;
  return null;
}

function bodyMatch(gold: string, ...pred: Array<string | null>): boolean {
  const g = toks(gold);
  return pred.some((p) => {
    const t = toks(p);
    if (t.size === 0) return false;
    let inter = 0;
    for (const w of t) if (g.has(w)) inter++;
    return inter === t.size || inter / t.size >= 0.5;
  });
}

/** Same region: the predicted region's full name equals the gold one (kind and name). */
function regionOk(g: StrictGold, x: AwardEvent): boolean {
  if (!g.recipient_region) return true;
  return x.recipientRegion?.name.toLowerCase() === g.recipient_region.toLowerCase();
}

export interface StrictReport {
  files: number;
  tp: number;
  fp: number;
  fn: number;
  negativeFp: number;
  fields: Record<'body' | 'date' | 'rank' | 'score', [number, number]>;
  errors: string[];
}

export function evaluateStrict(dir: string, articlesDir = dir): StrictReport | null {
  const goldPath = join(dir, 'gold.json');
  if (!existsSync(goldPath)) return null;
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as StrictFile[];
  const rep: StrictReport = {
    files: gold.length,
    tp: 0,
    fp: 0,
    fn: 0,
    negativeFp: 0,
    fields: { body: [0, 0], date: [0, 0], rank: [0, 0], score: [0, 0] },
    errors: [],
  };
  for (const f of gold) {
    const path = join(articlesDir, f.file);
    const found = extractSource(readFileSync(path), { name: path, published: f.published ?? null }).awards;
    const pairs: Array<[number, number, number]> = [];
    f.awards.forEach((g, gi) => {
      found.forEach((x, xi) => {
        const t = sim(g.title, x.title);
        if (t >= 0.4 && regionOk(g, x)) {
          pairs.push([
            t + 0.25 * sim(g.recipient ?? '', x.recipient ?? '') + (g.mention !== 'background' ? 0.01 : 0),
            gi,
            xi,
          ]);
        }
      });
    });
    pairs.sort((a, b) => b[0] - a[0]);
    const usedG = new Set<number>();
    const usedX = new Set<number>();
    for (const [, gi, xi] of pairs) {
      if (usedG.has(gi) || usedX.has(xi)) continue;
      usedG.add(gi);
      usedX.add(xi);
      const g = f.awards[gi];
      if (g.mention === 'background') continue;
      rep.tp++;
      const x = found[xi];
      const count = (k: keyof StrictReport['fields'], ok: boolean) => {
        rep.fields[k][1]++;
        if (ok) rep.fields[k][0]++;
        else rep.errors.push(`${f.file} [${g.title}] ${k} wrong`);
      };
      if (g.awarding_body) count('body', bodyMatch(g.awarding_body, x.awardingBody, x.awardingBodyName));
      if (g.date_received) count('date', x.date === g.date_received);
      if (g.rank) count('rank', rankNum(x.rankPosition ?? x.rank) === rankNum(g.rank));
      if (g.score !== null) count('score', x.score !== null && Math.abs(x.score - g.score) < 0.006);
    }
    const matchedRequired = [...usedG].filter((gi) => f.awards[gi].mention !== 'background').length;
    const required = f.awards.filter((g) => g.mention !== 'background').length;
    rep.fp += found.length - usedX.size;
    rep.fn += required - matchedRequired;
    if (f.awards.length === 0) rep.negativeFp += found.length;
    found.forEach((x, xi) => {
      if (!usedX.has(xi))
        rep.errors.push(`${f.file} extra: ${x.title} → ${x.recipientRegion?.name ?? 'no region'}`);
    });
    f.awards.forEach((g, gi) => {
      if (g.mention !== 'background' && !usedG.has(gi))
        rep.errors.push(`${f.file} missed: ${g.title} → ${g.recipient_region ?? g.recipient}`);
    });
  }
  return rep;
}

export function printStrict(label: string, rep: StrictReport, verbose: boolean): void {
  const p = rep.tp + rep.fp === 0 ? 1 : rep.tp / (rep.tp + rep.fp);
  const r = rep.tp + rep.fn === 0 ? 1 : rep.tp / (rep.tp + rep.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const right = Object.values(rep.fields).reduce((n, [a]) => n + a, 0);
  const asked = Object.values(rep.fields).reduce((n, [, b]) => n + b, 0);
  const parts = Object.entries(rep.fields).map(([k, [a, b]]) => `${k}=${a}/${b}`);
  console.log(`\n== ${label}: ${rep.files} files, strict (the right region)`);
  console.log(
    `strict F1=${f1.toFixed(3)} P=${p.toFixed(3)} R=${r.toFixed(3)} fields=${(asked ? right / asked : 0).toFixed(3)} (tp=${rep.tp} fp=${rep.fp} fn=${rep.fn})`,
  );
  console.log(`fields: ${parts.join(' ')}  findings on negative articles: ${rep.negativeFp}`);
  if (verbose) for (const e of rep.errors) console.log(`  ${e}`);
}
