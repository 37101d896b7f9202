import type { Kysely } from 'kysely';
import { nowIso } from '../../db/now.ts';
import type { AwardRow, Database, NewAward } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AWARD_FIELDS } from '../../domain/awards/fields.ts';
import { assertCanEditFor, assertOwnRegion } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { gradeForAward } from '../grading.ts';
import { resolveReferences } from './references.ts';
import { valuesFromRow } from './row.ts';
import { awardRowValues, awardRuleProblems } from './rules.ts';
import type { CreateAward, UpdateAward } from './schemas.ts';

type TeamInput = CreateAward['team'];

/** Creates a draft award (or, for imports, a record in `state`). One transaction with its audit event. */
export async function createAward(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateAward,
  extra: Partial<
    Pick<NewAward, 'state' | 'import_key' | 'verified_at' | 'verified_by' | 'submitted_at'>
  > = {},
): Promise<AwardRow> {
  return inTransaction(db, async (trx) => {
    const values = await buildRow(trx, actor, input, { field: true }, actor.regionId);
    const now = nowIso();
    const row = await trx
      .insertInto('awards')
      .values({
        ...values,
        state: 'draft',
        return_reason: null,
        import_key: null,
        version: 1,
        created_by: actor.id,
        updated_by: actor.id,
        submitted_at: null,
        verified_at: null,
        verified_by: null,
        created_at: now,
        updated_at: now,
        ...extra,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeTeam(trx, row, input.team);
    await recordAudit(trx, actor, {
      entityType: 'award',
      entityId: row.id,
      action: 'create',
      after: row,
      regionId: row.region_id,
    });
    return row;
  });
}

/** Changes the content of a draft or returned award. Verified ones must be reopened first. */
export async function updateAward(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  patch: UpdateAward,
): Promise<AwardRow> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('awards').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Penghargaan', id);
    assertOwnRegion(actor, before.region_id);
    assertCanEditFor(actor, before.unit_path);
    if (before.state === 'verified')
      throw conflict(
        'Penghargaan sudah terverifikasi: buka kembali (reopen) lewat verifikator sebelum mengubahnya.',
      );
    if (before.state === 'submitted')
      throw conflict(
        'Penghargaan sedang menunggu verifikasi: minta verifikator mengembalikannya sebelum mengubah.',
      );
    if (patch.version !== undefined && patch.version !== before.version)
      throw conflict(
        `Data sudah diubah orang lain (versi ${before.version}, Anda mengirim ${patch.version}); muat ulang lalu ulangi.`,
      );
    const { version: _v, ...changes } = patch;
    const base: Record<string, unknown> = rowToInput(before);
    // A reference named anew (a giver by code) replaces every stored way of naming it (its id).
    for (const f of AWARD_FIELDS)
      if (f.kind === 'reference' && f.inputs.some((k) => changes[k as keyof typeof changes] !== undefined))
        for (const k of f.inputs) delete base[k];
    const merged = { ...base, ...stripUndefined(changes) } as CreateAward;
    if (changes.team === undefined) merged.team = await readTeam(trx, id);
    const values = await buildRow(
      trx,
      actor,
      merged,
      { field: changes.fieldId !== undefined || changes.fieldCode !== undefined },
      before.region_id,
    );
    const after = await trx
      .updateTable('awards')
      .set({ ...values, version: before.version + 1, updated_by: actor.id, updated_at: nowIso() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (changes.team !== undefined) {
      await trx.deleteFrom('award_team_members').where('award_id', '=', id).execute();
      await writeTeam(trx, after, changes.team);
    }
    await recordAudit(trx, actor, {
      entityType: 'award',
      entityId: id,
      action: 'update',
      before,
      after,
      regionId: before.region_id,
    });
    return after;
  });
}

/** Only drafts and returned records can be deleted; the audit trail keeps what they were. */
export async function deleteAward(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('awards').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Penghargaan', id);
    assertOwnRegion(actor, before.region_id);
    assertCanEditFor(actor, before.unit_path);
    if (before.state === 'verified' || before.state === 'submitted')
      throw conflict(
        `Penghargaan berstatus "${before.state}" tidak bisa dihapus; hanya draf atau yang dikembalikan.`,
      );
    await trx.deleteFrom('evidence').where('award_id', '=', id).execute();
    await trx.deleteFrom('award_team_members').where('award_id', '=', id).execute();
    await trx.updateTable('findings').set({ award_id: null }).where('award_id', '=', id).execute();
    await trx
      .updateTable('findings')
      .set({ matched_award_id: null })
      .where('matched_award_id', '=', id)
      .execute();
    await trx.deleteFrom('awards').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      entityType: 'award',
      entityId: id,
      action: 'delete',
      before,
      regionId: before.region_id,
    });
  });
}

async function buildRow(
  trx: Kysely<Database>,
  actor: Actor,
  input: CreateAward,
  newChoice: { field: boolean },
  inRegion: number | null,
) {
  const problems = awardRuleProblems(input);
  if (problems.length) throw invalid(problems);

  const refs = await resolveReferences(trx, input, newChoice, inRegion);
  assertOwnRegion(actor, refs.regionId);
  assertCanEditFor(actor, refs.unitPath);
  const grade = await gradeForAward(trx, input);
  return awardRowValues(input, refs, grade);
}

async function writeTeam(trx: Kysely<Database>, award: AwardRow, team: TeamInput): Promise<void> {
  if (!team?.length) return;
  await trx
    .insertInto('award_team_members')
    .values(
      team.map((m, i) => ({
        region_id: award.region_id,
        award_id: award.id,
        unit_id: m.unitId ?? null,
        person_name: m.personName ?? null,
        role: m.role ?? null,
        position: i,
      })),
    )
    .execute();
}

async function readTeam(trx: Kysely<Database>, awardId: number): Promise<TeamInput> {
  const rows = await trx
    .selectFrom('award_team_members')
    .selectAll()
    .where('award_id', '=', awardId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, personName: r.person_name, role: r.role }));
}

/** The stored row as input again, so a patch can be validated as a whole record. */
function rowToInput(r: AwardRow): CreateAward {
  return { ...valuesFromRow(r), awardingBodyId: r.awarding_body_id, fieldId: r.field_id, unitId: r.unit_id };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
