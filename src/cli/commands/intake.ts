// prestasi intake sources add URL --kind feed|sitemap|html --name N [--outlet O] [--every MIN] [--as EMAIL]
// prestasi intake sources list [--json]
// prestasi intake sources pause|resume ID [--as EMAIL]
// prestasi intake watch [--once] [--tick SECONDS] [--json]
// Watched news sources on the command line: register them, see their health, and run the
// watcher (one round with --once, else until stopped). Same services as the API and pages.
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { watchLoop } from '../../services/intake/watch/loop.ts';
import { type PollReport, pollDue, WATCH_ACTOR } from '../../services/intake/watch/poll.ts';
import {
  createSource,
  listSources,
  type SourceHealth,
  updateSource,
} from '../../services/intake/watch/registry.ts';
import { createSourceSchema } from '../../services/intake/watch/schemas.ts';
import { actorByEmail, withPreparedDatabase } from '../acting.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';

const exitTwo = (err: { exitCode: number }) => process.exit(err.exitCode === 0 ? 0 : 2);

function healthLine(s: SourceHealth): string {
  const when = s.lastFetchAt ? s.lastFetchAt.slice(0, 16).replace('T', ' ') : 'belum pernah';
  const state = s.lastStatus === 'error' ? `GAGAL: ${s.lastError}` : (s.lastStatus ?? '-');
  return `#${s.id} ${s.active ? '' : '[dijeda] '}${s.name} (${s.kind}, tiap ${s.intervalMinutes} menit) ${s.url}\n    terakhir ${when}: ${state}; ${s.articles} artikel, ${s.findings} temuan${s.itemErrors ? `, ${s.itemErrors} tautan gagal` : ''}`;
}

function reportLine(r: PollReport): string {
  if (r.status === 'error') return `! #${r.sourceId} ${r.name}: ${r.error}`;
  if (r.status === 'not_modified') return `= #${r.sourceId} ${r.name}: tidak berubah`;
  const lines = [
    `+ #${r.sourceId} ${r.name}: ${r.listed} tautan, ${r.newLinks} baru, ${r.articles} artikel baru, ${r.findings} temuan baru`,
    ...r.itemErrors.map((e) => `    ! ${e.url}: ${e.error}`),
  ];
  return lines.join('\n');
}

const parseId = (v: string) => {
  const id = Number(v);
  if (!Number.isInteger(id) || id <= 0) throw new CliError(`"${v}" bukan id sumber: pakai angka, mis. 3`);
  return id;
};

export function register(program: Command): void {
  const intake = program.command('intake').description(COMMAND_DESCRIPTIONS.intake).exitOverride(exitTwo);
  const sources = intake
    .command('sources')
    .description('Daftar, tambah, jeda sumber berita')
    .exitOverride(exitTwo);

  sources
    .command('add')
    .argument('<url>', 'alamat feed RSS/Atom, sitemap, atau halaman daftar berita')
    .requiredOption('--kind <kind>', 'feed | sitemap | html')
    .requiredOption('--name <name>', 'nama sumber, mis. "Berita Pemkot"')
    .option('--outlet <outlet>', 'nama media')
    .option('--every <minutes>', 'tiap berapa menit diambil', '60')
    .option('--as <email>', 'bertindak sebagai pengguna ini (kurator/admin)')
    .exitOverride(exitTwo)
    .action(
      async (url: string, o: { kind: string; name: string; outlet?: string; every: string; as?: string }) => {
        const parsed = createSourceSchema.safeParse({
          url,
          kind: o.kind,
          name: o.name,
          outlet: o.outlet ?? null,
          intervalMinutes: o.every,
        });
        if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join('; '));
        const config = loadConfig();
        await withPreparedDatabase(async (db) => {
          const s = await createSource(db.db, await actorByEmail(db, o.as), parsed.data, {
            allowPrivate: config.intakeWatchAllowPrivate,
          });
          process.stdout.write(`Sumber #${s.id} didaftarkan: ${s.name} (${s.url})\n`);
        });
      },
    );

  sources
    .command('list')
    .option('--json', 'keluaran JSON')
    .exitOverride(exitTwo)
    .action(async (o: { json?: boolean }) => {
      const all = await withPreparedDatabase(async (db) =>
        listSources(db.db, await actorByEmail(db, undefined)),
      );
      if (o.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
      else process.stdout.write(all.length ? `${all.map(healthLine).join('\n')}\n` : 'Belum ada sumber.\n');
    });

  for (const [name, active] of [
    ['pause', false],
    ['resume', true],
  ] as const)
    sources
      .command(name)
      .argument('<id>')
      .option('--as <email>', 'bertindak sebagai pengguna ini (kurator/admin)')
      .exitOverride(exitTwo)
      .action(async (id: string, o: { as?: string }) => {
        await withPreparedDatabase(async (db) => {
          const s = await updateSource(db.db, await actorByEmail(db, o.as), parseId(id), { active });
          process.stdout.write(`${healthLine(s)}\n`);
        });
      });

  intake
    .command('watch')
    .description('Ambil sumber yang sudah waktunya; --once: satu putaran lalu selesai')
    .option('--once', 'satu putaran saja')
    .option('--tick <seconds>', 'jeda antar putaran', '60')
    .option('--host-delay <ms>', 'jeda antar permintaan ke satu host', '1000')
    .option('--timeout <seconds>', 'batas waktu per permintaan', '20')
    .option('--json', 'laporan putaran dalam JSON')
    .exitOverride(exitTwo)
    .action(
      async (o: { once?: boolean; tick: string; hostDelay: string; timeout: string; json?: boolean }) => {
        const tickMs = Number(o.tick) * 1000;
        const hostDelayMs = Number(o.hostDelay);
        const timeoutMs = Number(o.timeout) * 1000;
        if (!(tickMs >= 1000)) throw new CliError('--tick: jumlah detik, paling sedikit 1');
        if (!(hostDelayMs >= 0)) throw new CliError('--host-delay: milidetik, mis. 1000');
        if (!(timeoutMs > 0)) throw new CliError('--timeout: jumlah detik, mis. 20');
        const config = loadConfig();
        const watch = { hostDelayMs, timeoutMs, allowPrivate: config.intakeWatchAllowPrivate };
        const print = (reports: PollReport[]) => {
          if (o.json) process.stdout.write(`${JSON.stringify(reports)}\n`);
          else for (const r of reports) process.stdout.write(`${reportLine(r)}\n`);
        };
        await withPreparedDatabase(async (db) => {
          if (o.once) {
            const reports = await pollDue(db.db, watch, undefined, WATCH_ACTOR);
            print(reports);
            if (!o.json) process.stdout.write(`Selesai: ${reports.length} sumber diambil.\n`);
            if (reports.some((r) => r.status === 'error')) process.exitCode = 2;
            return;
          }
          const stop = new AbortController();
          process.once('SIGINT', () => stop.abort());
          process.once('SIGTERM', () => stop.abort());
          process.stdout.write(`Memantau sumber berita (tiap ${o.tick} detik; Ctrl+C untuk berhenti)\n`);
          await watchLoop(db.db, watch, {
            tickMs,
            signal: stop.signal,
            onRound: print,
            onError: (err) => process.stderr.write(`prestasi: putaran gagal: ${(err as Error).message}\n`),
          });
        });
      },
    );
}
