// prestasi token create --email E [--name N] — prints the new API token alone on the last line.
import type { Command } from 'commander';
import { createApiToken, findUserByEmail } from '../../auth/users.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';
import { configuredDatabaseUrl, exitTwoOnUsageError, withDatabase } from './migrate.ts';

export function register(program: Command): void {
  const token = program
    .command('token')
    .description(COMMAND_DESCRIPTIONS.token)
    .exitOverride(exitTwoOnUsageError);
  token
    .command('create')
    .description('Buat token API untuk pengguna; token dicetak sendiri di baris terakhir')
    .option('--email <email>', 'email pengguna pemilik token')
    .option('--name <name>', 'nama token, mis. "skrip impor"', 'cli')
    .exitOverride(exitTwoOnUsageError)
    .action(async (o: { email?: string; name: string }) => {
      if (!o.email) throw new CliError('--email is required: the user the token acts as');
      const email = o.email.trim().toLowerCase();
      const name = o.name.trim();
      if (!name || name.length > 100) throw new CliError('--name must be 1 to 100 characters');
      const secret = await withDatabase(configuredDatabaseUrl(), async (db) => {
        const user = await findUserByEmail(db.db, email);
        if (!user) throw new CliError(`no user with email ${email}: create one with \`prestasi user add\``);
        if (user.active !== 1) throw new CliError(`user ${email} is deactivated; reactivate it first`);
        return createApiToken(db.db, user.id, name);
      });
      process.stdout.write(
        `Token API untuk ${email} ("${name}"). Simpan sekarang: token hanya ditampilkan sekali.\n` +
          'Pakai sebagai header: Authorization: Bearer <token>\n' +
          `${secret}\n`,
      );
    });
}
