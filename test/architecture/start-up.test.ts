import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

// `prestasi serve` answers /healthz after loading only what it needs to listen: the CLI, the
// database with its migrations, and the app's middleware (src/http/shell.ts). The routers, the
// pages and what they use (zod, zod-openapi, the exports and imports) are imported after it
// listens (src/http/server.ts), and `prestasi --help` loads no command at all. A static import
// that pulls one of them back into start-up fails here; the time itself is measured by
// `npm run bench -- startup`, not by a test.
const root = join(import.meta.dirname, '..', '..');

/** Source files and packages reached by static imports from `entry` (dynamic imports not followed). */
async function loadedAtStart(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const { metafile } = await build({
    entryPoints: [join(root, entry)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'unused',
    logLevel: 'silent',
  });
  const inputs: Metafile['inputs'] = metafile.inputs;
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const i of inputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement') continue;
      if (!i.external) walk(i.path);
      else if (!i.path.startsWith('node:'))
        packages.add(
          i.path.startsWith('@') ? i.path.split('/').slice(0, 2).join('/') : i.path.split('/')[0]!,
        );
    }
  };
  walk(entry);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

describe('start-up', () => {
  it('serve loads no router, page or heavy library before it listens', async () => {
    const { files, packages } = await loadedAtStart('src/cli/commands/serve.ts');
    expect(files).toContain('src/http/shell.ts');
    // The direct path (server.ts) keeps the page cache's answers: that file only.
    expect(
      files.filter(
        (f) =>
          f === 'src/http/app.ts' ||
          f.startsWith('src/http/api/') ||
          (f.startsWith('src/http/pages/') && f !== 'src/http/pages/showcase/cache.ts') ||
          /^src\/services\/(exports|imports|intake|recap)\//.test(f) ||
          f.startsWith('src/extract/'),
      ),
    ).toEqual([]);
    // Every package it loads; a new one here is a decision about start-up time (src/lazy.ts
    // loads a heavy one on first use). zod is not among them: errors.ts tests zod's error trait.
    expect(packages).toEqual(['@hono/node-server', 'hono', 'kysely', 'pino']);
  }, 30_000);

  it('--help loads no command', async () => {
    const { files, packages } = await loadedAtStart('src/cli/index.ts');
    expect(files.filter((f) => f.startsWith('src/cli/commands/'))).toEqual([]);
    expect(packages).toEqual(['commander']);
  }, 30_000);
});
