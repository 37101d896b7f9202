// Turns benchmark results into the README's markdown table.
// biome-ignore lint/suspicious/noExplicitAny: results of every benchmark, each its own shape
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
          // By the wall clock; the CPU-time rate beside it is this process's own, which stays
          // meaningful when other work shares the machine.
          value: `${Math.round(r.articlesPerSecond)} articles/s${r.cpuArticlesPerSecond ? ` (CPU time: ${Math.round(r.cpuArticlesPerSecond)}/s)` : ''}`,
          target: '≥ 1,000/s',
          ok: r.articlesPerSecond >= 1000,
        },
      ];
    case 'tenants': {
      const raw = r.metrics.raw as { p95: number };
      const size = `${r.regions} regions × ${r.years} years, ${r.connections} clients`;
      const label: Record<string, string> = {
        recap: "a region's public recap through HTTP (/api/v1/recap; cached per region)",
        list: "a region's list page for a year (/wilayah/…/penghargaan)",
        home: "a region's showcase home (/wilayah/…)",
        award: 'an award page (/wilayah/…/penghargaan/{id})',
        units: "a region's unit index (/wilayah/…/unit)",
        unit: "a unit's report card (/wilayah/…/unit/{id})",
        timeline: "a region's timeline (/wilayah/…/linimasa)",
        data: "a region's open-data page (/wilayah/…/data)",
        national: `national comparison (/perbandingan; first render ${r.nationalFirstRenderMs} ms)`,
      };
      const rows: Row[] = Object.entries(label)
        .filter(([key]) => r.metrics[key])
        .map(([key, what]) => {
          const m = r.metrics[key] as {
            p50: number;
            p95: number;
            targetP95: number;
            cold?: { p50: number; p95: number };
          };
          const cold = m.cold
            ? ` (cold, first render of each: p50 ${ms(m.cold.p50)}, p95 ${ms(m.cold.p95)})`
            : '';
          return {
            what: `${what}, ${size}; p95 ${(m.p95 / raw.p95).toFixed(1)}× a bare server`,
            db: r.database,
            value: `p50 ${ms(m.p50)}, p95 ${ms(m.p95)}${cold}`,
            target: `p95 ≤ ${m.targetP95} ms`,
            ok: m.p95 <= m.targetP95,
          };
        });
      const after = r.metrics.afterVerification as
        | {
            changedHomeMs: number;
            others: { p50: number; p95: number; requests: number };
            unchanged?: { p50: number; p95: number };
            targetP95: number;
          }
        | undefined;
      if (after)
        rows.push({
          what: `after one verification in one region: that region's home rendered again, then every other region's home (${after.others.requests} pages), ${size}`,
          db: r.database,
          value:
            `changed home ${ms(after.changedHomeMs)}; others p50 ${ms(after.others.p50)}, p95 ${ms(after.others.p95)}` +
            (after.unchanged
              ? ` (the same pass before it: p50 ${ms(after.unchanged.p50)}, p95 ${ms(after.unchanged.p95)})`
              : ''),
          target: `others p95 ≤ ${after.targetP95} ms`,
          ok: after.others.p95 <= after.targetP95,
        });
      const rls = r.metrics.rls as
        | {
            onP95: number;
            offP95: number;
            onP50: number;
            offP50: number;
            p95Ratio: number;
            clients: number;
            rounds: unknown[];
            cpuRatio?: number | null;
            onCpuMsPerRequest?: number | null;
            offCpuMsPerRequest?: number | null;
          }
        | undefined;
      if (rls)
        rows.push({
          what: `row-level security on vs off: ${rls.clients} signed-in region admins, uncached recap with unverified records, ${r.regions} regions × ${r.years} years, ${rls.rounds.length} rounds alternating (medians)`,
          db: r.database,
          value:
            `p95 ${ms(rls.onP95)} vs ${ms(rls.offP95)} = ${rls.p95Ratio.toFixed(2)} (p50 ${ms(rls.onP50)} vs ${ms(rls.offP50)})` +
            (rls.cpuRatio
              ? `; CPU per request (server + PostgreSQL) ${ms(rls.onCpuMsPerRequest ?? 0)} vs ${ms(rls.offCpuMsPerRequest ?? 0)} = ${rls.cpuRatio.toFixed(2)}`
              : ''),
          target: 'RLS costs ≤ 15% at p95',
          ok: rls.p95Ratio <= 1.15,
        });
      return rows;
    }
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
    case 'import': {
      const target = r.database === 'postgres' ? 0.5 : 0.3;
      // SQLite: the CPU-time ratio beside the wall one (steady under load; on PostgreSQL the
      // server's work is not this process's CPU).
      const cpu = (x: number | undefined) => (x === undefined ? '' : ` (CPU ${x.toFixed(2)})`);
      return [
        {
          what: `import of a ${r.rows}-row xlsx, a second file in the process${r.coldRowsPerSecond ? ` (the first: ${Math.round(r.coldRowsPerSecond)} rows/s)` : ''}`,
          db: r.database,
          // How much of it is writing (the rest is reading and checking the file).
          value: `${Math.round(r.rowsPerSecond)} rows/s${r.writeCpuSeconds === undefined ? '' : `; writing ${r.writeCpuSeconds.toFixed(2)} of ${r.cpuSeconds.toFixed(2)} CPU s`}`,
          target: r.database === 'postgres' ? '≥ 5,000/s' : '≥ 25,000/s',
          ok: r.rowsPerSecond >= (r.database === 'postgres' ? 5000 : 25000),
        },
        ...(r.ratioToRaw === undefined
          ? []
          : [
              {
                what: `import vs a raw driver insert of the same rows with their ${r.auditRows} audit rows, same schema (indexes and count triggers)`,
                db: r.database,
                value: `${Math.round(r.rowsPerSecond)} vs ${r.rawRowsPerSecond} rows/s = ${r.ratioToRaw.toFixed(2)}${cpu(r.cpuRatioToRaw)}`,
                target: `≥ ${target} of raw`,
                ok: r.ratioToRaw >= target,
              },
            ]),
        ...(r.ratioToRawNoCounts === undefined
          ? []
          : [
              {
                what: `import vs a raw driver insert of the same rows with their ${r.auditRows} audit rows, count triggers absent`,
                db: r.database,
                value: `${Math.round(r.rowsPerSecond)} vs ${r.rawNoCountsRowsPerSecond} rows/s = ${r.ratioToRawNoCounts.toFixed(2)}${cpu(r.cpuRatioToRawNoCounts)}`,
                target: `≥ ${target} of raw`,
                ok: r.ratioToRawNoCounts >= target,
              },
            ]),
      ];
    }
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
    case 'serving': {
      const rows: Row[] = [];
      for (const [key, label] of [
        ['home200', 'home page 200 vs raw node:http, same bytes'],
        ['home304', 'home page 304 vs raw node:http'],
        ['list200', 'list page 200 vs raw node:http, same bytes'],
        ['list304', 'list page 304 vs raw node:http'],
      ] as const)
        rows.push({
          what: label,
          db: 'sqlite (demo)',
          value: `${r[key].appRps} vs ${r[key].rawRps} req/s = ${r[key].ratio.toFixed(2)}`,
          target: '≥ 0.60 of raw',
          ok: r[key].ratio >= 0.6,
        });
      rows.push({
        what: '`/?x=<unique>` on every request vs the cached `/`',
        db: 'sqlite (demo)',
        value: `${r.uniqueQuery.attackRps} vs ${r.uniqueQuery.cachedRps} req/s = ${r.uniqueQuery.ratio.toFixed(2)}`,
        target: '≥ 0.5 of cached',
        ok: r.uniqueQuery.ratio >= 0.5,
      });
      return rows;
    }
    case 'startup':
      return [
        {
          what: `\`prestasi --help\`${r.built ? ', ahead-of-time build' : ', from source (tsx)'} (bare \`node -e 0\` alongside)`,
          db: '',
          value: `${r.helpMs} ms (bare ${r.bareNodeMs} ms)`,
          target: '≤ 500 ms',
          ok: r.helpMs <= 500,
        },
        {
          what: `\`prestasi serve\` until /healthz answers${r.built ? ', ahead-of-time build' : ', from source (tsx)'} (bare node:http alongside)`,
          db: 'sqlite',
          value: `${r.serveHealthzMs} ms (bare ${r.bareServerMs} ms)${r.firstPageMs === undefined ? '' : `; then the first \`GET /\` ${r.firstPageMs} ms, the first \`GET /api/v1/awards\` ${r.firstApiMs} ms`}`,
          target: '≤ 600 ms',
          ok: r.serveHealthzMs <= 600,
        },
      ];
    case 'growth': {
      const sizes: number[] = r.sizes;
      const first = sizes[0];
      const last = sizes[sizes.length - 1];
      const k = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
      return Object.entries(r.medianMs as Record<string, Record<string, number>>).map(([page, c]) => ({
        what: `growth, uncached render: ${page} (${sizes.map(k).join(' → ')})`,
        db: r.database,
        value: `${sizes.map((n) => ms(c[n])).join(' → ')} (×${r.ratios[page].toFixed(2)})`,
        target: `≤ ×2 from ${k(first)} to ${k(last)}`,
        ok: r.ratios[page] <= 2,
      }));
    }
    case 'soak':
      return [
        {
          what: `soak: ${r.seconds} s of mixed public, API, /healthz and unique-query load (${Math.round(r.requests).toLocaleString('en')} requests)`,
          db: 'sqlite (demo)',
          value: `heap after GC ${r.before.heapMb} → ${r.after.heapMb} MB (${(r.heapGrowth * 100).toFixed(1)}%), RSS ${r.before.rssMb} → ${r.after.rssMb} MB`,
          target: 'heap ± 10%',
          ok: Math.abs(r.heapGrowth) <= 0.1,
        },
      ];
    case 'exports': {
      const size = r.size >= 1e6 ? `${r.size / 1e6}M` : `${r.size / 1e3}k`;
      if (r.case === 'rawCsv')
        return [
          {
            what: `export at ${size} awards: raw baseline (better-sqlite3 iterate → CSV lines → fs write stream)`,
            db: 'sqlite',
            value: `${(r.ms / 1000).toFixed(2)} s, CPU ${(r.cpuMs / 1000).toFixed(2)} s, ${(r.bytes / 1e6).toFixed(1)} MB`,
            target: '',
            ok: null,
          },
        ];
      const h = r.healthz;
      const ofRaw = r.ofRaw ? ` (×${r.ofRaw} of raw)` : '';
      return [
        {
          what: `export at ${size} awards: ${r.path}`,
          db: 'sqlite',
          value:
            r.status === 200
              ? `${(r.ms / 1000).toFixed(1)} s${ofRaw}, ${(r.bytes / 1e6).toFixed(1)} MB; peak RSS ${r.peakRssMb} MB (from ${r.rssBeforeMb}), worker heap ${r.workerHeapMb ?? '–'} MB; /healthz p95 ${h.duringP95Ms} ms vs idle ${h.idleP95Ms} ms (×${h.ratio}, ${h.requests} asked)`
              : `refused with ${r.status} (over the report's cap); /healthz p95 ×${h.ratio}`,
          target: '/healthz p95 ≤ ×2 of idle; memory bounded',
          ok: h.ratio <= 2,
        },
      ];
    }
    default:
      return [{ what: r.name, db: r.database ?? '', value: JSON.stringify(r), target: '', ok: null }];
  }
}

export interface Machine {
  cpus: number;
  model?: string;
  node: string;
}

export const machineLabel = (m: Machine) => `${m.cpus} cores (${m.model ?? 'unknown CPU'}), Node ${m.node}`;

export function renderTable(report: { date: string; machine: Machine; results: Result[] }): string {
  // Each result says the day and the machine it was measured on (results kept from earlier runs
  // may come from another machine).
  const runs = new Map<string, string[]>();
  for (const r of report.results) {
    const run = `${(r.measuredOn as string | undefined) ?? 'earlier'} on ${(r.machine as string | undefined) ?? machineLabel(report.machine)}`;
    runs.set(run, [...new Set([...(runs.get(run) ?? []), r.name as string])]);
  }
  const when =
    runs.size > 1
      ? [...runs].map(([run, names]) => `${names.join(', ')}: ${run}`).join('; ')
      : `${report.date.slice(0, 10)} on ${machineLabel(report.machine)}`;
  const lines = [
    `Measured ${when}.`,
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
