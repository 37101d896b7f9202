// Where the ahead-of-time build of src/ lives and how to tell whether it is current.
// `npm install` runs scripts/build.js (the `prepare` script), which compiles src/ into build/
// (git-ignored) and writes build/.stamp; bin/prestasi.js runs build/ when the stamp
// matches src/ as it is now, and src/ through tsx otherwise — so an edit is never served stale.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SRC_DIR = join(ROOT, 'src');
export const BUILD_DIR = join(ROOT, 'build');
export const STAMP = join(BUILD_DIR, '.stamp');
/** Output name (build/NAME.js) → source file under src/. */
export const ENTRY_POINTS = { cli: 'cli/index.ts', 'export-worker': 'services/exports/worker.ts' };

/** Every file under src/ with the newest modification time: what the stamp records. */
export function sourceState() {
  let files = 0;
  let newest = 0;
  for (const entry of readdirSync(SRC_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    const mtime = statSync(join(entry.parentPath, entry.name)).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  // package.json and tsconfig.json change how src/ compiles (dependencies, JSX settings).
  for (const name of ['package.json', 'tsconfig.json']) {
    const mtime = statSync(join(ROOT, name)).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return { files, newest };
}

/** True when build/ was made from src/ exactly as it is now. */
export function buildIsFresh() {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    const now = sourceState();
    return stamp.files === now.files && stamp.newest === now.newest;
  } catch {
    return false; // no build (or an unreadable stamp): run the sources
  }
}
