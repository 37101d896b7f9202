import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  renameSync,
  rmSync,
  type WriteStream,
} from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

// A file written a batch at a time, never whole in memory (issue 11): the exports write their
// bytes here on the worker thread and the server streams the file to the client; the showcase's
// open-data downloads keep theirs per data generation (http/pages/showcase/open-files.ts).

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

/**
 * Writes `dir/NAME.RANDOM` through `write` (to `.part` first, renamed when complete, so a reader
 * never sees half a file). On failure nothing is left behind.
 */
export async function writeFileInBatches(dir: string, name: string, write: FileWriter): Promise<WrittenFile> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.${randomBytes(6).toString('hex')}`);
  const scratchPath = `${path}.scratch`;
  const hash = createHash('sha1');
  let bytes = 0;
  const out = createWriteStream(`${path}.part`);
  let scratch: WriteStream | null = null;
  try {
    const sink = sinkOf(out, (chunk) => {
      hash.update(chunk);
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    });
    await write({
      out: sink,
      scratch: (chunk) => {
        scratch ??= createWriteStream(scratchPath);
        return sinkOf(scratch)(chunk);
      },
      appendScratch: async () => {
        if (!scratch) return;
        scratch.end();
        await finished(scratch);
        for await (const chunk of createReadStream(scratchPath)) await sink(chunk as Buffer);
      },
    });
    out.end();
    await finished(out);
    renameSync(`${path}.part`, path);
    return { path, etag: `"${hash.digest('base64url')}"`, bytes };
  } catch (err) {
    out.destroy();
    rmSync(`${path}.part`, { force: true });
    throw err;
  } finally {
    (scratch as WriteStream | null)?.destroy();
    rmSync(scratchPath, { force: true });
  }
}

function sinkOf(stream: WriteStream, seen?: (chunk: string | Uint8Array) => void): Sink {
  return async (chunk) => {
    seen?.(chunk);
    if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', r));
  };
}
