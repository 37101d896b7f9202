import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { describeDatabaseUrl } from '../../db/database.ts';
import { startServer } from '../../http/server.ts';
import { createLogger } from '../../log.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port "${value}" is not a port: use a number from 1 to 65535`);
  return port;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description(COMMAND_DESCRIPTIONS.serve)
    .option('--port <n>', 'port (default: PORT env or 3000)')
    .option('--watch', 'juga pantau sumber berita (atau INTAKE_WATCH=1)')
    .action(async (opts: { port?: string; watch?: boolean }) => {
      const config = loadConfig();
      config.port = parsePort(opts.port, config.port);
      const server = await startServer(config);
      const { kind } = describeDatabaseUrl(config.databaseUrl);
      process.stdout.write(`Prestasi berjalan di http://localhost:${server.port} (database: ${kind})\n`);
      const watching = new AbortController();
      if (opts.watch || config.intakeWatch) {
        const log = createLogger(config.logLevel);
        // Loaded only when watching, so a plain `serve` starts without the feed and HTML readers.
        const { watchLoop } = await import('../../services/intake/watch/loop.ts');
        process.stdout.write('Sumber berita dipantau (tiap menit dicek mana yang sudah waktunya)\n');
        void watchLoop(
          server.db.db,
          { allowPrivate: config.intakeWatchAllowPrivate },
          {
            tickMs: 60_000,
            signal: watching.signal,
            onRound: (reports) => {
              for (const r of reports) log.info(r, 'news source polled');
            },
            onError: (err) => log.error({ err }, 'news source round failed'),
          },
        );
      }
      const stop = () => {
        watching.abort();
        return server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
