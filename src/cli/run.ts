import type { Locale } from '../domain/i18n.ts';
import { AppError } from '../services/errors.ts';

/**
 * Runs a CLI action and turns the errors a user can cause into a message and exit code 2,
 * never a stack trace. Unexpected errors still print their stack (exit 1): those are bugs.
 */
export async function runCommand(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (err) {
    if (err instanceof AppError || err instanceof CliError) {
      process.stderr.write(`prestasi: ${err.message}\n`);
      if (err instanceof AppError)
        for (const d of err.details)
          process.stderr.write(`  - ${d.field ? `${d.field}: ` : ''}${d.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

/** A usage error with a message that says how to fix it. */
export class CliError extends Error {}

/** --lang id|en, as every command that takes it reads it (default id); any other value is a usage error. */
export function cliLang(value: string | undefined): Locale {
  if (value === undefined || value === 'id' || value === 'en') return value ?? 'id';
  throw new CliError(`--lang "${value}": pilih id atau en (choose id or en)`);
}
