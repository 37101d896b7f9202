import { Command } from 'commander';
// The `prestasi` command. Each command lives in ./commands/<name>.ts and exports
// register(program); add one import and one line below for a new command.
import * as grade from './commands/grade.ts';
import * as serve from './commands/serve.ts';
import { runCommand } from './run.ts';

const program = new Command()
  .name('prestasi')
  .description('Prestasi — satu catatan penghargaan pemerintah daerah yang terverifikasi')
  .showHelpAfterError();

for (const command of [serve, grade]) command.register(program);

await runCommand(() => program.parseAsync(process.argv));
