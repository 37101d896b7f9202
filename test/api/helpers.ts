import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import type { AwardState } from '../../src/db/schema.ts';
import { sampleAward, type TestApp } from '../support/app.ts';

// Small helpers shared by the API tests: real file bytes of each kind, multipart bodies,
// and awards brought into a given workflow state.

/**
 * A private upload folder per test app. (createTestApp derives one from the SQLite path; on
 * PostgreSQL that gives a relative "postgres:/…" folder in the working directory.)
 */
export const freshUploadDir = () => mkdtempSync(join(tmpdir(), 'prestasi-uploads-'));

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid 1×1 PNG; `seed` changes the pixel so that files differ in content. */
export function pngBytes(seed = 0): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const pixel = Buffer.from([0, seed & 255, (seed >> 8) & 255, 7]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixel)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const pdfBytes = (text = 'Piagam'): Buffer =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

export const jpegBytes = (): Buffer =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
    Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'),
    Buffer.alloc(64),
    Buffer.from([0xff, 0xd9]),
  ]);

export function webpBytes(): Buffer {
  const vp8 = Buffer.concat([Buffer.from('VP8 '), Buffer.from([10, 0, 0, 0]), Buffer.alloc(10)]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(4 + vp8.length, 0);
  return Buffer.concat([Buffer.from('RIFF'), size, Buffer.from('WEBP'), vp8]);
}

/** A multipart body with `file` (and optional caption), the way a browser form sends it. */
export function uploadForm(
  bytes: Uint8Array,
  name: string,
  type = 'application/octet-stream',
  caption?: string,
) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name, { type }));
  if (caption) form.append('caption', caption);
  return form;
}

/** Creates an award for `unitId` as admin and walks it to `state`. */
export async function awardInState(
  t: TestApp,
  state: AwardState,
  unitId: number = t.units.dinkes.id,
  over: Record<string, unknown> = {},
): Promise<number> {
  const created = await t.call('admin', 'POST', '/api/v1/awards', sampleAward(unitId, over));
  expect(created.status, created.text).toBe(201);
  const id = created.json.id as number;
  if (state === 'draft') return id;
  await t.call('admin', 'POST', `/api/v1/awards/${id}/submit`);
  if (state === 'submitted') return id;
  if (state === 'returned') {
    await t.call('admin', 'POST', `/api/v1/awards/${id}/return`, { reason: 'Lengkapi buktinya' });
    return id;
  }
  // Four eyes: the admin entered it, so the verifikator verifies it.
  const verified = await t.call('verifikator', 'POST', `/api/v1/awards/${id}/verify`);
  expect(verified.json.state).toBe('verified');
  return id;
}
