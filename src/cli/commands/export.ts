// prestasi export --format csv|xlsx|json [--year Y] [--field CODE] [--giver CODE] [--level L]
//                 [--unit ID] [--state S] [--region CODE] [--out FILE] [--as EMAIL] [--lang id|en]
// prestasi export --recap --format csv|xlsx|json [--year Y] [--region CODE] [--out FILE]
// prestasi export --open-data DIR [--region CODE]
// Awards (the list's filters, what the user may see), a recap, or the open-data package.
// The awards are written a batch at a time by the server's own export job (services/exports/
// jobs.ts), to the file or stdout as they come: an export of a million awards never holds them
// all. A file is written beside --out and renamed into place when complete, so a failure
// leaves nothing half-written there.
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { type Locale, tr } from '../../domain/i18n.ts';
import { REGION_CODE } from '../../reference/region-codes.ts';
import { listAwardsQuerySchema } from '../../services/awards/schemas.ts';
import { type FileWriter, writeFileAt, writeToStream } from '../../services/exports/file-writer.ts';
import { EXPORT_JOBS } from '../../services/exports/jobs.ts';
import { writeOpenDataFolder } from '../../services/exports/open-data.ts';
import { recapCsv, recapJson, recapXlsx } from '../../services/exports/recap.ts';
import { buildRecap } from '../../services/recap/recap.ts';
import { getRegion } from '../../services/units.ts';
import { actorByEmail, withPreparedDatabase } from '../acting.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError, cliLang } from '../run.ts';
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
  lang?: string;
}

const FORMATS = ['csv', 'xlsx', 'json'] as const;

/** A path the file cannot go to, said before any work (and so before anything is written). */
function unwritable(path: string, lang: Locale): string | null {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return tr(lang, `folder ${dir} tidak ada`, `folder ${dir} does not exist`);
  if (existsSync(path) && statSync(path).isDirectory())
    return tr(lang, `${path} adalah folder; beri nama berkas`, `${path} is a folder; give a file name`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return tr(lang, `folder ${dir} tidak dapat ditulis`, `folder ${dir} is not writable`);
  }
  return null;
}

/**
 * A failure of the file system while writing (full disk, a path the checks let through) as a
 * usage error; a file is never left half-written, stdout has what came before the failure.
 */
function asCliError(err: unknown, what: string, lang: Locale): unknown {
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code !== 'string' || !e.syscall) return err;
  const file = what !== 'stdout';
  return new CliError(
    tr(
      lang,
      `${what}: gagal ditulis (${e.code})${file ? '; tidak ada yang ditulis' : ''}`,
      `${what}: could not be written (${e.code})${file ? '; nothing was written' : ''}`,
    ),
  );
}

/** stdout closed by its reader (`| head`): the reader has what it wanted, as with any Unix tool. */
const isClosedPipe = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'EPIPE';

/**
 * Writes to --out (beside it, renamed into place when complete), or to stdout as the bytes
 * come (checkOutput has refused a binary file to a terminal).
 */
export async function writeOutput(
  write: FileWriter,
  out: string | undefined,
  lang: Locale = 'id',
): Promise<void> {
  try {
    if (out) {
      await writeFileAt(out, write);
      process.stderr.write(`${tr(lang, 'ditulis', 'written')}: ${out}\n`);
      return;
    }
    await writeToStream(
      process.stdout,
      join(tmpdir(), `prestasi-export-${randomBytes(6).toString('hex')}`),
      write,
    );
  } catch (err) {
    if (!out && isClosedPipe(err)) return;
    throw asCliError(err, out ? `--out ${out}` : 'stdout', lang);
  }
}

/** Checks --out before any work: a binary file never to a terminal, a path that can take a file. */
export function checkOutput(out: string | undefined, binary: boolean, lang: Locale = 'id'): void {
  if (!out) {
    if (binary && process.stdout.isTTY)
      throw new CliError(
        tr(
          lang,
          'berkas biner: beri --out FILE atau alihkan ke berkas (> out.xlsx)',
          'binary file: give --out FILE or redirect to a file (> out.xlsx)',
        ),
      );
    return;
  }
  const problem = unwritable(out, lang);
  if (problem) throw new CliError(`--out ${out}: ${problem}`);
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
    .option('--lang <id|en>', 'bahasa pesan', 'id')
    .exitOverride(exitTwoOnUsageError)
    .action(async (o: ExportOptions) => {
      const lang = cliLang(o.lang);
      const format = o.format as (typeof FORMATS)[number];
      if (!FORMATS.includes(format))
        throw new CliError(
          tr(
            lang,
            `--format ${o.format}: salah satu dari ${FORMATS.join(', ')}`,
            `--format ${o.format}: one of ${FORMATS.join(', ')}`,
          ),
        );
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
            tr(lang, 'filter tidak valid', 'invalid filter'),
        );
      if (o.region && !REGION_CODE.test(o.region))
        throw new CliError(
          tr(
            lang,
            '--region: kode wilayah Kemendagri seperti 36.71',
            '--region: a Kemendagri region code such as 36.71',
          ),
        );
      if (!o.openData) checkOutput(o.out, format === 'xlsx', lang);
      await withPreparedDatabase(async (db) => {
        if (o.region && !(await getRegion(db.db, o.region)))
          throw new CliError(
            tr(
              lang,
              `--region ${o.region}: wilayah itu tidak ada di database (prestasi region)`,
              `--region ${o.region}: no such region in the database (prestasi region)`,
            ),
          );
        if (o.openData) {
          const written = await writeOpenDataFolder(
            db.db,
            o.region,
            loadConfig().publicUrl,
            o.openData,
          ).catch((err) => {
            throw asCliError(err, `--open-data ${o.openData}`, lang);
          });
          process.stderr.write(
            `${tr(lang, 'paket data terbuka', 'open-data package')}: ${written.records} ${tr(lang, 'penghargaan', 'awards')} → ${written.files.join(', ')}\n`,
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
          return writeOutput(({ out }) => out(data), o.out, lang);
        }
        let count = 0;
        await writeOutput(
          async (io) => {
            ({ count } = await EXPORT_JOBS.awards(
              db.db,
              { actor, filters: parsed.data, region: o.region, format, dialect: 'standard' },
              io,
            ));
          },
          o.out,
          lang,
        );
        if (o.out) process.stderr.write(`${count} ${tr(lang, 'penghargaan diekspor', 'awards exported')}\n`);
      });
    });
}
