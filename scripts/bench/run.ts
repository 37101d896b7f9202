// `npm run bench`: runs each benchmark in its own process (so one's warm caches do not
// flatter another), collects the JSON line each prints last, writes bench-results/latest.json
// and refreshes the table in README.md between the bench markers.
// Usage: npm run bench [-- name ...]   (names: extract national import pages watch)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { renderTable } from './table.ts';

const ALL = ['extract', 'national', 'import', 'pages', 'watch'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : ALL;

const results: Record<string, unknown>[] = [];
for (const name of names) {
  const script = `scripts/bench/${name}.ts`;
  if (!existsSync(script)) {
    console.error(`skip ${name}: ${script} does not exist`);
    continue;
  }
  console.error(`\n== bench ${name}`);
  const run = spawnSync('node', ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  process.stderr.write(run.stdout);
  const lines = run.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'));
  if (run.status !== 0 || lines.length === 0) {
    console.error(`bench ${name} failed (exit ${run.status})`);
    results.push({ name, error: `exit ${run.status}` });
    continue;
  }
  for (const line of lines) results.push(JSON.parse(line));
}

const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  results,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
const table = renderTable(report);
console.log(table);

const readme = existsSync('README.md') ? readFileSync('README.md', 'utf8') : '';
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
if (readme.includes(start) && readme.includes(end) && !wanted.length) {
  const updated = readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`);
  writeFileSync('README.md', updated);
  console.error('README.md benchmark table updated');
}
