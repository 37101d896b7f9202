import type { Kysely } from 'kysely';
import { sha256 } from '../auth/secrets.ts';
import { actorFor, createUser } from '../auth/users.ts';
import { nowIso } from '../db/now.ts';
import type { Database } from '../db/schema.ts';
import { formatDate } from '../domain/format.ts';
import { regionIdOf } from '../domain/region-code.ts';
import { AWARDING_BODIES } from '../reference/awarding-bodies.ts';
import { type Actor, SYSTEM_ACTOR } from '../services/actor.ts';
import { recordAudit } from '../services/audit.ts';
import { createAwardSchema } from '../services/awards/schemas.ts';
import { returnAward, submitAward, verifyAward } from '../services/awards/workflow.ts';
import { createAward } from '../services/awards/write.ts';
import { addFileEvidence } from '../services/evidence.ts';
import { ingest } from '../services/intake/ingest.ts';
import { createRegion, createUnit, getRegion } from '../services/units.ts';
import { DEMO_ACCOUNTS, type DemoAccount } from './accounts.ts';
import { DEMO_ARTICLES, DEMO_OUTLET } from './articles.ts';
import { DEMO_AWARDS, type DemoAward } from './awards.ts';
import { certificatePdf } from './certificate.ts';
import { sampleHistory, sampleWork } from './history.ts';
import { DEMO_REGION, DEMO_UNIT_TREE, type DemoUnit } from './org-units.ts';
import { DEFAULT_SEEDS_DIR, readSeedReport } from './reports.ts';

export interface DemoSeedResult {
  /** False when the demo region already existed and nothing was added. */
  seeded: boolean;
  units: number;
  accounts: DemoAccount[];
  awards: number;
  /** Evidence rows: seed reports (when ../shared/seeds is there) and generated certificates. */
  evidence: number;
  /** Evidence rows linked to seed reports (0 when ../shared/seeds is absent). */
  reports: number;
}

/**
 * Fills a prepared database with the demo: region, unit tree, accounts, and the awards of the
 * seed reports entered through the same services a user goes through (create as the unit's
 * operator, attach the report as evidence, submit, verify as the verifikator), so the audit
 * trail reads like real work. Does nothing when the demo region already exists.
 */
export async function seedDemo(
  db: Kysely<Database>,
  opts: { seedsDir?: string; uploadDir?: string; maxUploadBytes?: number } = {},
): Promise<DemoSeedResult> {
  if (await getRegion(db, DEMO_REGION.code))
    return { seeded: false, units: 0, accounts: DEMO_ACCOUNTS, awards: 0, evidence: 0, reports: 0 };

  await createRegion(db, SYSTEM_ACTOR, DEMO_REGION);
  const unitIds = new Map<string, number>();
  await createUnits(db, DEMO_UNIT_TREE, null, unitIds);

  const actors = new Map<string, Actor>();
  for (const a of DEMO_ACCOUNTS) {
    const user = await createUser(db, {
      email: a.email,
      name: a.name,
      role: a.role,
      unitId: a.unit ? unitOf(unitIds, a.unit) : null,
      password: a.password,
      regionId: regionIdOf(DEMO_REGION.code),
    });
    actors.set(a.key, await actorFor(db, user));
  }
  const verifikator = actors.get('verifikator')!;

  const articleIds = new Map<string, number | null>();
  let evidence = 0;
  let reports = 0;
  for (const d of DEMO_AWARDS) {
    const operator = actors.get(d.operator);
    if (!operator) throw new Error(`demo award "${d.award.title}": no account "${d.operator}"`);
    const input = createAwardSchema.parse({ ...d.award, unitId: unitOf(unitIds, d.unit) });
    const award = await createAward(db, operator, input);
    if (await attachReport(db, operator, award.id, d, articleIds, opts.seedsDir ?? DEFAULT_SEEDS_DIR))
      reports++;
    if (await attachCertificate(db, operator, opts, award.id, d)) evidence++;
    await advance(db, operator, verifikator, award.id, d);
  }

  // The history since 1993 the reports speak of, filled with marked samples around the real
  // events, and a few samples waiting in each workflow state.
  // Real events counted as the public showcase counts them: verified and public.
  const real = new Map<number, number>();
  for (const d of DEMO_AWARDS)
    if (d.state === 'verified' && d.award.isPublic !== false)
      real.set(d.award.editionYear, (real.get(d.award.editionYear) ?? 0) + 1);
  const avoid = new Set(DEMO_AWARDS.flatMap((d) => (d.award.scaleId ? [d.award.scaleId] : [])));
  const samples = [...sampleHistory(real, avoid), ...sampleWork(avoid)];
  for (const d of samples) {
    // Work samples are filed by the unit's operator when it has one, like real work.
    const operator = actors.get(DEMO_ACCOUNTS.some((a) => a.key === d.unit) ? d.unit : d.operator)!;
    const input = createAwardSchema.parse({ ...d.award, unitId: unitOf(unitIds, d.unit) });
    const award = await createAward(db, operator, input);
    // Recent samples carry a certificate; the returned one lacks it, which is why it came back.
    if (d.award.editionYear >= 2024 && d.state !== 'returned')
      if (await attachCertificate(db, operator, opts, award.id, d)) evidence++;
    await advance(db, operator, verifikator, award.id, d);
  }
  // News the kurator has not reviewed yet: pending findings in the intake queue.
  const kurator = actors.get('kurator')!;
  for (const a of DEMO_ARTICLES)
    await ingest(db, kurator, {
      content: a.body,
      name: 'contoh-berita.txt',
      format: 'text',
      outlet: DEMO_OUTLET,
      title: a.title,
      published: a.published,
      sourceKind: 'file',
    });
  return {
    seeded: true,
    units: unitIds.size,
    accounts: DEMO_ACCOUNTS,
    awards: DEMO_AWARDS.length + samples.length,
    evidence: evidence + reports,
    reports,
  };
}

async function createUnits(
  db: Kysely<Database>,
  unit: DemoUnit,
  parentId: number | null,
  ids: Map<string, number>,
): Promise<void> {
  const row = await createUnit(db, SYSTEM_ACTOR, {
    regionCode: DEMO_REGION.code,
    parentId,
    name: unit.name,
    shortName: unit.shortName ?? null,
    unitType: unit.unitType,
  });
  ids.set(unit.key, row.id);
  for (const child of unit.children ?? []) await createUnits(db, child, row.id, ids);
}

function unitOf(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (!id) throw new Error(`demo data names unit "${key}", which is not in DEMO_UNIT_TREE`);
  return id;
}

const unitNames = new Map<string, string>();
(function walk(u: DemoUnit) {
  unitNames.set(u.key, u.name);
  for (const c of u.children ?? []) walk(c);
})(DEMO_UNIT_TREE);
const giverNames = new Map(AWARDING_BODIES.map((g) => [g.code, g.name]));

/** Draws the award's demo certificate and attaches it as file evidence, as an operator would upload it. */
async function attachCertificate(
  db: Kysely<Database>,
  operator: Actor,
  opts: { uploadDir?: string; maxUploadBytes?: number },
  awardId: number,
  d: DemoAward,
): Promise<boolean> {
  if (!opts.uploadDir) return false;
  const a = d.award;
  const bytes = await certificatePdf({
    title: a.title,
    recipient: unitNames.get(d.unit) ?? DEMO_REGION.name,
    giver: (a.awardingBodyCode && giverNames.get(a.awardingBodyCode)) || 'Pemberi penghargaan',
    date: a.receivedOn ? formatDate(a.receivedOn, 'id') : String(a.editionYear),
  });
  await addFileEvidence(
    db,
    operator,
    { uploadDir: opts.uploadDir, maxUploadBytes: opts.maxUploadBytes ?? 10 * 1024 * 1024 },
    awardId,
    { name: `piagam-contoh-${awardId}.pdf`, bytes },
    'Piagam (dokumen contoh buatan demo)',
  );
  return true;
}

async function advance(
  db: Kysely<Database>,
  operator: Actor,
  verifikator: Actor,
  id: number,
  d: DemoAward,
): Promise<void> {
  if (d.state === 'draft') return;
  await submitAward(db, operator, id);
  if (d.state === 'verified') await verifyAward(db, verifikator, id);
  if (d.state === 'returned') await returnAward(db, verifikator, id, d.returnReason ?? 'Mohon dilengkapi');
}

/**
 * Stores the award's seed report as an article (once per report) and links it as evidence with
 * the supporting sentence. Returns false when the report cannot be read.
 */
async function attachReport(
  db: Kysely<Database>,
  operator: Actor,
  awardId: number,
  d: DemoAward,
  articleIds: Map<string, number | null>,
  seedsDir: string,
): Promise<boolean> {
  if (!d.report || !d.quote) return false;
  const report = readSeedReport(d.report, seedsDir);
  if (!report) return false;
  // A quote that is not in the text would be false evidence: fail loudly, it is a data bug.
  if (!report.body.includes(d.quote))
    throw new Error(`demo quote for "${d.award.title}" is not in seed report ${report.fileName}`);
  return db.transaction().execute(async (trx) => {
    let articleId = articleIds.get(d.report!) ?? null;
    if (articleId === null) {
      const hash = sha256(report.body);
      const existing = await trx
        .selectFrom('articles')
        .select('id')
        .where('content_hash', '=', hash)
        .executeTakeFirst();
      articleId =
        existing?.id ??
        (
          await trx
            .insertInto('articles')
            .values({
              url: null,
              outlet: report.outlet,
              title: report.title,
              published_on: report.publishedOn,
              content_hash: hash,
              body: report.body,
              source_kind: 'seed',
              created_by: operator.id,
              created_at: nowIso(),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      articleIds.set(d.report!, articleId);
    }
    const row = await trx
      .insertInto('evidence')
      .values({
        region_id: regionIdOf(DEMO_REGION.code),
        award_id: awardId,
        kind: 'article',
        url: null,
        file_name: null,
        media_type: null,
        size_bytes: null,
        sha256: null,
        caption: report.title ? `Laporan berita: ${report.title}` : 'Laporan berita',
        quote: d.quote,
        article_id: articleId,
        created_by: operator.id,
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Same event the evidence service writes, so the award's history shows the attachment.
    await recordAudit(trx, operator, {
      entityType: 'award',
      entityId: awardId,
      action: 'evidence.add',
      after: row,
    });
    return true;
  });
}
