// Extraction throughput on one core: ~3 KB Indonesian articles built from the seed reports and
// the fixtures, each extracted in full. Prints {"name":"extract","articlesPerSecond":N}.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../../src/extract/index.ts';

const REPO = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

/** Plain-text articles cut or padded to about `bytes` each (padding repeats the article). */
export function sampleArticles(bytes = 3000): string[] {
  const dirs = [join(REPO, '..', 'shared', 'seeds'), join(REPO, 'test', 'fixtures', 'news')];
  const out: string[] = [];
  for (const dir of dirs.filter(existsSync)) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      let t = readFileSync(join(dir, f), 'utf8');
      while (t.length < bytes) t += `\n${t}`;
      out.push(t.slice(0, bytes));
    }
  }
  return out;
}

/** Articles per second over at least `minMs` of work, after a short warm-up. */
export function benchmarkExtract(minMs = 2000, articles = sampleArticles()): number {
  for (const a of articles) extractArticle(a, { published: '2025-06-01' });
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const a of articles) extractArticle(a, { published: '2025-06-01' });
    n += articles.length;
    elapsed = performance.now() - t0;
  }
  return Math.round((n / elapsed) * 1000);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify({ name: 'extract', articlesPerSecond: benchmarkExtract() }));
}
