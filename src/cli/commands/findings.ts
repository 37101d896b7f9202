// prestasi findings list [--state pending] [--json]
// prestasi findings show ID [--json]
// prestasi findings accept ID [--as EMAIL] [--edits JSON]
// prestasi findings merge ID --award N [--as EMAIL]
// prestasi findings reject ID --reason R [--as EMAIL]
// The curator's queue on the command line; the same services (and audit trail) as the API.
import type { Command } from 'commander';
import { invalid } from '../../services/errors.ts';
import { acceptFinding, mergeFinding, rejectFinding } from '../../services/intake/decide.ts';
import { type Finding, getFinding, listFindings } from '../../services/intake/read.ts';
import { acceptSchema, FINDING_STATES } from '../../services/intake/schemas.ts';
import { actorByEmail, withPreparedDatabase } from '../acting.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';

const exitTwo = (err: { exitCode: number }) => process.exit(err.exitCode === 0 ? 0 : 2);

function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0)
    throw new CliError(`"${value}" bukan id temuan: pakai angka, mis. 12`);
  return id;
}

function line(f: Finding): string {
  const p = f.proposal;
  const bits = [p.awardingBody ?? p.awardingBodyName, p.date ?? p.year, p.rank, p.score].filter(
    (b) => b !== null,
  );
  const sources = f.sources
    .map((s) => (s.outlet ?? s.articleTitle ?? `artikel #${s.articleId}`).slice(0, 60))
    .join('; ');
  const match = f.matchedAwardId ? ` [cocok: penghargaan #${f.matchedAwardId}]` : '';
  const award = f.awardId ? ` → penghargaan #${f.awardId}` : '';
  return `#${f.id} [${f.state}] ${p.title} (${bits.join(', ')}) ${Math.round(f.confidence * 100)}% — ${f.sources.length} sumber: ${sources}${match}${award}`;
}

export function register(program: Command): void {
  const findings = program
    .command('findings')
    .description(COMMAND_DESCRIPTIONS.findings)
    .exitOverride(exitTwo);

  findings
    .command('list')
    .description('Daftar temuan (terbaru dulu)')
    .option('--state <state>', `status: ${FINDING_STATES.join(', ')}`)
    .option('--limit <n>', 'paling banyak', '100')
    .option('--json', 'keluaran JSON')
    .exitOverride(exitTwo)
    .action(async (o: { state?: string; limit: string; json?: boolean }) => {
      if (o.state && !(FINDING_STATES as readonly string[]).includes(o.state))
        throw new CliError(`--state: salah satu dari ${FINDING_STATES.join(', ')}`);
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError('--limit: 1 sampai 500');
      const result = await withPreparedDatabase(async (db) =>
        listFindings(db.db, await actorByEmail(db, undefined), {
          state: o.state as Finding['state'] as (typeof FINDING_STATES)[number],
          limit,
          offset: 0,
        }),
      );
      if (o.json) process.stdout.write(`${JSON.stringify(result.items, null, 2)}\n`);
      else {
        for (const f of result.items) process.stdout.write(`${line(f)}\n`);
        process.stdout.write(`${result.items.length} dari ${result.total} temuan\n`);
      }
    });

  findings
    .command('show')
    .description('Satu temuan dengan kutipan dari tiap sumber')
    .argument('<id>')
    .option('--json', 'keluaran JSON (dengan teks artikel dan offset kutipan)')
    .exitOverride(exitTwo)
    .action(async (id: string, o: { json?: boolean }) => {
      const f = await withPreparedDatabase(async (db) =>
        getFinding(db.db, await actorByEmail(db, undefined), parseId(id)),
      );
      if (o.json) return void process.stdout.write(`${JSON.stringify(f, null, 2)}\n`);
      process.stdout.write(`${line(f)}\n`);
      for (const s of f.sources)
        process.stdout.write(`  artikel #${s.articleId} [${s.start}–${s.end}]: “${s.quote}”\n`);
    });

  findings
    .command('accept')
    .description('Terima: buat draf penghargaan dengan artikel sebagai bukti')
    .argument('<id>')
    .option('--as <email>', 'kurator/admin yang memutuskan (tercatat di jejak audit)')
    .option('--edits <json>', 'ubah usulan, mis. \'{"title":"SPM Awards 2025","fieldCode":"pemerintahan"}\'')
    .exitOverride(exitTwo)
    .action(async (id: string, o: { as?: string; edits?: string }) => {
      const edits = parseEdits(o.edits);
      const r = await withPreparedDatabase(async (db) =>
        acceptFinding(db.db, await actorByEmail(db, o.as), parseId(id), edits),
      );
      process.stdout.write(
        `Temuan #${r.finding.id} diterima: draf penghargaan #${r.award.id} "${r.award.title}" dengan ${r.evidenceIds.length} bukti berita\n`,
      );
    });

  findings
    .command('merge')
    .description('Gabungkan: tambahkan artikel sebagai bukti penghargaan yang sudah tercatat')
    .argument('<id>')
    .requiredOption('--award <id>', 'id penghargaan tujuan')
    .option('--as <email>', 'kurator/admin yang memutuskan')
    .exitOverride(exitTwo)
    .action(async (id: string, o: { award: string; as?: string }) => {
      const awardId = Number(o.award);
      if (!Number.isInteger(awardId) || awardId <= 0) throw new CliError('--award: id penghargaan (angka)');
      const r = await withPreparedDatabase(async (db) =>
        mergeFinding(db.db, await actorByEmail(db, o.as), parseId(id), awardId),
      );
      process.stdout.write(
        `Temuan #${r.finding.id} digabung ke penghargaan #${awardId}: ${r.evidenceIds.length} bukti berita ditambahkan\n`,
      );
    });

  findings
    .command('reject')
    .description('Tolak dengan alasan')
    .argument('<id>')
    .requiredOption('--reason <text>', 'alasan (minimal 5 karakter)')
    .option('--as <email>', 'kurator/admin yang memutuskan')
    .exitOverride(exitTwo)
    .action(async (id: string, o: { reason: string; as?: string }) => {
      const row = await withPreparedDatabase(async (db) =>
        rejectFinding(db.db, await actorByEmail(db, o.as), parseId(id), o.reason),
      );
      process.stdout.write(`Temuan #${row.id} ditolak: ${row.decision_reason}\n`);
    });
}

function parseEdits(raw: string | undefined) {
  if (!raw) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new CliError('--edits harus JSON, mis. \'{"title":"SPM Awards 2025"}\'');
  }
  const parsed = acceptSchema.safeParse(json);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || undefined, message: i.message })),
    );
  return parsed.data;
}
