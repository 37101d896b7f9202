import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Pages, API routers and CLI commands call services; only services (and db, auth) build
// queries. Import direction is checked by the linter (biome.json overrides); a query built
// through `c.get('deps').db` needs no import, so it is checked here by reading the source.
const root = join(import.meta.dirname, '..', '..');
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/;

// Files that still query directly: none left. Keep it empty; a file that must query belongs
// in a service.
const NOT_YET_MOVED = new Set<string>([]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('layers', () => {
  const querying = ['src/http', 'src/cli']
    .flatMap((d) => sources(join(root, d)))
    .filter((f) => QUERY.test(readFileSync(f, 'utf8')))
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort();

  it('pages, routers and commands do not query the database themselves', () => {
    expect(querying.filter((f) => !NOT_YET_MOVED.has(f))).toEqual([]);
  });

  it('the list of files not yet moved only shrinks', () => {
    expect([...NOT_YET_MOVED].filter((f) => !querying.includes(f))).toEqual([]);
  });
});
