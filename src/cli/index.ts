import { Command } from 'commander';
import { runCommand } from './run.ts';

// The `prestasi` command. Each command lives in ./commands/<name>.ts and exports
// register(program); add one line below for a new command. Only the command being run is
// loaded (all of them for help), so a start is quick and one command's imports cannot
// break another.
const COMMANDS: Record<string, () => Promise<{ register(program: Command): void }>> = {
  serve: () => import('./commands/serve.ts'),
  demo: () => import('./commands/demo.ts'),
  migrate: () => import('./commands/migrate.ts'),
  user: () => import('./commands/user.ts'),
  token: () => import('./commands/token.ts'),
  backup: () => import('./commands/backup.ts'),
  grade: () => import('./commands/grade.ts'),
  recap: () => import('./commands/recap.ts'),
  import: () => import('./commands/import.ts'),
  export: () => import('./commands/export.ts'),
  report: () => import('./commands/report.ts'),
  extract: () => import('./commands/extract.ts'),
  ingest: () => import('./commands/ingest.ts'),
  findings: () => import('./commands/findings.ts'),
  intake: () => import('./commands/intake.ts'),
};

const program = new Command()
  .name('prestasi')
  .description('Prestasi — satu catatan penghargaan pemerintah daerah yang terverifikasi')
  .showHelpAfterError();

const requested = process.argv[2];
const names = requested && requested in COMMANDS ? [requested] : Object.keys(COMMANDS);
for (const name of names) (await COMMANDS[name]()).register(program);

await runCommand(() => program.parseAsync(process.argv));
