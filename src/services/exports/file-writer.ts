import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  renameSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

// A file written a batch at a time, never whole in memory (issue 11): the exports write their
// bytes here on the worker thread and the server streams the file to the client; the showcase's
// open-data downloads keep theirs per data generation (http/pages/showcase/open-files.ts); the
// CLI writes its --out file or stdout the same way (cli/commands/export.ts).

/** Where the bytes go while a file is written: returns when the stream can take more. */
export type Sink = (chunk: string | Uint8Array) => Promise<void>;

/**
 * Writes a file's content: `out` takes the bytes in order. A format whose head depends on the
 * rows (the JSON's metadata states their count) writes the rows to `scratch` first, then its
 * head to `out` and the scratch after it (`appendScratch`).
 */
export type FileWriter = (io: {
  out: Sink;
  scratch: Sink;
  appendScratch: () => Promise<void>;
}) => Promise<void>;

export interface WrittenFile {
  path: string;
  /** The SHA-1 of the bytes, as an HTTP entity tag. */
  etag: string;
  bytes: number;
}

/** Writes `dir/NAME.RANDOM` through `write` (see writeFileAt); on failure nothing is left behind. */
export async function writeFileInBatches(dir: string, name: string, write: FileWriter): Promise<WrittenFile> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.${randomBytes(6).toString('hex')}`);
  return { path, ...(await writeFileAt(path, write)) };
}

/**
 * Writes `path` through `write`: to `PATH.RANDOM.part` beside it first, renamed to `path` when
 * complete, so a reader never sees half a file and a failure leaves nothing (an earlier file at
 * `path` stays as it was).
 */
export async function writeFileAt(path: string, write: FileWriter): Promise<Omit<WrittenFile, 'path'>> {
  const part = `${path}.${randomBytes(4).toString('hex')}.part`;
  const hash = createHash('sha1');
  let bytes = 0;
  const out = createWriteStream(part);
  try {
    await writeToStream(out, `${part}.scratch`, write, (chunk) => {
      hash.update(chunk);
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    });
    out.end();
    await finished(out);
    renameSync(part, path);
    return { etag: `"${hash.digest('base64url')}"`, bytes };
  } catch (err) {
    out.destroy();
    rmSync(part, { force: true });
    throw err;
  }
}

/**
 * Writes through `write` to a stream as the bytes come (the CLI's stdout; writeFileAt's file),
 * with the scratch, if the format needs one, at `scratchPath` (removed after). Does not end
 * the stream.
 */
export async function writeToStream(
  stream: Writable,
  scratchPath: string,
  write: FileWriter,
  seen?: (chunk: string | Uint8Array) => void,
): Promise<void> {
  let scratch: WriteStream | null = null;
  let toScratch: Sink | null = null;
  try {
    const out = sinkOf(stream, seen);
    await write({
      out,
      scratch: (chunk) => {
        if (!scratch) {
          scratch = createWriteStream(scratchPath);
          toScratch = sinkOf(scratch);
        }
        return toScratch!(chunk);
      },
      appendScratch: async () => {
        if (!scratch) return;
        scratch.end();
        await finished(scratch);
        for await (const chunk of createReadStream(scratchPath)) await out(chunk as Buffer);
      },
    });
  } finally {
    (scratch as WriteStream | null)?.destroy();
    rmSync(scratchPath, { force: true });
  }
}

/** A sink that waits while the stream is full and fails once the stream has (never waits forever). */
function sinkOf(stream: Writable, seen?: (chunk: string | Uint8Array) => void): Sink {
  stream.on('error', () => {}); // seen through stream.errored: an unheard error would crash the process
  return async (chunk) => {
    if (stream.errored) throw stream.errored;
    seen?.(chunk);
    // once() rejects if the stream fails while we wait (an unwritable path, a closed pipe).
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}
