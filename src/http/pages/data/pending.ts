import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../services/errors.ts';

// Between the dry run and the confirmation the uploaded file waits on disk, so the user does
// not upload it twice. It is bound to the user who uploaded it and dropped after an hour.

const TOKEN = /^[a-f0-9]{32}$/;
const MAX_AGE_MS = 3600_000;

interface Meta {
  userId: number | null;
  fileName: string;
  verified: boolean;
}

const dirOf = (uploadDir: string) => join(uploadDir, '.imports');

export function keepPending(uploadDir: string, meta: Meta, bytes: Uint8Array): string {
  const dir = dirOf(uploadDir);
  mkdirSync(dir, { recursive: true });
  sweep(dir);
  const token = randomBytes(16).toString('hex');
  writeFileSync(join(dir, `${token}.bin`), bytes);
  writeFileSync(join(dir, `${token}.json`), JSON.stringify(meta));
  return token;
}

export function takePending(
  uploadDir: string,
  token: string,
  userId: number | null,
): Meta & { bytes: Uint8Array } {
  const dir = dirOf(uploadDir);
  const gone = new AppError(
    'conflict',
    'Berkas uji coba sudah kedaluwarsa atau sudah diimpor; unggah berkasnya lagi.',
  );
  if (!TOKEN.test(token) || !existsSync(join(dir, `${token}.json`))) throw gone;
  const meta = JSON.parse(readFileSync(join(dir, `${token}.json`), 'utf8')) as Meta;
  if (meta.userId !== userId) throw gone;
  return { ...meta, bytes: readFileSync(join(dir, `${token}.bin`)) };
}

export function dropPending(uploadDir: string, token: string): void {
  if (!TOKEN.test(token)) return;
  for (const ext of ['bin', 'json']) rmSync(join(dirOf(uploadDir), `${token}.${ext}`), { force: true });
}

function sweep(dir: string): void {
  const now = Date.now();
  for (const name of readdirSafe(dir)) {
    const path = join(dir, name);
    if (now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { force: true });
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
