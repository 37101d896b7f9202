import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { describeDatabaseUrl } from '../../db/database.ts';
import { startServer } from '../../http/server.ts';
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
    .description(COMMAND_DESCRIPTIONS['serve'])
    .option('--port <n>', 'port (default: PORT env or 3000)')
    .action(async (opts: { port?: string }) => {
      const config = loadConfig();
      config.port = parsePort(opts.port, config.port);
      const server = await startServer(config);
      const { kind } = describeDatabaseUrl(config.databaseUrl);
      process.stdout.write(`Prestasi berjalan di http://localhost:${server.port} (database: ${kind})\n`);
      const stop = () => server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
