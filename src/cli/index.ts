import { Command } from 'commander';
import { COMMAND_DESCRIPTIONS, type CommandName } from './descriptions.ts';
import { runCommand } from './run.ts';

// The `prestasi` command. Each command lives in ./commands/<name>.ts and exports
// register(program); add one line below and its description in descriptions.ts for a new
// command. Only the command being run is loaded; the overall help lists the commands from
// their descriptions without loading any, so a start is quick and one command's imports cannot
// break another.
const COMMANDS: Record<CommandName, () => Promise<{ register(program: Command): void }>> = {
  serve: () => import('./commands/serve.ts'),
  demo: () => import('./commands/demo.ts'),
  migrate: () => import('./commands/migrate.ts'),
  region: () => import('./commands/region.ts'),
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

const isCommand = (x: string | undefined): x is CommandName => x !== undefined && Object.hasOwn(COMMANDS, x);
// `prestasi help serve` shows serve's own help, so serve is loaded for it.
const requested = process.argv[2] === 'help' ? process.argv[3] : process.argv[2];
if (isCommand(requested)) (await COMMANDS[requested]()).register(program);
else
  for (const [name, description] of Object.entries(COMMAND_DESCRIPTIONS))
    program.command(name).description(description);

await runCommand(() => program.parseAsync(process.argv));
