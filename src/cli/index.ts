import { Command } from 'commander';
// The `prestasi` command. Each command lives in ./commands/<name>.ts and exports
// register(program); add one import and one line below for a new command.
import * as backup from './commands/backup.ts';
import * as demo from './commands/demo.ts';
import * as extract from './commands/extract.ts';
import * as findings from './commands/findings.ts';
import * as grade from './commands/grade.ts';
import * as ingest from './commands/ingest.ts';
import * as migrate from './commands/migrate.ts';
import * as recap from './commands/recap.ts';
import * as serve from './commands/serve.ts';
import * as token from './commands/token.ts';
import * as user from './commands/user.ts';
import { runCommand } from './run.ts';

const program = new Command()
  .name('prestasi')
  .description('Prestasi — satu catatan penghargaan pemerintah daerah yang terverifikasi')
  .showHelpAfterError();

for (const command of [serve, grade, migrate, user, token, backup, demo, extract, ingest, findings, recap]) command.register(program);

await runCommand(() => program.parseAsync(process.argv));
