import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TENANT_TABLES } from '../../src/db/tenancy.ts';

// Issue 13: the region plugin (src/db/region-scope.ts) rewrites queries the builder makes, not
// raw `sql` text. So raw SQL that reads or writes a tenant table itself (FROM, JOIN, UPDATE,
// INSERT INTO, DELETE FROM, or sql.table('<tenant>')) must carry `region_id` in the same text,
// or say on one of the three lines above it, with `region-scope:`, why it crosses regions on
// purpose. A raw fragment inside a builder query (`sql\`lower(awards.title)\``) names no table
// of its own and is scoped with the query. Migrations, the CLI and the demo are the
// maintenance context (no region) and are not checked.

const root = join(import.meta.dirname, '..', '..');
const CHECKED = ['src/services', 'src/http', 'src/auth', 'src/db'];
const SKIPPED = /^src\/db\/migrations\//;
const MARKER = 'region-scope:';
const tenants = TENANT_TABLES.join('|');
const TABLE_USE = new RegExp(`\\b(from|join|update|into)\\s+"?(${tenants})\\b`, 'i');
const TABLE_CALL = new RegExp(`sql\\.table\\(\\s*['"\`](${tenants})['"\`]`);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The text of the template literal opening at `start` (just after the backtick), `${…}` kept as is. */
function templateAt(src: string, start: number): string {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (depth === 0 && ch === '`') return src.slice(start, i);
    else if (ch === '$' && src[i + 1] === '{') {
      depth++;
      i++;
    } else if (depth > 0 && ch === '}') depth--;
  }
  return src.slice(start);
}

/** Raw SQL in a source that touches a tenant table without region_id or a marker, as `line: text`. */
function unscopedRawSql(src: string): string[] {
  const found: string[] = [];
  const lines = src.split('\n');
  const lineOf = (at: number) => src.slice(0, at).split('\n').length;
  const marked = (line: number) => lines.slice(Math.max(0, line - 4), line).some((l) => l.includes(MARKER));
  const raw = /\bsql(?:<[^`;]*?>)?`|\bsql\.raw\(\s*(['"`])/g;
  for (let m = raw.exec(src); m; m = raw.exec(src)) {
    const start = m.index + m[0].length;
    const quote = m[1];
    const text =
      quote === undefined || quote === '`'
        ? templateAt(src, start)
        : src.slice(start, src.indexOf(quote, start));
    const line = lineOf(m.index);
    if (TABLE_USE.test(text) && !/\bregion_id\b/.test(text) && !marked(line))
      found.push(`${line}: ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
  for (const call of src.matchAll(new RegExp(TABLE_CALL, 'g'))) {
    const line = lineOf(call.index ?? 0);
    if (!marked(line)) found.push(`${line}: ${call[0]}`);
  }
  return found;
}

describe('raw SQL and regions', () => {
  it('no raw SQL in services, HTTP, auth or db reads or writes a tenant table without its region', () => {
    const offending = CHECKED.flatMap((d) => sources(join(root, d)))
      .map((f) => [relative(root, f).split('\\').join('/'), f] as const)
      .filter(([name]) => !SKIPPED.test(name))
      .flatMap(([name, f]) => unscopedRawSql(readFileSync(f, 'utf8')).map((hit) => `${name}:${hit}`));
    expect(offending).toEqual([]);
  });

  it('the check catches what it is meant to catch', () => {
    const q = (s: string) => `const r = await ${s}.execute(db);`;
    expect(unscopedRawSql(q('sql`select max(id) from awards`'))).toHaveLength(1);
    expect(unscopedRawSql(q('sql<{ n: number }>`select count(*) as n\n  from "org_units" u`'))).toHaveLength(
      1,
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, as the check reads it
    expect(unscopedRawSql(q('sql`update awards set title = ${t} where id = ${id}`'))).toHaveLength(1);
    expect(unscopedRawSql(q("sql.raw('delete from evidence')"))).toHaveLength(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, as the check reads it
    expect(unscopedRawSql(q('sql`select 1 from users u join findings f on f.id = ${sql`x`}`'))).toHaveLength(
      1,
    );
    expect(unscopedRawSql("db.selectFrom(sql.table('awards').as('a'))")).toHaveLength(1);
    // Scoped, shared, an expression inside a builder query, or marked: fine.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, as the check reads it
    expect(unscopedRawSql(q('sql`select 1 from awards where region_id = ${r}`'))).toEqual([]);
    expect(unscopedRawSql(q('sql`select count(*) from regions`'))).toEqual([]);
    expect(unscopedRawSql("q.orderBy(sql`coalesce(awards.received_on, '')`, 'desc')")).toEqual([]);
    expect(unscopedRawSql(`// ${MARKER} on purpose\n${q('sql`select 1 from users`')}`)).toEqual([]);
  });
});
