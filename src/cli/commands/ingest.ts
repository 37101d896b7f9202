// prestasi ingest PATH|URL... [--outlet O] [--published YYYY-MM-DD] [--as EMAIL] [--allow-private] [--json]
// Takes news articles into DATABASE_URL: files (.txt, .html, RSS/Atom .xml), folders
// recursively, URLs when the network allows (through the watcher's guarded fetch: an address
// on this machine or a private network is refused unless --allow-private or
// INTAKE_WATCH_ALLOW_PRIVATE=1). Each input is reported; one bad input does not stop the
// others, but makes the exit code 2.
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../services/errors.ts';
import { type IngestResult, ingest } from '../../services/intake/ingest.ts';
import type { IntakeInput } from '../../services/intake/prepare.ts';
import { fetchUrlInput, isUrl, listFiles, readFileInput } from '../../services/intake/sources.ts';
import { actorByEmail, withPreparedDatabase } from '../acting.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';

interface IngestOptions {
  outlet?: string;
  published?: string;
  as?: string;
  json?: boolean;
  timeout?: string;
  allowPrivate?: boolean;
}

type Outcome =
  | { input: string; articles: IngestResult[] }
  | { input: string; error: { code: string; message: string } };

function describe(o: Outcome): string {
  if ('error' in o) return `! ${o.input}: ${o.error.message}`;
  if (!o.articles.length) return `  ${o.input}: tidak ada artikel`;
  return o.articles
    .map((a) => {
      const head = `${o.input} → artikel #${a.articleId}${a.title ? ` "${a.title.slice(0, 70)}"` : ''}`;
      if (a.duplicate) return `= ${head}: sudah pernah dimasukkan, tidak ada yang baru`;
      const fresh = a.findings.filter((f) => f.outcome === 'new').length;
      const more = a.findings.length - fresh;
      const matched = a.findings.filter((f) => f.matchedAwardId).length;
      const lang = a.language === 'other' ? ' (bukan bahasa Indonesia: disimpan tanpa temuan)' : '';
      return (
        `+ ${head}: ${fresh} temuan baru, ${more} sumber tambahan untuk temuan lama, ${a.claims} klaim` +
        (matched ? `, ${matched} cocok dengan penghargaan tercatat` : '') +
        lang
      );
    })
    .join('\n');
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description(COMMAND_DESCRIPTIONS.ingest)
    .argument('<inputs...>', 'berkas .txt/.html/.xml, folder, atau URL')
    .option('--outlet <name>', 'nama media, mis. "Tangerang Ekspres"')
    .option('--published <date>', 'tanggal terbit YYYY-MM-DD (bila tidak ada di halaman)')
    .option('--as <email>', 'bertindak sebagai pengguna ini (kurator/admin)')
    .option('--timeout <seconds>', 'batas waktu mengambil URL', '20')
    .option('--allow-private', 'boleh mengambil URL di mesin ini atau jaringan privat (server uji, intranet)')
    .option('--json', 'keluaran JSON: [{"input","articles":[...]}|{"input","error"}]')
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .action(async (inputs: string[], o: IngestOptions) => {
      if (o.published && !/^\d{4}-\d{2}-\d{2}$/.test(o.published))
        throw new CliError(`--published harus YYYY-MM-DD, mis. 2025-05-23 (bukan "${o.published}")`);
      const timeoutMs = Number(o.timeout) * 1000;
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
        throw new CliError('--timeout: jumlah detik, mis. 20');
      const fetching = {
        timeoutMs,
        allowPrivate: o.allowPrivate === true || loadConfig().intakeWatchAllowPrivate,
      };
      const meta: Partial<IntakeInput> = { outlet: o.outlet ?? null, published: o.published ?? null };
      const outcomes = await withPreparedDatabase(async (db) => {
        const actor = await actorByEmail(db, o.as);
        const out: Outcome[] = [];
        for (const arg of inputs) {
          let names: string[];
          try {
            names = isUrl(arg) ? [arg] : listFiles(arg);
          } catch (err) {
            out.push(failure(arg, err));
            if (!o.json) process.stdout.write(`${describe(out[out.length - 1])}\n`);
            continue;
          }
          for (const name of names) {
            try {
              const input = isUrl(name)
                ? await fetchUrlInput(name, meta, fetching)
                : readFileInput(name, meta);
              out.push({ input: name, articles: await ingest(db.db, actor, input) });
            } catch (err) {
              out.push(failure(name, err));
            }
            if (!o.json) process.stdout.write(`${describe(out[out.length - 1])}\n`);
          }
        }
        return out;
      });
      if (o.json) process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
      else process.stdout.write(`${summary(outcomes)}\n`);
      if (outcomes.some((x) => 'error' in x)) process.exitCode = 2;
    });
}

function failure(input: string, err: unknown): Outcome {
  if (err instanceof AppError || err instanceof CliError) {
    const details =
      err instanceof AppError && err.details.length
        ? ` (${err.details.map((d) => d.message).join('; ')})`
        : '';
    return {
      input,
      error: { code: err instanceof AppError ? err.code : 'usage', message: err.message + details },
    };
  }
  throw err;
}

function summary(outcomes: Outcome[]): string {
  const articles = outcomes.flatMap((o) => ('articles' in o ? o.articles : []));
  const fresh = articles.filter((a) => !a.duplicate);
  const findings = fresh.flatMap((a) => a.findings).filter((f) => f.outcome === 'new').length;
  const failed = outcomes.filter((o) => 'error' in o).length;
  return `Selesai: ${fresh.length} artikel baru, ${articles.length - fresh.length} sudah ada, ${findings} temuan baru, ${failed} gagal.`;
}
