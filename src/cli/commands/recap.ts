// prestasi recap [--region CODE] [--year YYYY] [--json] [--include-unverified] [--lang id|en]
// Prints a region's yearly recap (Indonesian by default, numbers "94,76") or the same JSON as
// GET /api/v1/recap. The command line acts as the system, so --include-unverified is allowed.

import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../config.ts';
import { describeDatabaseUrl, openDatabase } from '../../db/database.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import type { Database } from '../../db/schema.ts';
import { formatNumber } from '../../domain/format.ts';
import { type Locale, tr } from '../../domain/i18n.ts';
import { REGION_CODE } from '../../reference/region-codes.ts';
import { SYSTEM_ACTOR } from '../../services/actor.ts';
import { buildRecap, type Recap } from '../../services/recap/recap.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError, cliLang } from '../run.ts';
import { exitTwoOnUsageError } from './migrate.ts';

export interface RecapOptions {
  region?: string;
  year?: string;
  json?: boolean;
  includeUnverified?: boolean;
  lang?: string;
}

/** The recap as text for a terminal. */
export function formatRecapText(r: Recap, lang: Locale = 'id'): string {
  const n = (x: number) => formatNumber(x, lang);
  const none = tr(lang, '(tidak ada)', '(none)');
  const unknown = tr(lang, '(tidak tercatat)', '(not recorded)');
  const direct = tr(lang, 'langsung', 'direct');
  const table = (rows: [string, string][]) => {
    if (!rows.length) return [`  ${none}`];
    const width = Math.max(...rows.map(([k]) => k.length));
    return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  };
  const lines = [
    `${tr(lang, 'Rekap penghargaan', 'Award recap')} ${r.region.name} (${r.region.code}) — ${r.year}`,
    r.verifiedOnly
      ? tr(lang, 'Hanya data terverifikasi.', 'Verified records only.')
      : tr(
          lang,
          'Termasuk data yang belum terverifikasi (draf, diajukan, dikembalikan).',
          'Including unverified records (drafts, submitted, returned).',
        ),
    '',
    r.change.phrase,
    r.cumulative.phrase,
    '',
    `${tr(lang, 'Menurut bidang', 'By field')}:`,
    ...table(r.byField.map((f) => [f.name ?? unknown, n(f.count)])),
    `${tr(lang, 'Menurut pemberi', 'By giver')}:`,
    ...table(r.byGiver.map((g) => [g.abbreviation ?? unknown, n(g.count)])),
    `${tr(lang, 'Menurut tingkat', 'By level')}:`,
    ...table(r.byLevel.map((l) => [l.level ?? unknown, n(l.count)])),
    `${tr(lang, 'Menurut unit (termasuk sub-unit)', 'By unit (with sub-units)')}:`,
    ...table(r.byUnit.map((u) => [u.shortName ?? u.name, `${n(u.total)} (${direct} ${n(u.direct)})`])),
    `${tr(lang, 'Per tahun', 'By year')}:`,
    ...table(r.byYear.filter((y) => y.count > 0).map((y) => [String(y.year), n(y.count)])),
    `${tr(lang, 'Seri penilaian', 'Assessment series')}:`,
    ...(r.series.length
      ? r.series.map(
          (s) => `  ${s.title ?? s.key}${s.giver ? ` (${s.giver.abbreviation})` : ''}: ${s.phrase ?? none}`,
        )
      : [`  ${none}`]),
    // A recap lists the RECAP_SERIES most recently active; the rest are paged by the API.
    ...(r.seriesMore
      ? [
          `  … ${tr(
            lang,
            'dan seri lain yang masih berjalan (semua: GET /api/v1/series)',
            'and more running series (all of them: GET /api/v1/series)',
          )}`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

export function parseRecapOptions(o: RecapOptions): { region?: string; year?: number; lang: Locale } {
  if (o.region !== undefined && !REGION_CODE.test(o.region.trim()))
    throw new CliError(`--region "${o.region}" bukan kode wilayah Kemendagri; contoh: --region 36.71`);
  if (o.year !== undefined && !/^\d{4}$/.test(o.year.trim()))
    throw new CliError(`--year "${o.year}" harus tahun empat digit, mis. --year 2025`);
  return {
    region: o.region?.trim(),
    year: o.year === undefined ? undefined : Number(o.year),
    lang: cliLang(o.lang),
  };
}

/** What `prestasi recap` prints for these options (text or JSON), as the system. */
export async function recapOutput(db: Kysely<Database>, o: RecapOptions): Promise<string> {
  const { region, year, lang } = parseRecapOptions(o);
  const recap = await buildRecap(
    db,
    { actor: SYSTEM_ACTOR, region, year, includeUnverified: o.includeUnverified === true },
    lang,
  );
  return o.json ? `${JSON.stringify(recap, null, 2)}\n` : formatRecapText(recap, lang);
}

export function register(program: Command): void {
  program
    .command('recap')
    .description(COMMAND_DESCRIPTIONS.recap)
    .option('--region <code>', 'kode wilayah, mis. 36.71 (default: wilayah pertama)')
    .option('--year <yyyy>', 'tahun edisi (default: tahun terakhir yang punya penghargaan)')
    .option('--include-unverified', 'ikut hitung draf dan yang belum diverifikasi')
    .option('--lang <id|en>', 'bahasa keluaran', 'id')
    .option('--json', 'keluaran JSON, sama dengan GET /api/v1/recap')
    .exitOverride(exitTwoOnUsageError)
    .action(async (o: RecapOptions) => {
      parseRecapOptions(o); // usage errors before touching the database
      const config = loadConfig();
      try {
        describeDatabaseUrl(config.databaseUrl);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      const db = openDatabase(config.databaseUrl);
      try {
        await prepareDatabase(db.db);
        process.stdout.write(await recapOutput(db.db, o));
      } finally {
        await db.close();
      }
    });
}
