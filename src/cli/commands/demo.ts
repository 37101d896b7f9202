// prestasi demo [--port N] [--reset] [--regions 36.71,36.03] — creates the Kota Tangerang demo
// database (with more sample regions when asked) and serves it.
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { describeDatabaseUrl, openDatabase } from '../../db/database.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import type { DemoAccount } from '../../demo/accounts.ts';
import type { DemoSeedResult } from '../../demo/seed.ts';
import { roleLabel } from '../../domain/labels.ts';
import { isRegionCode } from '../../domain/region-code.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';
import { displayUrl, exitTwoOnUsageError } from './migrate.ts';
import { parsePort } from './serve.ts';

export const DEMO_DATABASE_URL = 'sqlite:./data/demo.db';

/** Deletes a SQLite demo database with its WAL files; refuses for PostgreSQL. */
function resetDatabase(url: string): void {
  const { kind, target } = describeDatabaseUrl(url);
  if (kind === 'postgres')
    throw new CliError(
      '--reset only deletes SQLite files. For PostgreSQL drop and recreate the database (dropdb/createdb), then run `prestasi demo` again.',
    );
  const path = resolve(target);
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) rmSync(f);
}

function accountTable(accounts: DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  return accounts
    .map(
      (a) => `  ${a.email.padEnd(width)}  ${a.password.padEnd(24)}  ${roleLabel('id', a.role)} — ${a.name}`,
    )
    .join('\n');
}

export function register(program: Command): void {
  program
    .command('demo')
    .description(COMMAND_DESCRIPTIONS.demo)
    .option('--port <n>', 'port (default: PORT env or 3000)')
    .option('--reset', 'hapus database demo SQLite lalu buat ulang')
    .option(
      '--regions <codes>',
      'wilayah demo, dipisah koma (bawaan: 36.71 Kota Tangerang saja), mis. 36.71,36.03',
    )
    .exitOverride(exitTwoOnUsageError)
    .action(async (o: { port?: string; reset?: boolean; regions?: string }) => {
      const regions = (o.regions ?? '36.71')
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      const bad = regions.find((r) => !isRegionCode(r));
      if (bad)
        throw new CliError(
          `--regions takes Kemendagri codes separated by commas, e.g. 36.71,36.03 (got "${bad}")`,
        );
      const config = loadConfig();
      config.databaseUrl = process.env.DATABASE_URL || DEMO_DATABASE_URL;
      config.port = parsePort(o.port, config.port);
      try {
        describeDatabaseUrl(config.databaseUrl);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      if (o.reset) resetDatabase(config.databaseUrl);

      // Loaded on use: the web app must load its zod extension before the award schemas are
      // built (see the report), and the other commands need neither.
      const { startServer } = await import('../../http/server.ts');
      const { seedDemo } = await import('../../demo/seed.ts');
      const db = openDatabase(config.databaseUrl);
      let result: DemoSeedResult;
      try {
        await prepareDatabase(db.db);
        result = await seedDemo(db.db, {
          uploadDir: config.uploadDir,
          maxUploadBytes: config.maxUploadBytes,
        });
        // Kota Tangerang is always the demo's home; every other code gets a small sample region.
        const { seedSampleRegion } = await import('../../demo/other-region.ts');
        for (const code of regions.filter((r) => r !== '36.71'))
          result.accounts = [...result.accounts, ...(await seedSampleRegion(db.db, code))];
      } catch (err) {
        await db.close();
        throw err;
      }
      const server = await startServer(config, { db });
      const out = process.stdout;
      out.write(`Database demo: ${displayUrl(config.databaseUrl)}\n`);
      out.write(
        result.seeded
          ? `Data demo dibuat: ${result.units} unit, ${result.accounts.length} akun, ${result.awards} penghargaan, ${result.evidence} bukti.\n`
          : 'Data demo sudah ada; tidak ditambah lagi (pakai --reset untuk mulai dari awal).\n',
      );
      if (result.seeded && result.reports === 0)
        out.write(
          'Laporan berita contoh (../shared/seeds) tidak ditemukan: bukti berupa piagam contoh saja.\n',
        );
      out.write(`\nAkun demo (HANYA untuk demo; jangan dipakai di instalasi sungguhan):\n`);
      out.write(`${accountTable(result.accounts)}\n\n`);
      out.write(`Prestasi demo berjalan di http://localhost:${server.port}  (Ctrl+C untuk berhenti)\n`);
      const stop = () => server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
