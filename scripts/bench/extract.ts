// Extraction throughput on one core: ~3 KB Indonesian articles built from the seed reports and
// the fixtures (development and held-out sets), each extracted in full. Prints, as its last
// line, {"name":"extract","articlesPerSecond":N,...}: N is by the wall clock (what a user sees);
// cpuArticlesPerSecond divides by the process's own CPU time instead, which stays meaningful
// when the machine is shared and this process is not scheduled all the time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../../src/extract/index.ts';

const REPO = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

/** Plain-text articles cut or padded to about `bytes` each (padding repeats the article). */
export function sampleArticles(bytes = 3000): string[] {
  const dirs = ['news', 'news-heldout'].map((d) => join(REPO, 'test', 'fixtures', d));
  dirs.unshift(join(REPO, '..', 'shared', 'seeds'));
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

export interface ExtractBench {
  articlesPerSecond: number;
  cpuArticlesPerSecond: number;
  articles: number;
  seconds: number;
}

/**
 * Articles per second over at least `minMs` of work, after `warmMs` of the same work: a watcher
 * extracts for hours, so the figure is the steady state once V8 has compiled the hot paths (one
 * pass of warm-up left the compiler's work inside the measurement, ~0.65 of the steady rate).
 */
export function benchmarkExtract(minMs = 5000, articles = sampleArticles(), warmMs = 3000): ExtractBench {
  const w0 = performance.now();
  while (performance.now() - w0 < warmMs)
    for (const a of articles) extractArticle(a, { published: '2025-06-01' });
  let n = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const a of articles) extractArticle(a, { published: '2025-06-01' });
    n += articles.length;
    elapsed = performance.now() - t0;
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    articlesPerSecond: Math.round((n / elapsed) * 1000),
    cpuArticlesPerSecond: Math.round((n / cpuMs) * 1000),
    articles: n,
    seconds: Math.round(elapsed) / 1000,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify({ name: 'extract', ...benchmarkExtract() }));
}
