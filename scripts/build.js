// Ahead-of-time compilation of src/ into build/, run by `npm install` (the `prepare` script) so
// `prestasi` starts without compiling TypeScript and without resolving hundreds of small module
// files (issue 11: kysely alone is ~400 files). The CLI is one entry; each command, being loaded
// by a dynamic import, becomes its own chunk, so a command still loads only itself.
// - Packages on the start-up path (BUNDLED) are bundled in; every other package stays an import
//   (native drivers, pino's worker transports, the heavy libraries src/lazy.ts loads on use).
// - `import.meta.url` in a source file becomes that source file's URL, so paths built from it
//   (static assets, data beside the code) resolve to src/ exactly as when run from source.
// A failed build warns and leaves no stamp; bin/prestasi.js then runs the sources through tsx.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BUILD_DIR, ENTRY_POINTS, SRC_DIR, STAMP, sourceState } from '../bin/compiled.js';

const BUNDLED = [
  'hono',
  '@hono/node-server',
  '@hono/zod-openapi',
  'zod',
  'kysely',
  'commander',
  'csv-stringify',
];
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

try {
  const { build } = await import('esbuild');
  const before = sourceState();
  rmSync(BUILD_DIR, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(ENTRY_POINTS).map(([out, src]) => [out, `${SRC_DIR}/${src}`]),
    ),
    outdir: BUILD_DIR,
    chunkNames: '[name]-[hash]', // beside the entries: every output file is one level down
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS (commander) may call require(); give the ESM output one.
    banner: {
      js: "import { createRequire as __prestasiRequire } from 'node:module'; const require = __prestasiRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'prestasi',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.kind === 'entry-point' || args.path.startsWith('node:')) return undefined;
            // Inside a bundled package everything it needs comes along (it may be nested).
            if (args.importer.includes('/node_modules/')) return undefined;
            return BUNDLED.includes(packageOf(args.path)) ? undefined : { path: args.path, external: true };
          });
          b.onLoad({ filter: /\.tsx?$/ }, (args) => {
            if (!args.path.startsWith(SRC_DIR)) return undefined;
            const source = `../src/${relative(SRC_DIR, args.path)}`;
            const contents = readFileSync(args.path, 'utf8').replaceAll(
              'import.meta.url',
              `new URL(${JSON.stringify(source)}, import.meta.url).href`,
            );
            return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
          });
        },
      },
    ],
  });
  writeFileSync(STAMP, JSON.stringify(before));
  console.log('prestasi: compiled src/ into build/ (node bin/prestasi.js runs it while src/ is unchanged)');
} catch (err) {
  rmSync(STAMP, { force: true });
  console.warn(
    `prestasi: ahead-of-time build failed (${err.message}); the CLI will compile at start instead.`,
  );
}
