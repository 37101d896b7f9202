// prestasi report --year 2025 --out FILE [--region CODE] [--public] [--as EMAIL] [--lang id|en]
// Writes the yearly PDF report "Laporan Penghargaan Tahun 2025" (verified records; --public
// counts only those shown to the public). --lang: the language of the messages, as for export.
import type { Command } from 'commander';
import { tr } from '../../domain/i18n.ts';
import { REGION_CODE } from '../../reference/region-codes.ts';
import { yearlyReportPdf } from '../../services/exports/report-pdf.ts';
import { actorByEmail, withPreparedDatabase } from '../acting.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError, cliLang } from '../run.ts';
import { checkOutput, writeOutput } from './export.ts';
import { exitTwoOnUsageError } from './migrate.ts';

interface ReportOptions {
  year?: string;
  out?: string;
  region?: string;
  public?: boolean;
  as?: string;
  lang?: string;
}

export function register(program: Command): void {
  program
    .command('report')
    .description(COMMAND_DESCRIPTIONS.report)
    .option('--year <yyyy>', 'tahun laporan')
    .option('--out <file>', 'berkas PDF yang ditulis')
    .option('--region <code>', 'kode wilayah Kemendagri (bawaan: wilayah pertama)')
    .option('--public', 'hanya penghargaan yang tampil untuk publik')
    .option('--as <email>', 'susun sebagai pengguna ini')
    .option('--lang <id|en>', 'bahasa pesan', 'id')
    .exitOverride(exitTwoOnUsageError)
    .action(async (o: ReportOptions) => {
      const lang = cliLang(o.lang);
      if (!o.year || !/^\d{4}$/.test(o.year) || Number(o.year) < 1945)
        throw new CliError(
          tr(
            lang,
            '--year wajib: tahun 4 angka, mis. --year 2025',
            '--year is required: a 4-digit year, e.g. --year 2025',
          ),
        );
      if (o.region && !REGION_CODE.test(o.region))
        throw new CliError(
          tr(
            lang,
            '--region: kode wilayah Kemendagri seperti 36.71',
            '--region: a Kemendagri region code such as 36.71',
          ),
        );
      checkOutput(o.out, true, lang);
      const { pdf, count } = await withPreparedDatabase(async (db) =>
        yearlyReportPdf(db.db, o.public ? null : await actorByEmail(db, o.as), {
          year: Number(o.year),
          regionCode: o.region,
        }),
      );
      await writeOutput(({ out }) => out(pdf), o.out, lang);
      process.stderr.write(
        `${tr(lang, 'Laporan Penghargaan Tahun', 'Award report')} ${o.year}: ${count} ${tr(lang, 'penghargaan', 'awards')}\n`,
      );
    });
}
