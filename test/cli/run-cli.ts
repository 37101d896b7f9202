import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/prestasi.js ARGS` as a user would, with DATABASE_URL and optional stdin. */
export function prestasi(
  args: string[],
  opts: { databaseUrl?: string; input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/prestasi.js', ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
        LOG_LEVEL: 'silent',
        ...opts.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** A user error: exit 2, a message, and no stack trace. */
export function expectUsageError(r: CliResult, message: RegExp): void {
  if (r.code !== 2 || !message.test(r.stderr) || /\n\s+at /.test(r.stderr))
    throw new Error(
      `expected exit 2 with ${message} and no stack trace, got ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`,
    );
}

export const lastLine = (text: string): string => text.trimEnd().split('\n').pop() ?? '';
