// prestasi export --format csv|xlsx|json [--year Y] [--field CODE] [--giver CODE] [--level L]
//                 [--unit ID] [--state S] [--region CODE] [--out FILE] [--as EMAIL]
// prestasi export --recap --format csv|xlsx|json [--year Y] [--region CODE] [--out FILE]
// prestasi export --open-data DIR [--region CODE]
// Awards (the list's filters, what the user may see), a recap, or the open-data package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { REGION_CODE } from '../../reference/region-codes.ts';
import { listAwardsQuerySchema } from '../../services/awards/schemas.ts';
import {
  awardsCsv,
  awardsForExport,
  awardsJson,
  awardsXlsx,
  regionName,
} from '../../services/exports/awards.ts';
import { buildOpenData } from '../../services/exports/open-data.ts';
import { recapCsv, recapJson, recapXlsx } from '../../services/exports/recap.ts';
import { buildRecap } from '../../services/recap/recap.ts';
import { actorByEmail, withPreparedDatabase } from '../acting.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';
import { exitTwoOnUsageError } from './migrate.ts';

interface ExportOptions {
  format?: string;
  year?: string;
  field?: string;
  giver?: string;
  level?: string;
  unit?: string;
  state?: string;
  region?: string;
  out?: string;
  as?: string;
  recap?: boolean;
  openData?: string;
}

const FORMATS = ['csv', 'xlsx', 'json'] as const;

/** Writes to --out, or to stdout when it is not a terminal (binary xlsx never to a terminal). */
export function writeOutput(data: string | Buffer, out: string | undefined, binary: boolean): void {
  if (out) {
    writeFileSync(out, data);
    process.stderr.write(`ditulis: ${out}\n`);
    return;
  }
  if (binary && process.stdout.isTTY)
    throw new CliError('berkas biner: beri --out FILE atau alihkan ke berkas (> out.xlsx)');
  process.stdout.write(data);
}

export function register(program: Command): void {
  program
    .command('export')
    .description(COMMAND_DESCRIPTIONS.export)
    .option('--format <f>', 'csv, xlsx atau json', 'csv')
    .option('--year <yyyy>', 'tahun edisi')
    .option('--field <code>', 'kode bidang')
    .option('--giver <code>', 'kode pemberi')
    .option('--level <level>', 'tingkat')
    .option('--unit <id>', 'unit (termasuk sub-unit)')
    .option('--state <state>', 'draft, submitted, returned atau verified')
    .option('--region <code>', 'kode wilayah Kemendagri')
    .option('--out <file>', 'tulis ke berkas ini (bawaan: stdout)')
    .option('--as <email>', 'lihat sebagai pengguna ini (bawaan: semua data)')
    .option('--recap', 'ekspor rekap tahunan, bukan daftar penghargaan')
    .option(
      '--open-data <dir>',
      'tulis paket data terbuka (penghargaan.csv, metadata.json, datapackage.json, dcat.jsonld) ke folder ini',
    )
    .exitOverride(exitTwoOnUsageError)
    .action(async (o: ExportOptions) => {
      const format = o.format as (typeof FORMATS)[number];
      if (!FORMATS.includes(format)) throw new CliError(`--format: salah satu dari ${FORMATS.join(', ')}`);
      const parsed = listAwardsQuerySchema
        .pick({ year: true, field: true, level: true, giver: true, unit: true, state: true })
        .safeParse({
          year: o.year,
          field: o.field,
          level: o.level,
          giver: o.giver,
          unit: o.unit,
          state: o.state,
        });
      if (!parsed.success)
        throw new CliError(
          parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ') ||
            'filter tidak valid',
        );
      if (o.region && !REGION_CODE.test(o.region))
        throw new CliError('--region: kode wilayah Kemendagri seperti 36.71');
      await withPreparedDatabase(async (db) => {
        if (o.openData) {
          const pkg = await buildOpenData(db.db, o.region, loadConfig().publicUrl);
          mkdirSync(o.openData, { recursive: true });
          for (const [name, content] of Object.entries(pkg.files))
            writeFileSync(join(o.openData, name), content);
          process.stderr.write(
            `paket data terbuka: ${pkg.metadata.records} penghargaan → ${Object.keys(pkg.files)
              .map((name) => join(o.openData!, name))
              .join(', ')}\n`,
          );
          return;
        }
        const actor = await actorByEmail(db, o.as);
        if (o.recap) {
          const recap = await buildRecap(db.db, { actor, region: o.region, year: parsed.data.year });
          const data =
            format === 'json'
              ? recapJson(recap)
              : format === 'csv'
                ? recapCsv(recap)
                : await recapXlsx(recap);
          return writeOutput(data, o.out, format === 'xlsx');
        }
        const awards = await awardsForExport(db.db, actor, parsed.data, o.region);
        const name = await regionName(db.db, o.region);
        const data =
          format === 'json'
            ? awardsJson(awards, parsed.data)
            : format === 'csv'
              ? awardsCsv(awards, name)
              : await awardsXlsx(awards, name);
        writeOutput(data, o.out, format === 'xlsx');
        if (o.out) process.stderr.write(`${awards.length} penghargaan diekspor\n`);
      });
    });
}
