// `npm run bench`: runs each benchmark in its own process (so one's warm caches do not
// flatter another), collects the JSON line each prints last, writes bench-results/latest.json
// and refreshes the table in README.md between the bench markers. Naming benchmarks runs only
// those and replaces their rows, keeping the others' last results.
// Usage: npm run bench [-- name ...]
//   names: extract national import pages serving startup growth soak watch tenants exports
//   BENCH_SOAK_SECONDS (default 60; 300 for the 5-minute soak) sets the soak's length;
//   BENCH_GROWTH_MAX (default 100000; 1000000 adds the 1M step, ~10 more minutes)
//   the largest database of the growth curve; BENCH_EXPORTS_MAX (default 100000; 1000000 adds
//   the 1M step) the largest of the exports benchmark. CI does not run benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { type Machine, machineLabel, renderTable } from './table.ts';

const ALL = [
  'extract',
  'national',
  'import',
  'pages',
  'serving',
  'startup',
  'growth',
  'soak',
  'watch',
  'tenants',
  'exports',
];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : ALL;

/** Stamped on each result: rows kept from an earlier run keep the machine they ran on. */
const MACHINE = machineLabel({ cpus: cpus().length, model: cpus()[0]?.model, node: process.version });
const results: Record<string, unknown>[] = [];
for (const name of names) {
  const script = `scripts/bench/${name}.ts`;
  if (!existsSync(script)) {
    console.error(`skip ${name}: ${script} does not exist`);
    continue;
  }
  console.error(`\n== bench ${name}`);
  const extra =
    name === 'growth'
      ? ['--max', process.env.BENCH_GROWTH_MAX ?? '100000']
      : name === 'exports'
        ? ['--max', process.env.BENCH_EXPORTS_MAX ?? '100000']
        : [];
  // --expose-gc lets the soak measure the heap after a full collection.
  const run = spawnSync('node', ['--expose-gc', '--import', 'tsx', script, ...extra], {
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
  for (const line of lines)
    results.push({
      ...JSON.parse(line),
      measuredOn: new Date().toISOString().slice(0, 10),
      machine: MACHINE,
    });
}

// Results of benchmarks not run this time are kept from the last report.
const previous: { results?: Record<string, unknown>[]; machine?: Machine } = existsSync(
  'bench-results/latest.json',
)
  ? JSON.parse(readFileSync('bench-results/latest.json', 'utf8'))
  : {};
const ran = new Set(results.map((r) => r.name));
const kept = wanted.length
  ? (previous.results ?? [])
      .filter((r) => !ran.has(r.name))
      .map((r) => ({
        ...r,
        machine: r.machine ?? (previous.machine ? machineLabel(previous.machine) : undefined),
      }))
  : [];
const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  results: [...kept, ...results],
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
const table = renderTable(report);
console.log(table);

const readme = existsSync('README.md') ? readFileSync('README.md', 'utf8') : '';
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
if (readme.includes(start) && readme.includes(end)) {
  const updated = readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`);
  writeFileSync('README.md', updated);
  console.error('README.md benchmark table updated');
}
