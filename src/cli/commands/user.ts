// prestasi user add --email E --role R [--region CODE] [--unit ID] [--name N] --password-stdin
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { createUser } from '../../auth/users.ts';
import type { Role } from '../../db/schema.ts';
import { isRegionCode, regionIdOf } from '../../domain/region-code.ts';
import { ROLES } from '../../services/actor.ts';
import { findUnitByName } from '../../services/units.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';
import { configuredDatabaseUrl, exitTwoOnUsageError, withDatabase } from './migrate.ts';

interface AddOptions {
  email?: string;
  role?: string;
  unit?: string;
  name?: string;
  region?: string;
  passwordStdin?: boolean;
}

/** The first line of standard input without its line ending ('' when stdin is empty). */
export function readFirstLine(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input, terminal: false });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line.replace(/\r$/, ''));
    });
    rl.once('close', () => {
      if (!done) resolve('');
    });
    input.once('error', reject);
  });
}

export function register(program: Command): void {
  const user = program
    .command('user')
    .description(COMMAND_DESCRIPTIONS.user)
    .exitOverride(exitTwoOnUsageError);
  user
    .command('add')
    .description('Tambah pengguna; kata sandi dibaca dari stdin (add a user, password from stdin)')
    .option('--email <email>', 'email untuk masuk')
    .option('--role <role>', `peran: ${ROLES.join(', ')}`)
    .option('--unit <id>', 'id unit (wajib untuk operator), atau nama/singkatan unit')
    .option('--name <name>', 'nama tampilan')
    .option(
      '--region <code>',
      'kode wilayah pengguna, mis. 36.03 (bawaan: wilayah unitnya, atau wilayah pertama)',
    )
    .option('--password-stdin', 'baca kata sandi dari baris pertama stdin')
    .exitOverride(exitTwoOnUsageError)
    .action(async (o: AddOptions) => {
      if (!o.email) throw new CliError('--email is required, e.g. --email operator@tangerangkota.go.id');
      if (!o.role || !ROLES.includes(o.role as Role))
        throw new CliError(`--role must be one of ${ROLES.join(', ')}${o.role ? ` (got "${o.role}")` : ''}`);
      if (o.role === 'operator' && !o.unit)
        throw new CliError(
          'an operator works for one unit: give --unit ID (see the unit list in the admin pages)',
        );
      if (o.region !== undefined && !isRegionCode(o.region))
        throw new CliError(`--region takes a Kemendagri code such as 36.71 or 36 (got "${o.region}")`);
      if (!o.passwordStdin)
        throw new CliError(
          'give --password-stdin and pipe the password, e.g. printf "%s\\n" "$PASSWORD" | prestasi user add ... --password-stdin',
        );
      const password = await readFirstLine();
      if (!password) throw new CliError('no password on stdin: pipe it in as the first line');

      const created = await withDatabase(configuredDatabaseUrl(), async (db) => {
        let unitId: number | null = null;
        if (o.unit) {
          if (/^\d+$/.test(o.unit)) unitId = Number(o.unit);
          else {
            const unit = await findUnitByName(db.db, o.unit);
            if (!unit) throw new CliError(`no unit named "${o.unit}": give its id or exact name`);
            unitId = unit.id;
          }
        }
        return createUser(db.db, {
          email: o.email!,
          name: o.name,
          role: o.role as Role,
          unitId,
          password,
          regionId: o.region ? regionIdOf(o.region) : null,
        });
      });
      process.stdout.write(
        `Pengguna ${created.email} (${created.role}${created.unit_id ? `, unit ${created.unit_id}` : ''}) dibuat, id ${created.id}.\n`,
      );
    });
}
