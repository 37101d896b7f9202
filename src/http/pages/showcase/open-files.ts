import { createReadStream, openSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { WrittenFile } from '../../../services/exports/file-writer.ts';
import { type CacheScope, publicVersions } from '../../../services/showcase/version.ts';
import type { AppEnv } from '../../env.ts';
import { CACHE_CONTROL, etagMatches } from './cache.ts';

// Open-data downloads are too large for the page cache at national size (a million awards is
// hundreds of MB of CSV or JSON; the cache keeps no entry over 8 MB), so each is written once
// per generation of its data (its region's, or every region's: services/showcase/version.ts)
// to a file under UPLOAD_DIR/.open-data — on the export worker (services/exports/off-thread.ts),
// a batch of rows at a time, never whole in memory nor on the request thread — and served from there, streamed, with its ETag (the SHA-1 of its bytes, the same tag the page
// cache gives) and 304s. When the data changes the next request writes the new file and the
// old one goes; concurrent requests for a file being written share that one write.

export type OpenFile = WrittenFile;
/** Writes the file as `dir/NAME.RANDOM` (on the export worker) and answers it. */
export type OpenBuilder = (dir: string, name: string) => Promise<OpenFile>;

class OpenFileStore {
  /** name → the file of its data's current generation. */
  readonly files = new Map<string, OpenFile & { generation: number }>();
  readonly inflight = new Map<string, Promise<OpenFile>>();
  /** Files written since start (a request answered from a file writes nothing). */
  builds = 0;
}

const stores = new WeakMap<Kysely<Database>, OpenFileStore>();
const storeFor = (db: Kysely<Database>) => {
  const store = stores.get(db) ?? new OpenFileStore();
  stores.set(db, store);
  return store;
};

/** Files written so far for this database (tests, the benchmark). */
export const openFileStats = (db: Kysely<Database>) => ({ builds: storeFor(db).builds });

const dirOf = (c: Context<AppEnv>) => join(c.get('deps').config.uploadDir, '.open-data');

/**
 * Serves the file `name` ('36.71-penghargaan.csv') of its data's current generation, writing it
 * first when there is none (`build`).
 */
export async function serveOpenFile(
  c: Context<AppEnv>,
  scope: CacheScope,
  name: string,
  type: string,
  build: OpenBuilder,
  headers: Record<string, string> = {},
): Promise<Response> {
  // Kept by the app's database, not the request's: a signed-in request's handle is its own,
  // and a store per request wrote the whole file for every signed-in download and swept the
  // files other requests were about to open (ENOENT, 500; test/security/region-walk).
  const db = c.get('appDb');
  const store = storeFor(db);
  const generation = await publicVersions(db).generation(scope);
  const kept = store.files.get(name);
  if (!kept || kept.generation !== generation) {
    const key = `${name}|${generation}`;
    let pending = store.inflight.get(key);
    if (!pending) {
      store.builds++;
      pending = writeOpenFile(dirOf(c), name, build, () => store.files.get(name)?.path).finally(() =>
        store.inflight.delete(key),
      );
      store.inflight.set(key, pending);
    }
    const built = await pending;
    // Writes of two generations may finish in either order: the newest is kept and served (to
    // this request too), the other file goes. Nothing awaits from here until the file is
    // opened, so no other request can remove it in between.
    const current = store.files.get(name);
    if (!current || current.generation < generation) {
      if (current && current.path !== built.path) remove(current.path);
      store.files.set(name, { ...built, generation });
    } else if (current.path !== built.path) remove(built.path);
  }
  const file = store.files.get(name) as OpenFile;
  const head: Record<string, string> = {
    ETag: file.etag,
    'Cache-Control': CACHE_CONTROL,
    Vary: 'Cookie',
    ...headers,
  };
  if (etagMatches(c.req.header('if-none-match'), file.etag)) return c.body(null, 304, head);
  // Opened now, synchronously: a newer file may replace this one while it streams, and the
  // open descriptor keeps its bytes readable after the name is removed.
  const fd = openSync(file.path, 'r');
  const body = Readable.toWeb(createReadStream(file.path, { fd })) as ReadableStream<Uint8Array>;
  return c.body(body, 200, { ...head, 'Content-Type': type, 'Content-Length': String(file.bytes) });
}

async function writeOpenFile(
  dir: string,
  name: string,
  build: OpenBuilder,
  /** The file the store serves now: a newer generation's when this write finished last. */
  served: () => string | undefined,
): Promise<OpenFile> {
  const file = await build(dir, name);
  // Files of earlier versions (or of an earlier run of the server) of this name go; a file
  // another request is still writing (.part, .scratch) stays, and so does the one served (it
  // goes when serveOpenFile replaces it): an older write finishing after a newer one removed
  // the newer file, and every request answered 500 (ENOENT) until the data changed again.
  const keep = served();
  for (const f of readdirSync(dir)) {
    const path = join(dir, f);
    if (f.startsWith(`${name}.`) && path !== file.path && path !== keep && !/\.(part|scratch)$/.test(f))
      remove(path);
  }
  return file;
}

/**
 * Removes a file off the request thread: unlinking a file of hundreds of MB can take the file
 * system tens of milliseconds, which /healthz would wait for. A reader that has it open keeps
 * its bytes.
 */
function remove(path: string): void {
  rm(path, { force: true }).catch(() => {});
}
