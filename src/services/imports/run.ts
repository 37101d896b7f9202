import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/now.ts';
import type { Database } from '../../db/schema.ts';
import { type Locale, tr } from '../../domain/i18n.ts';
import { roleLabel } from '../../domain/labels.ts';
import { regionCodeOf } from '../../domain/region-code.ts';
import { assertOwnRegion, IMPORT_ROLES } from '../access.ts';
import type { Actor } from '../actor.ts';
import { AppError, forbidden } from '../errors.ts';
import { ImportContext } from './context.ts';
import { findHeaders } from './headers.ts';
import { DEFAULT_LIMITS, type ReadLimits, readSpreadsheet } from './read-file.ts';
import { convertRow, type Problem, type ReadyRow, type RowReading, type TeamMember } from './rows.ts';
import { isTotalRow } from './totals.ts';
import { shown } from './values.ts';
import { existingKeys, writeAwards } from './write.ts';

// An import: read the file, check every row (collecting every problem, not the first), drop
// rows already in the database, then write all the rest in one transaction or nothing.

export interface ImportOptions {
  fileName: string;
  buffer: Uint8Array;
  dryRun?: boolean;
  /** Enter the records as verified (admin and verifikator only). */
  verified?: boolean;
  regionCode?: string | null;
  limits?: ReadLimits;
  /** Called while rows are checked and written: `done` of `total`. */
  onProgress?: (done: number, total: number, phase: 'check' | 'write') => void;
}

export interface ImportReport {
  fileName: string;
  format: 'xlsx' | 'csv';
  dryRun: boolean;
  state: 'draft' | 'verified';
  /** Data rows in the file (header and blank rows not counted). */
  rows: number;
  /** Records written (0 on a dry run or when there are problems). */
  created: number;
  /** Rows that would be written: new and without problems. */
  ready: number;
  skipped: number;
  skippedRows: { row: number; reason: string }[];
  /** The first MAX_LISTED_PROBLEMS problems, in spreadsheet order. */
  problems: Problem[];
  /** Problems found beyond those listed (a response never grows with a hostile file). */
  problemsNotListed: number;
  notes: string[];
  /** How each importable row was read (unit, giver, field, year, grade), up to 1,000 rows. */
  readRows: ({ row: number; title: string } & RowReading)[];
  batchId: number | null;
}

/** A file with more problems than this is listed in part: the first ones show what to fix. */
export const MAX_LISTED_PROBLEMS = 1000;

/**
 * Imports running at once in this process. Each holds its file and its parsed rows in memory
 * (up to ~100 MB for a full 10 MB workbook), so a few at a time keep the server alive; the
 * rest are turned away with 429 and asked to retry, rather than queued without limit.
 */
export const MAX_CONCURRENT_IMPORTS = 2;
let running = 0;

export async function importAwards(
  db: Kysely<Database>,
  actor: Actor,
  options: ImportOptions,
): Promise<ImportReport> {
  // Who may import is answered before whether there is room: a viewer hears 403, never 429.
  if (!IMPORT_ROLES.includes(actor.role))
    throw forbidden(`Peran ${roleLabel('id', actor.role)} tidak boleh mengimpor penghargaan.`);
  if (options.verified === true && actor.role !== 'admin' && actor.role !== 'verifikator')
    throw forbidden('Hanya admin atau verifikator yang boleh mengimpor sebagai terverifikasi (--verified).');
  if (running >= MAX_CONCURRENT_IMPORTS)
    throw new AppError(
      'too_many_requests',
      `Sedang ada ${MAX_CONCURRENT_IMPORTS} impor berjalan di server; tunggu sebentar (sekitar satu menit) lalu unggah lagi. Tidak ada yang tersimpan.`,
    );
  running++;
  try {
    return await runImport(db, actor, options);
  } finally {
    running--;
  }
}

async function runImport(db: Kysely<Database>, actor: Actor, options: ImportOptions): Promise<ImportReport> {
  const verified = options.verified === true;

  const { format, rows } = await readSpreadsheet(
    options.buffer,
    options.fileName,
    options.limits ?? DEFAULT_LIMITS,
  );
  const headers = findHeaders(rows);
  // Rows with nothing in a known column (only a running "No", say) are not awards.
  const known = [...headers.map.byIndex.keys()];
  const dataRows = rows.filter((r) => r.row > headers.headerRow && known.some((i) => r.cells[i] != null));
  const report: ImportReport = {
    fileName: options.fileName,
    format,
    dryRun: options.dryRun === true,
    state: verified ? 'verified' : 'draft',
    rows: dataRows.length,
    created: 0,
    ready: 0,
    skipped: 0,
    skippedRows: [],
    problems: [...headers.problems],
    problemsNotListed: 0,
    notes: [...headers.notes],
    readRows: [],
    batchId: null,
  };
  if (dataRows.length === 0) report.notes.push('Tidak ada baris data di bawah baris judul kolom.');

  const ctx = await ImportContext.load(
    db,
    options.regionCode ?? (actor.regionId !== null ? regionCodeOf(actor.regionId) : null),
  );
  assertOwnRegion(actor, ctx.region.id);
  const ready: { row: ReadyRow; team: TeamMember[] }[] = [];
  const freeGivers = new Map<string, string | null>();
  const firstRowByLooseKey = new Map<string, number>();
  for (let i = 0; i < dataRows.length; i++) {
    const r = dataRows[i];
    if (isTotalRow(r.cells, headers.map)) {
      report.skippedRows.push({ row: r.row, reason: 'baris JUMLAH/TOTAL, bukan penghargaan' });
      continue;
    }
    const result = await convertRow(ctx, actor, headers.map, r.row, r.cells);
    report.problems.push(...result.problems);
    const twin = firstRowByLooseKey.get(result.looseKey);
    if (twin === undefined) firstRowByLooseKey.set(result.looseKey, r.row);
    else if (result.problems.length)
      report.problems.push({
        row: r.row,
        column: null,
        header: null,
        value: null,
        message: `sama dengan baris ${twin} (duplikat): hapus baris ini, perbaiki baris ${twin}`,
      });
    if (result.freeGiver && !freeGivers.has(result.freeGiver.text))
      freeGivers.set(result.freeGiver.text, result.freeGiver.suggestion);
    if (result.ready) {
      ready.push({ row: result.ready, team: result.team });
      if (report.readRows.length < MAX_LISTED_PROBLEMS)
        report.readRows.push({ row: r.row, title: result.ready.values.title, ...result.ready.reading });
    }
    if (i % 500 === 499) options.onProgress?.(i + 1, dataRows.length, 'check');
  }
  options.onProgress?.(dataRows.length, dataRows.length, 'check');
  if (freeGivers.size)
    report.notes.push(
      `Pemberi yang tidak ada di daftar disimpan sebagai teks: ${[...freeGivers]
        .slice(0, 10)
        .map(
          ([text, like]) => `'${shown(text)}'${like ? ` (mirip '${like}'? jika ya, tulis '${like}')` : ''}`,
        )
        .join(', ')}${freeGivers.size > 10 ? ' …' : ''}`,
    );

  // Idempotency: a row whose key is already in the file or in the database is skipped.
  const present = await existingKeys(
    db,
    ctx.region.code,
    ready.map((r) => r.row),
  );
  const firstRowByKey = new Map<string, number>();
  const fresh: typeof ready = [];
  for (const item of ready) {
    const earlier = firstRowByKey.get(item.row.key);
    if (earlier !== undefined) {
      report.skippedRows.push({ row: item.row.row, reason: `sama dengan baris ${earlier}` });
    } else if (present.has(item.row.key)) {
      firstRowByKey.set(item.row.key, item.row.row);
      report.skippedRows.push({ row: item.row.row, reason: 'sudah ada di database' });
    } else {
      firstRowByKey.set(item.row.key, item.row.row);
      fresh.push(item);
    }
  }
  // Read in spreadsheet order: by row, then left to right.
  const columnOrder = (c: string | null) => (c === null ? '' : c.padStart(3, ' '));
  report.problems.sort((a, b) => a.row - b.row || columnOrder(a.column).localeCompare(columnOrder(b.column)));
  if (report.problems.length > MAX_LISTED_PROBLEMS) {
    report.problemsNotListed = report.problems.length - MAX_LISTED_PROBLEMS;
    report.problems.length = MAX_LISTED_PROBLEMS;
    report.notes.push(
      `Hanya ${MAX_LISTED_PROBLEMS} masalah pertama yang ditampilkan; ${report.problemsNotListed} masalah lain menyusul setelah yang ini diperbaiki.`,
    );
  }
  report.skipped = report.skippedRows.length;
  report.ready = fresh.length;
  if (report.dryRun || report.problems.length > 0 || fresh.length === 0) return report;

  const sha256 = createHash('sha256').update(options.buffer).digest('hex');
  try {
    report.batchId = await writeAwards(db, actor, {
      fileName: options.fileName,
      sha256,
      rowsTotal: report.rows,
      skipped: report.skipped,
      state: report.state,
      regionId: ctx.region.id,
      items: fresh,
      now: nowIso(),
      onProgress: (done) => options.onProgress?.(done, fresh.length, 'write'),
    });
  } catch (err) {
    if (/unique|duplicate/i.test(String((err as Error).message)))
      throw new AppError(
        'conflict',
        'Berkas yang sama sedang diimpor bersamaan oleh orang lain; tunggu sebentar lalu ulangi (tidak ada yang tersimpan).',
      );
    throw err;
  }
  report.created = fresh.length;
  return report;
}

/** "Baris 7, kolom D (Pemberi): 'Kemendagr' tidak dikenal — maksud Anda 'Kemendagri'?" */
export function describeProblem(p: Problem, lang: Locale = 'id'): string {
  const where = [tr(lang, `Baris ${p.row}`, `Row ${p.row}`)];
  if (p.column) where.push(`${tr(lang, 'kolom', 'column')} ${p.column}${p.header ? ` (${p.header})` : ''}`);
  else if (p.header) where.push(`${tr(lang, 'kolom', 'column')} ${p.header}`);
  return `${where.join(', ')}: ${p.message}`;
}
