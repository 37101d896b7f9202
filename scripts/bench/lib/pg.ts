import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';

/** The PostgreSQL server the benchmarks use; BENCH_PG_URL overrides it. */
export const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on that server, created when it does not exist yet. */
export async function ensurePgDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!exists.rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * CPU milliseconds so far of each PostgreSQL backend serving database `name`, by process id:
 * read from /proc, so only for a server on this Linux machine (null otherwise). A server's work
 * is not the benchmark's own CPU; counted beside it, CPU per request is a figure the load of
 * other processes moves far less than latency.
 */
export async function backendCpuMs(admin: pg.Client, name: string): Promise<Map<number, number> | null> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
    name,
  ]);
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields 14 and 15 (utime, stime) in clock ticks, 100 a second on Linux; after the
      // command name, which may hold spaces, so counted from its closing parenthesis.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      if (!existsSync('/proc/self/stat')) return null;
      // A backend that ended meanwhile.
    }
  }
  return out;
}

/** The CPU the backends used between two readings (one that started meanwhile: all of its). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}
