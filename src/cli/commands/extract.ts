// prestasi extract [--published YYYY-MM-DD] [--json] FILE...
// Reads news files (.txt, .html, RSS/Atom .xml) and prints the awards each reports as received
// and the counts it claims. The JSON shape is a contract other tools depend on (issue 4).
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { extractSource, InputError, MAX_INPUT_BYTES } from '../../extract/index.ts';
import type { ArticleExtraction } from '../../extract/types.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';

interface ExtractOptions {
  published?: string;
  json?: boolean;
}

export interface FileResult {
  file: string;
  title: string | null;
  published: string | null;
  awards: ArticleExtraction['awards'];
  claims: ArticleExtraction['claims'];
}

function readChecked(file: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile())
      throw new CliError(`${file}: not a file; give the path of a .txt, .html or .xml article`);
    size = st.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: no such file; check the path`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new CliError(
      `${file}: ${size} bytes is over the 2 MB limit for one article; save only the article page or text`,
    );
  }
  return readFileSync(file);
}

export function runExtract(files: string[], o: ExtractOptions): FileResult[] {
  if (files.length === 0) throw new CliError('give at least one FILE (.txt, .html or RSS/Atom .xml)');
  if (o.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.published)) {
    throw new CliError(`--published must be YYYY-MM-DD, e.g. --published 2025-05-23 (got "${o.published}")`);
  }
  return files.map((file) => {
    const bytes = readChecked(file);
    try {
      const r = extractSource(bytes, { name: file, published: o.published ?? null });
      return { file, title: r.title, published: r.published, awards: r.awards, claims: r.claims };
    } catch (err) {
      if (err instanceof InputError) {
        const fix =
          err.code === 'binary'
            ? 'give a text, HTML or RSS file'
            : err.code === 'too_deep'
              ? 'give the article text or a normal page'
              : 'give a smaller file';
        throw new CliError(`${file}: ${err.message}; ${fix}`);
      }
      throw err;
    }
  });
}

const cell = (v: unknown, w: number) => {
  const s = v === null || v === undefined ? '–' : String(v);
  return (s.length > w ? `${s.slice(0, w - 1)}…` : s).padEnd(w);
};

export function formatTable(results: FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`${r.file}${r.title ? ` — ${r.title}` : ''}${r.published ? ` (${r.published})` : ''}`);
    if (r.awards.length === 0) out.push('  tidak ada penghargaan yang diterima');
    else {
      out.push(
        `  ${cell('penghargaan', 44)} ${cell('penerima', 26)} ${cell('pemberi', 14)} ${cell('tanggal', 10)} ${cell('hasil', 22)} tahun`,
      );
      for (const a of r.awards) {
        const result = [a.rank, a.score?.toString().replace('.', ','), a.grade].filter(Boolean).join(' · ');
        out.push(
          `  ${cell(a.title, 44)} ${cell(a.recipient, 26)} ${cell(a.awardingBody, 14)} ${cell(a.date, 10)} ${cell(result || null, 22)} ${a.year ?? '–'}`,
        );
      }
    }
    for (const c of r.claims)
      out.push(
        `  klaim: ${c.count} penghargaan${c.period ? ` (${c.period})` : ''}${c.subject ? ` — ${c.subject}` : ''}`,
      );
    out.push('');
  }
  return out.join('\n');
}

export function register(program: Command): void {
  program
    .command('extract')
    .description(COMMAND_DESCRIPTIONS.extract)
    .argument('<files...>', 'article files')
    .option('--published <date>', 'publication date YYYY-MM-DD (anchors dates like "(9/11)")')
    .option('--json', 'print a JSON array, one object per file')
    .action((files: string[], o: ExtractOptions) => {
      const results = runExtract(files, o);
      process.stdout.write(o.json ? `${JSON.stringify(results, null, 2)}\n` : formatTable(results));
    });
}
