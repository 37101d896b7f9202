// prestasi region add --code 36.03 [--founded YYYY-MM-DD]; prestasi region list
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../services/actor.ts';
import { addRegionFromGazetteer } from '../../services/regions.ts';
import { listRegions } from '../../services/units.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';
import { configuredDatabaseUrl, exitTwoOnUsageError, withDatabase } from './migrate.ts';

export function register(program: Command): void {
  const region = program
    .command('region')
    .description(COMMAND_DESCRIPTIONS.region)
    .exitOverride(exitTwoOnUsageError);
  region
    .command('add')
    .description('Tambah wilayah (pemda) dari daftar Kemendagri (add a region from the national gazetteer)')
    .option('--code <code>', 'kode Kemendagri, mis. 36.71 (Kota Tangerang) atau 36.03 (Kabupaten Tangerang)')
    .option('--founded <date>', 'tanggal berdiri YYYY-MM-DD, bila diketahui')
    .exitOverride(exitTwoOnUsageError)
    .action(async (o: { code?: string; founded?: string }) => {
      if (!o.code) throw new CliError('--code is required, e.g. --code 36.03 (Kabupaten Tangerang)');
      const added = await withDatabase(configuredDatabaseUrl(), (db) =>
        addRegionFromGazetteer(db.db, SYSTEM_ACTOR, o.code!, o.founded ?? null),
      );
      process.stdout.write(
        `Wilayah ${added.code} ${added.name} ditambahkan. Admin pertamanya: prestasi user add --region ${added.code} --role admin --email ... --password-stdin\n`,
      );
    });
  region
    .command('list')
    .description('Daftar wilayah di database ini (list the regions)')
    .exitOverride(exitTwoOnUsageError)
    .action(async () => {
      const rows = await withDatabase(configuredDatabaseUrl(), (db) => listRegions(db.db));
      for (const r of rows) process.stdout.write(`${r.code}\t${r.name}\n`);
    });
}
