// Turns benchmark results into the README's markdown table.
type Result = Record<string, any>;
interface Row {
  what: string;
  db: string;
  value: string;
  target: string;
  ok: boolean | null;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

function rowsFor(r: Result): Row[] {
  if (r.error) return [{ what: r.name, db: '', value: `failed: ${r.error}`, target: '', ok: false }];
  switch (r.name) {
    case 'national':
      return Object.entries(
        r.metrics as Record<string, { label: string; p50: number; p95: number; targetP95: number }>,
      ).map(([, m]) => ({
        what: m.label,
        db: r.database,
        value: `p50 ${ms(m.p50)}, p95 ${ms(m.p95)}`,
        target: `p95 ≤ ${m.targetP95} ms`,
        ok: m.p95 <= m.targetP95,
      }));
    case 'extract':
      return [
        {
          what: 'news extraction (3 KB articles, one core)',
          db: '',
          value: `${Math.round(r.articlesPerSecond)} articles/s`,
          target: '≥ 500/s',
          ok: r.articlesPerSecond >= 500,
        },
      ];
    case 'watch':
      return [
        {
          what: `polling ${r.sources} watched feeds (${r.itemsPerFeed} seen items each), one round; CPU ${r.ratioToRawFetch}× bare fetch`,
          db: 'sqlite',
          value: `${r.fullRoundCpuSeconds.toFixed(2)} CPU s (304 round ${r.conditionalRoundCpuSeconds.toFixed(2)} s): ${r.corePercentAt5Minutes}% of a core every 5 min`,
          target: '< 5% of one core',
          ok: r.corePercentAt5Minutes < 5,
        },
      ];
    case 'import':
      return [
        {
          what: `import of a ${r.rows}-row xlsx`,
          db: r.database,
          value: `${Math.round(r.rowsPerSecond)} rows/s`,
          target: '≥ 5,000/s',
          ok: r.rowsPerSecond >= 5000,
        },
      ];
    case 'pages':
      return [
        {
          what: 'public home page',
          db: 'sqlite (demo)',
          value: `${Math.round(r.home.rps)} req/s, ${(r.homeBytes / 1024).toFixed(1)} KB`,
          target: '≥ 1,000 req/s, < 100 KB',
          ok: r.home.rps >= 1000 && r.homeBytes < 102400,
        },
        {
          what: 'public list page',
          db: 'sqlite (demo)',
          value: `${Math.round(r.list.rps)} req/s, ${(r.listBytes / 1024).toFixed(1)} KB`,
          target: '≥ 1,000 req/s, < 100 KB',
          ok: r.list.rps >= 1000 && r.listBytes < 102400,
        },
      ];
    default:
      return [{ what: r.name, db: r.database ?? '', value: JSON.stringify(r), target: '', ok: null }];
  }
}

export function renderTable(report: {
  date: string;
  machine: { cpus: number; model?: string; node: string };
  results: Result[];
}): string {
  const lines = [
    `Measured ${report.date.slice(0, 10)} on ${report.machine.cpus} cores (${report.machine.model ?? 'unknown CPU'}), Node ${report.machine.node}.`,
    '',
    '| benchmark | database | result | target | met |',
    '|---|---|---|---|---|',
  ];
  for (const r of report.results)
    for (const row of rowsFor(r))
      lines.push(
        `| ${row.what} | ${row.db} | ${row.value} | ${row.target} | ${row.ok === null ? '' : row.ok ? 'yes' : 'no'} |`,
      );
  return lines.join('\n');
}
