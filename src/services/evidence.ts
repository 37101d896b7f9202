import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Insertable, Kysely } from 'kysely';
import { z } from 'zod';
import { nowIso } from '../db/now.ts';
import type { AwardRow, Database, EvidenceRow, EvidenceTable } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { formatDateTime, formatMegabytes } from '../domain/format.ts';
import { assertCanEditFor, assertOwnRegion } from './access.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { type Evidence, toEvidence } from './awards/model.ts';
import { getAward } from './awards/read.ts';
import { AppError, conflict, invalid, notFound } from './errors.ts';
import { noNul } from './safe-text.ts';
import { webUrlSchema } from './safe-url.ts';

// Evidence of an award: uploaded files (scans, photos, PDFs) and links. Files are judged by
// their bytes, never their name, and stored once per content under uploadDir/<sha[0:2]>/<sha>.

export const ALLOWED_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

export const linkEvidenceSchema = z
  .object({
    url: webUrlSchema(),
    caption: z
      .string()
      .trim()
      .max(500, 'Keterangan paling banyak 500 karakter')
      .refine(...noNul)
      .nullish(),
  })
  .strict();

export interface UploadStore {
  uploadDir: string;
  maxUploadBytes: number;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** How a refusal to change an award's evidence is worded where it is asked (a file, a news report). */
export interface FrozenEvidenceWords {
  verified: string;
  submitted: string;
}

const FILE_WORDS: FrozenEvidenceWords = {
  verified:
    'Penghargaan sudah terverifikasi: buktinya tidak bisa diubah. Minta verifikator membukanya kembali (reopen).',
  submitted:
    'Penghargaan sedang menunggu verifikasi: buktinya dibekukan sampai diputuskan. Bila perlu diubah, minta verifikator mengembalikannya.',
};

/**
 * Loads the award and checks that this actor may change its evidence now: it exists, is in the
 * actor's scope, and is neither verified nor under review. The one rule for files, links and
 * the news intake's articles.
 */
export async function editableAward(
  trx: Kysely<Database>,
  actor: Actor,
  awardId: number,
  say: FrozenEvidenceWords = FILE_WORDS,
): Promise<AwardRow> {
  const award = await trx.selectFrom('awards').selectAll().where('id', '=', awardId).executeTakeFirst();
  if (!award) throw notFound('Penghargaan', awardId);
  assertOwnRegion(actor, award.region_id);
  assertCanEditFor(actor, award.unit_path);
  if (award.state === 'verified') throw conflict(say.verified);
  // The verifier decides on what was submitted: the evidence may not change under their eyes.
  if (award.state === 'submitted') throw conflict(say.submitted);
  return award;
}

export async function addFileEvidence(
  db: Kysely<Database>,
  actor: Actor,
  store: UploadStore,
  awardId: number,
  file: UploadedFile,
  caption: string | null,
): Promise<Evidence> {
  // Rights first, so that nobody learns anything about a file they may not attach.
  await editableAward(db, actor, awardId);
  if (file.bytes.byteLength === 0) throw invalid([{ field: 'file', message: 'Berkas kosong (0 byte)' }]);
  if (file.bytes.byteLength > store.maxUploadBytes)
    throw new AppError(
      'payload_too_large',
      `Berkas ${formatMegabytes(file.bytes.byteLength)} MB melebihi batas ${formatMegabytes(store.maxUploadBytes)} MB; perkecil atau pindai ulang dengan resolusi lebih rendah.`,
    );
  const detected = await (await import('file-type')).fileTypeFromBuffer(file.bytes);
  if (!detected || !(ALLOWED_MEDIA_TYPES as readonly string[]).includes(detected.mime))
    throw new AppError(
      'unsupported_media_type',
      `Isi berkas terdeteksi sebagai ${detected ? `${detected.mime} (.${detected.ext})` : 'tidak dikenal (mis. teks biasa)'}, bukan jenis yang diterima. Unggah PDF, PNG, JPEG atau WEBP.`,
      [
        {
          field: 'file',
          message: 'Jenis berkas tidak diterima: unggah PDF, PNG, JPEG atau WEBP.',
          detected: detected?.mime ?? null,
          allowed: ALLOWED_MEDIA_TYPES,
        },
      ],
    );
  const sha = createHash('sha256').update(file.bytes).digest('hex');
  // The same content twice on one award is a slip (same scan under another name), not evidence.
  const same = await db
    .selectFrom('evidence')
    .select(['file_name', 'created_at'])
    .where('award_id', '=', awardId)
    .where('sha256', '=', sha)
    .executeTakeFirst();
  if (same)
    throw conflict(
      `Berkas ini sudah dilampirkan sebagai "${same.file_name ?? 'berkas'}" (${formatDateTime(same.created_at, 'id')}): isinya sama persis (sidik SHA-256 sama), jadi tidak diunggah lagi. Pilih berkas lain bila maksudnya bukti yang berbeda.`,
    );
  const fresh = storeBlob(store.uploadDir, sha, file.bytes);
  try {
    return await insertFileRow(db, actor, awardId, {
      file,
      caption,
      sha,
      mime: detected.mime,
      ext: detected.ext,
    });
  } catch (err) {
    if (fresh) await dropBlobIfUnused(db, store.uploadDir, sha);
    throw err;
  }
}

function insertFileRow(
  db: Kysely<Database>,
  actor: Actor,
  awardId: number,
  f: { file: UploadedFile; caption: string | null; sha: string; mime: string; ext: string },
): Promise<Evidence> {
  return insertEvidence(db, actor, awardId, {
    kind: 'file',
    url: null,
    file_name: safeFileName(f.file.name, f.ext),
    media_type: f.mime,
    size_bytes: f.file.bytes.byteLength,
    sha256: f.sha,
    caption: f.caption,
  });
}

export function addLinkEvidence(
  db: Kysely<Database>,
  actor: Actor,
  awardId: number,
  input: z.output<typeof linkEvidenceSchema>,
): Promise<Evidence> {
  return insertEvidence(db, actor, awardId, {
    kind: 'link',
    url: input.url,
    file_name: null,
    media_type: null,
    size_bytes: null,
    sha256: null,
    caption: input.caption || null,
  });
}

/** One evidence row on an award the actor may still edit, audited in the same transaction. */
function insertEvidence(
  db: Kysely<Database>,
  actor: Actor,
  awardId: number,
  fields: Pick<
    Insertable<EvidenceTable>,
    'kind' | 'url' | 'file_name' | 'media_type' | 'size_bytes' | 'sha256' | 'caption'
  >,
): Promise<Evidence> {
  return inTransaction(db, async (trx) => {
    const award = await editableAward(trx, actor, awardId);
    const row = await trx
      .insertInto('evidence')
      .values({
        region_id: award.region_id,
        award_id: awardId,
        ...fields,
        quote: null,
        article_id: null,
        created_by: actor.id,
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'award',
      entityId: awardId,
      action: 'evidence.add',
      after: row,
      regionId: row.region_id,
    });
    return toEvidence(row);
  });
}

export async function deleteEvidence(
  db: Kysely<Database>,
  actor: Actor,
  store: UploadStore,
  id: number,
): Promise<void> {
  const removed = await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Bukti', id);
    await editableAward(trx, actor, before.award_id);
    await trx.deleteFrom('evidence').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      entityType: 'award',
      entityId: before.award_id,
      action: 'evidence.remove',
      before,
      regionId: before.region_id,
    });
    return before;
  });
  // The same bytes may back other evidence rows; the file goes only with the last of them.
  if (removed.sha256) await dropBlobIfUnused(db, store.uploadDir, removed.sha256);
}

async function dropBlobIfUnused(db: Kysely<Database>, dir: string, sha: string): Promise<void> {
  const still = await db.selectFrom('evidence').select('id').where('sha256', '=', sha).executeTakeFirst();
  if (!still) rmSync(blobPath(dir, sha), { force: true });
}

/** The award an evidence row belongs to, or null when there is no such row. */
export async function awardOfEvidence(db: Kysely<Database>, id: number): Promise<number | null> {
  const row = await db.selectFrom('evidence').select('award_id').where('id', '=', id).executeTakeFirst();
  return row?.award_id ?? null;
}

/** The evidence row and where its bytes are, if the actor may see the award. */
export async function evidenceFile(
  db: Kysely<Database>,
  actor: Actor | null,
  store: UploadStore,
  id: number,
): Promise<{ row: EvidenceRow; path: string }> {
  const row = await db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Bukti', id);
  await getAward(db, actor, row.award_id); // same visibility as the award (404 for the public)
  if (row.kind !== 'file' || !row.sha256) throw notFound('Berkas bukti', id);
  const path = blobPath(store.uploadDir, row.sha256);
  if (!existsSync(path)) throw notFound('Berkas bukti', id);
  return { row, path };
}

export const blobPath = (dir: string, sha: string) => join(dir, sha.slice(0, 2), sha);

/** Writes to a temp file in the same folder, then renames: a reader never sees half a file. */
function storeBlob(dir: string, sha: string, bytes: Uint8Array): boolean {
  const path = blobPath(dir, sha);
  if (existsSync(path)) return false;
  mkdirSync(join(dir, sha.slice(0, 2)), { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
  return true;
}

/** A name safe for headers and file systems; keeps letters, digits, dot, dash, underscore. */
export function safeFileName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._]+/, '')
    .replace(/\.[^.]*$/, '')
    .slice(0, 100);
  return `${base || 'bukti'}.${ext}`;
}
