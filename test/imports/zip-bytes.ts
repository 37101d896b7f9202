import { createDeflateRaw } from 'node:zlib';

// Builds zip archives byte by byte, so a test can make the headers say whatever a hostile
// file would: sizes that lie, entries that overlap, local headers that disagree with the
// central directory.

export interface ZipEntry {
  name: string;
  /** The bytes stored in the archive (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers claim. */
  claimedSize: number;
  /** Compressed size written in the local header (default: the real one). */
  localCompressedSize?: number;
}

export interface ZipOptions {
  /** Extra central-directory records pointing at the local entry with this index. */
  repeatEntry?: { index: number; times: number };
}

/** Deflates `bytes` zero bytes as a stream: a few hundred KB for hundreds of MB. */
export async function deflatedZeros(bytes: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= zeros.length) {
    const ok = deflate.write(left >= zeros.length ? zeros : zeros.subarray(0, left));
    if (!ok) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

export function zipOf(entries: ZipEntry[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0, 14); // crc: readers that check it fail later than the size guard
    local.writeUInt32LE(e.localCompressedSize ?? e.data.length, 18);
    local.writeUInt32LE(e.claimedSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(e.data));
    offsets.push(offset);
    offset += 30 + name.length + e.data.length;
  }
  const central = (e: ZipEntry, at: number) => {
    const name = Buffer.from(e.name, 'utf8');
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.claimedSize, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(at, 42);
    return Buffer.concat([c, name]);
  };
  entries.forEach((e, i) => {
    centrals.push(central(e, offsets[i]));
  });
  const repeat = options.repeatEntry;
  if (repeat)
    for (let n = 0; n < repeat.times; n++)
      centrals.push(
        central({ ...entries[repeat.index], name: `xl/media/copy${n}.bin` }, offsets[repeat.index]),
      );
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
