// prestasi import FILE [--dry-run] [--verified] [--as EMAIL] [--region CODE] [--json]
// Imports an award spreadsheet (.xlsx or .csv) through the same checks as the API: every
// problem is printed with its row and column, nothing is written unless the whole file is
// clean, and rows already present are skipped. Exit 2 when there are problems.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { describeProblem, type ImportReport, importAwards } from '../../services/imports/run.ts';
import { actorByEmail, withPreparedDatabase } from '../acting.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';
import { exitTwoOnUsageError } from './migrate.ts';

interface ImportOptions {
  dryRun?: boolean;
  verified?: boolean;
  as?: string;
  region?: string;
  json?: boolean;
}

function progressReporter() {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{phase} [{bar}] {value}/{total} baris', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let phase = '';
    return {
      update(done: number, total: number, p: 'check' | 'write') {
        const label = p === 'check' ? 'Memeriksa' : 'Menyimpan';
        if (label !== phase) {
          if (phase) bar.stop();
          bar.start(total, 0, { phase: label });
          phase = label;
        }
        bar.update(done, { phase: label });
      },
      stop: () => phase && bar.stop(),
    };
  }
  // Not a terminal (a log, CI): one plain line per quarter.
  let last = -1;
  return {
    update(done: number, total: number, p: 'check' | 'write') {
      const quarter = Math.floor((done / Math.max(total, 1)) * 4) + (p === 'write' ? 10 : 0);
      if (quarter === last) return;
      last = quarter;
      process.stderr.write(`${p === 'check' ? 'memeriksa' : 'menyimpan'} ${done}/${total} baris\n`);
    },
    stop: () => {},
  };
}

export function printReport(r: ImportReport, out: NodeJS.WritableStream = process.stdout): void {
  const what = r.dryRun ? 'Uji coba (dry run), tidak ada yang disimpan' : 'Impor';
  out.write(`${what}: ${r.fileName} (${r.format}), ${r.rows} baris data.\n`);
  if (r.problems.length) {
    out.write(
      `${r.problems.length + r.problemsNotListed} masalah; tidak ada yang disimpan. Perbaiki lalu ulangi:\n`,
    );
    for (const p of r.problems) out.write(`  ${describeProblem(p)}\n`);
  }
  for (const n of r.notes) out.write(`Catatan: ${n}\n`);
  if (r.skipped) {
    out.write(`${r.skipped} baris dilewati:\n`);
    for (const s of r.skippedRows.slice(0, 20)) out.write(`  Baris ${s.row}: ${s.reason}\n`);
    if (r.skipped > 20) out.write(`  … dan ${r.skipped - 20} lagi\n`);
  }
  if (r.dryRun && r.readRows.length) {
    out.write('Cara baris dibaca (penerima · pemberi · bidang · tanggal · tahun edisi · predikat):\n');
    const from = { column: 'kolom Tahun', title: 'judul', date: 'tanggal' };
    for (const x of r.readRows.slice(0, 50))
      out.write(
        `  Baris ${x.row}: ${[x.unit, x.giver, x.field, x.date].map((v) => v ?? '—').join(' · ')} · ${x.year} (dari ${from[x.yearFrom]}) · ${x.grade ?? '—'}\n`,
      );
    if (r.readRows.length > 50) out.write(`  … dan ${r.readRows.length - 50} lagi (--json untuk semuanya)\n`);
  }
  if (r.dryRun)
    out.write(`${r.ready} baris siap dibuat sebagai ${r.state === 'verified' ? 'terverifikasi' : 'draf'}.\n`);
  else if (!r.problems.length)
    out.write(
      `${r.created} penghargaan dibuat sebagai ${r.state === 'verified' ? 'terverifikasi' : 'draf'}${r.batchId ? ` (batch #${r.batchId})` : ''}.\n`,
    );
}

export function register(program: Command): void {
  program
    .command('import')
    .description(COMMAND_DESCRIPTIONS.import)
    .argument('<file>', 'berkas .xlsx atau .csv (unduh templat: /api/v1/imports/template.xlsx)')
    .option('--dry-run', 'hanya periksa dan laporkan, jangan simpan')
    .option('--verified', 'masukkan sebagai terverifikasi (admin/verifikator)')
    .option('--as <email>', 'bertindak sebagai pengguna ini (peran dan unitnya berlaku)')
    .option('--region <code>', 'kode wilayah Kemendagri (bawaan: wilayah pertama)')
    .option('--json', 'laporan sebagai JSON')
    .exitOverride(exitTwoOnUsageError)
    .action(async (file: string, o: ImportOptions) => {
      const config = loadConfig();
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new CliError(`berkas "${file}" tidak ada atau tidak bisa dibaca`);
      }
      if (size > config.maxUploadBytes)
        throw new CliError(
          `berkas ${file} lebih besar dari ${config.maxUploadBytes / 1048576} MB; pecah berkasnya atau naikkan MAX_UPLOAD_MB`,
        );
      const buffer = readFileSync(file);
      const progress = progressReporter();
      const report = await withPreparedDatabase(async (db) =>
        importAwards(db.db, await actorByEmail(db, o.as), {
          fileName: basename(file),
          buffer,
          dryRun: o.dryRun,
          verified: o.verified,
          regionCode: o.region,
          limits: { maxBytes: config.maxUploadBytes, maxRows: 50_000 },
          onProgress: (done, total, phase) => progress.update(done, total, phase),
        }),
      ).finally(() => progress.stop());
      if (o.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else printReport(report);
      if (report.problems.length) process.exitCode = 2;
    });
}
