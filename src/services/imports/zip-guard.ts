import { createInflateRaw } from 'node:zlib';
import { formatMegabytes } from '../../domain/format.ts';
import { AppError } from '../errors.ts';

// An .xlsx is a zip. A small zip can inflate to gigabytes (a "zip bomb"), and its headers can
// lie about the sizes, so they are not trusted: every entry is inflated here as a stream and
// the bytes that actually come out are counted, stopping at a hard cap per entry and in total.
// Memory stays at one chunk whatever the file claims. The parts the import reads (the first
// sheet, the shared strings) are handed to it chunk by chunk on the way (`watches`), so the
// workbook is inflated once, and nothing is read from a part before it is counted.
//
// The entries are walked through their local headers front to back, the way a streaming
// reader would, so the local headers and the central directory must agree: same entries, same
// order, same method and size, nothing hidden between or overlapping them.

export interface InflateLimits {
  /** Inflated bytes allowed for the whole workbook. */
  maxTotalBytes: number;
  /** Inflated bytes allowed for one entry (one sheet, the shared strings …). */
  maxEntryBytes: number;
  maxEntries: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** A data descriptor (optional signature, crc, two sizes) may follow an entry's data. */
const MAX_DESCRIPTOR = 16;

const broken = (why: string) =>
  new AppError(
    'unsupported_media_type',
    `Berkas .xlsx rusak atau tidak wajar (${why}); buka di Excel lalu simpan ulang sebagai .xlsx.`,
  );

const tooBig = (limits: InflateLimits, name: string | null) =>
  new AppError(
    'payload_too_large',
    name
      ? `Isi berkas .xlsx terlalu besar setelah dibuka: bagian "${name.slice(0, 60)}" melebihi ${formatMegabytes(limits.maxEntryBytes, 0)} MB. Pecah menjadi beberapa berkas atau hapus lembar/gambar yang tidak perlu.`
      : `Isi berkas .xlsx terlalu besar setelah dibuka (lebih dari ${formatMegabytes(limits.maxTotalBytes, 0)} MB). Pecah menjadi beberapa berkas atau hapus lembar/gambar yang tidak perlu.`,
  );

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

/** Sees the inflated bytes of one entry as they pass (the first whose name fits). */
export interface EntryWatch {
  entry: RegExp;
  onChunk: (chunk: Buffer) => void;
  /** After the entry's last chunk (not called when the check stops inside it). */
  onEnd?: () => void;
}

/** Throws 413 when the zip inflates past the limits, 415 when its structure is not sound. */
export async function checkZipInflation(
  buf: Uint8Array,
  limits: InflateLimits,
  watches: EntryWatch[] = [],
): Promise<void> {
  const waiting = [...watches];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const entries = readCentralDirectory(buf, limits);

  let total = 0;
  let expectedAt = 0; // where the next local header must start
  for (const e of entries) {
    if (e.localOffset < expectedAt || e.localOffset > expectedAt + (expectedAt ? MAX_DESCRIPTOR : 0))
      throw broken('entri tumpang-tindih atau ada data tersembunyi');
    if (e.localOffset + 30 > buf.length || u32(e.localOffset) !== LOCAL) throw broken('header lokal hilang');
    const localFlags = u16(e.localOffset + 6);
    const localMethod = u16(e.localOffset + 8);
    const localCompressed = u32(e.localOffset + 18);
    if (localMethod !== e.method || (localFlags & 1) !== (e.flags & 1))
      throw broken('header lokal dan direktori tidak sama');
    if ((localFlags & 8) === 0 && localCompressed !== e.compressedSize)
      throw broken('ukuran di header lokal dan direktori tidak sama');
    const start = e.localOffset + 30 + u16(e.localOffset + 26) + u16(e.localOffset + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) throw broken('data terpotong');
    expectedAt = end;

    const budget = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    const w = waiting.findIndex((x) => x.entry.test(e.name));
    const watch = w === -1 ? undefined : waiting.splice(w, 1)[0];
    const data = buf.subarray(start, end);
    if (e.method === 0 && e.compressedSize <= budget)
      watch?.onChunk(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    const inflated = e.method === 0 ? e.compressedSize : await countInflated(data, budget, watch?.onChunk);
    if (inflated > budget) throw tooBig(limits, budget === limits.maxEntryBytes ? e.name : null);
    watch?.onEnd?.();
    total += inflated;
  }
  const directoryAt = entries.length ? centralOffset(buf) : 0;
  if (directoryAt < expectedAt || directoryAt > expectedAt + (expectedAt ? MAX_DESCRIPTOR : 0))
    throw broken('ada data tersembunyi sebelum direktori');
}

function centralOffset(buf: Uint8Array): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  return view.getUint32(findEnd(buf) + 16, true);
}

function findEnd(buf: Uint8Array): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (view.getUint32(i, true) === END) return i;
  throw broken('akhir direktori zip tidak ditemukan');
}

function readCentralDirectory(buf: Uint8Array, limits: InflateLimits): Entry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const eocd = findEnd(buf);
  const count = view.getUint16(eocd + 10, true);
  // ZIP64 (0xFFFF entries, 0xFFFFFFFF offsets) is for archives far beyond any allowed upload.
  if (count === 0xffff || view.getUint32(eocd + 16, true) === 0xffffffff) throw broken('format ZIP64');
  if (count > limits.maxEntries) throw broken(`lebih dari ${limits.maxEntries} bagian`);
  const entries: Entry[] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || view.getUint32(at, true) !== CENTRAL) throw broken('direktori zip rusak');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const nameLength = view.getUint16(at + 28, true);
    if (flags & 1) throw broken('berkas terenkripsi; simpan tanpa kata sandi');
    if (method !== 0 && method !== 8) throw broken(`metode kompresi ${method} tidak dikenal`);
    // Stored data with a trailing descriptor cannot be found by a streaming reader.
    if (method === 0 && flags & 8) throw broken('entri tanpa ukuran');
    entries.push({
      name: new TextDecoder().decode(buf.subarray(at + 46, at + 46 + nameLength)),
      method,
      flags,
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  // Local headers are read front to back, so that is the order to check them in.
  return entries.sort((a, b) => a.localOffset - b.localOffset);
}

/** Inflates as a stream, counting; stops as soon as the count passes `budget`. */
async function countInflated(
  data: Uint8Array,
  budget: number,
  onChunk?: (chunk: Buffer) => void,
): Promise<number> {
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  let n = 0;
  try {
    inflate.end(data);
    for await (const chunk of inflate) {
      n += (chunk as Buffer).length;
      if (n > budget) break;
      onChunk?.(chunk as Buffer);
    }
  } catch (err) {
    // A reader watching the entry may stop it with its own answer (too many rows, say).
    if (err instanceof AppError) throw err;
    throw broken('data terkompresi rusak');
  } finally {
    inflate.destroy();
  }
  return n;
}
