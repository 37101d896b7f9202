// prestasi grade --scale ID --year YYYY --score X [--json]
// prestasi grade --scale bpk-opini --year YYYY --opinion WTP|WDP|TW|TMP [--json]
// Grades one score by the scale version in force for the year. Usage errors exit 2 with a
// message that says how to fix them.

import type { Command } from 'commander';
import { formatNumber } from '../../domain/format.ts';
import {
  findScale,
  type Grade,
  gradeOpinion,
  gradeScore,
  SCALE_IDS,
  ZONE_LABELS,
} from '../../domain/grading/index.ts';
import { type Locale, toLocale, tr } from '../../domain/i18n.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';

interface GradeOptions {
  scale?: string;
  year?: string;
  score?: string;
  opinion?: string;
  json?: boolean;
  lang?: string;
}

/** "94.76" or "94,76" → 94.76; anything else → NaN. */
function parseScore(text: string): number {
  const t = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

export function runGrade(o: GradeOptions): { grade: Grade; score?: number; year: number } {
  if (!o.scale) throw new CliError(`--scale is required: one of ${SCALE_IDS.join(', ')}`);
  const scale = findScale(o.scale);
  if (!scale) throw new CliError(`unknown scale "${o.scale}": use one of ${SCALE_IDS.join(', ')}`);
  if (!o.year || !/^\d{4}$/.test(o.year.trim())) {
    throw new CliError(
      `--year must be a four-digit assessment year, e.g. --year 2024${o.year ? ` (got "${o.year}")` : ''}`,
    );
  }
  const year = Number(o.year);

  if (scale.kind === 'ordinal') {
    if (o.opinion === undefined) {
      throw new CliError(`scale ${scale.id} grades opinions: give --opinion WTP|WDP|TW|TMP`);
    }
    const r = gradeOpinion(scale, o.opinion, year);
    if (!r.ok) throw new CliError(r.error.message);
    return { grade: r.grade, year };
  }
  if (o.opinion !== undefined)
    throw new CliError(`scale ${scale.id} grades scores: give --score instead of --opinion`);
  if (o.score === undefined)
    throw new CliError(`--score is required for scale ${scale.id}, e.g. --score 94.76`);
  const score = parseScore(o.score);
  if (Number.isNaN(score)) throw new CliError(`--score must be a number such as 94.76 (got "${o.score}")`);
  const r = gradeScore(scale, year, score);
  if (!r.ok) throw new CliError(r.error.message);
  return { grade: r.grade, score, year };
}

function line(result: ReturnType<typeof runGrade>, lang: Locale): string {
  const { grade: g, score, year } = result;
  const zone = g.zone ? `, ${ZONE_LABELS[g.zone][lang]}` : '';
  const what = score === undefined ? g.code : formatNumber(score, lang);
  const version = tr(lang, `versi ${g.version}`, `version ${g.version}`);
  return `${g.scale} ${year} (${version}): ${what} → ${g.code} — ${g.label}${zone}`;
}

export function register(program: Command): void {
  program
    .command('grade')
    .description(COMMAND_DESCRIPTIONS.grade)
    .option('--scale <id>', `skala: ${SCALE_IDS.join(', ')}`)
    .option('--year <yyyy>', 'tahun penilaian (edisi)')
    .option('--score <x>', 'nilai, mis. 94.76')
    .option('--opinion <code>', 'untuk bpk-opini: WTP, WDP, TW, TMP')
    .option('--lang <id|en>', 'bahasa keluaran', 'id')
    .option('--json', 'keluaran JSON: {"scale","version","code","label","zone"}')
    // Commander's own usage errors (unknown option, missing value) exit 2 like ours; help exits 0.
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .action((o: GradeOptions) => {
      const result = runGrade(o);
      if (o.json) {
        const { scale, version, code, label, zone } = result.grade;
        process.stdout.write(`${JSON.stringify({ scale, version, code, label, zone })}\n`);
      } else {
        process.stdout.write(`${line(result, toLocale(o.lang))}\n`);
      }
    });
}
