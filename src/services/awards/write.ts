import type { Kysely } from 'kysely';
import { nowIso } from '../../db/now.ts';
import type { AwardRow, Database, NewAward } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { assertCanEditFor } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { conflict, type ErrorDetail, invalid, notFound } from '../errors.ts';
import { gradeForAward } from '../grading.ts';
import { resolveReferences, seriesKeyFor } from './references.ts';
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
    const values = await buildRow(trx, actor, input);
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
    await writeTeam(trx, row.id, input.team);
    await recordAudit(trx, actor, { entityType: 'award', entityId: row.id, action: 'create', after: row });
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
    const merged = { ...rowToInput(before), ...stripUndefined(changes) } as CreateAward;
    if (changes.team === undefined) merged.team = await readTeam(trx, id);
    const values = await buildRow(trx, actor, merged, {
      field: changes.fieldId !== undefined || changes.fieldCode !== undefined,
    });
    const after = await trx
      .updateTable('awards')
      .set({ ...values, version: before.version + 1, updated_by: actor.id, updated_at: nowIso() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (changes.team !== undefined) {
      await trx.deleteFrom('award_team_members').where('award_id', '=', id).execute();
      await writeTeam(trx, id, changes.team);
    }
    await recordAudit(trx, actor, { entityType: 'award', entityId: id, action: 'update', before, after });
    return after;
  });
}

/** Only drafts and returned records can be deleted; the audit trail keeps what they were. */
export async function deleteAward(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('awards').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Penghargaan', id);
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
    await recordAudit(trx, actor, { entityType: 'award', entityId: id, action: 'delete', before });
  });
}

async function buildRow(
  trx: Kysely<Database>,
  actor: Actor,
  input: CreateAward,
  newChoice = { field: true },
) {
  const problems: ErrorDetail[] = [];
  const kind = input.recipientKind ?? 'region';
  if (kind === 'unit' && !input.unitId)
    problems.push({ field: 'unitId', message: 'Penerima "unit" butuh unitId' });
  if (kind === 'team' && !input.team?.length)
    problems.push({
      field: 'team',
      message: 'Penerima "team" butuh minimal satu anggota tim (unit atau orang)',
    });
  if (input.receivedOn && input.receivedOn > nowIso().slice(0, 10))
    problems.push({ field: 'receivedOn', message: 'Tanggal diterima tidak boleh di masa depan' });
  if (input.receivedOn && Math.abs(Number(input.receivedOn.slice(0, 4)) - input.editionYear) > 2)
    problems.push({
      field: 'receivedOn',
      message: 'Tanggal diterima terlalu jauh dari tahun edisi; periksa tahun edisi atau tanggalnya',
    });
  if (problems.length) throw invalid(problems);

  const refs = await resolveReferences(trx, input, newChoice);
  assertCanEditFor(actor, refs.unitPath);
  const grade = await gradeForAward(trx, input);
  const recipientKey = kind === 'region' ? refs.regionCode : `u${refs.unitId ?? 0}`;
  return {
    region_code: refs.regionCode,
    title: input.title,
    programme: input.programme ?? null,
    edition_year: input.editionYear,
    awarding_body_id: refs.awardingBodyId,
    awarding_body_text: input.awardingBodyText ?? null,
    level: input.level ?? null,
    field_id: refs.fieldId,
    category: input.category ?? null,
    recipient_kind: kind,
    unit_id: refs.unitId,
    unit_path: refs.unitPath,
    recipient_note: input.recipientNote ?? null,
    received_on: input.receivedOn ?? null,
    place: input.place ?? null,
    rank: input.rank ?? null,
    rank_position: input.rankPosition ?? null,
    score: input.score ?? null,
    ...grade,
    status_label: input.statusLabel ?? null,
    legal_basis: input.legalBasis ?? null,
    description: input.description ?? null,
    series_key: input.seriesKey ?? seriesKeyFor(refs.awardingBodyCode, input.programme ?? null, recipientKey),
    is_public: input.isPublic === false ? (0 as const) : (1 as const),
  };
}

async function writeTeam(trx: Kysely<Database>, awardId: number, team: TeamInput): Promise<void> {
  if (!team?.length) return;
  await trx
    .insertInto('award_team_members')
    .values(
      team.map((m, i) => ({
        award_id: awardId,
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
  return {
    title: r.title,
    programme: r.programme,
    editionYear: r.edition_year,
    awardingBodyId: r.awarding_body_id,
    awardingBodyText: r.awarding_body_text,
    level: r.level as CreateAward['level'],
    fieldId: r.field_id,
    category: r.category,
    recipientKind: r.recipient_kind,
    unitId: r.unit_id,
    recipientNote: r.recipient_note,
    receivedOn: r.received_on,
    place: r.place,
    rank: r.rank,
    rankPosition: r.rank_position,
    score: r.score,
    scaleId: r.scale_id,
    statusLabel: r.status_label,
    legalBasis: r.legal_basis,
    description: r.description,
    seriesKey: r.series_key,
    isPublic: r.is_public === 1,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
