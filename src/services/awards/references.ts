import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { regionCodeOf } from '../../domain/region-code.ts';
import { currentGiverCode } from '../../reference/awarding-bodies.ts';
import { type ErrorDetail, invalid } from '../errors.ts';
import { getRegion } from '../units.ts';

// Resolves the ids and codes an award refers to, collecting every problem so the user
// sees all of them at once rather than one per attempt.

export interface ResolvedRefs {
  regionId: number;
  regionCode: string;
  awardingBodyId: number | null;
  awardingBodyCode: string | null;
  fieldId: number | null;
  unitId: number | null;
  unitPath: string | null;
}

export interface RefInput {
  receivedOn?: string | null;
  awardingBodyId?: number | null;
  awardingBodyCode?: string | null;
  fieldId?: number | null;
  fieldCode?: string | null;
  unitId?: number | null;
  team?: { unitId?: number | null }[];
}

/**
 * `newChoice` marks which references the user is choosing now (a new award, or a patch that
 * sets them): a retired field may not be chosen, but records that already use it stay editable.
 */
export async function resolveReferences(
  db: Kysely<Database>,
  input: RefInput,
  newChoice: { field: boolean } = { field: true },
  /** The region the award is written in (the actor's, or the record's on an edit); null: the unit's. */
  inRegion: number | null = null,
): Promise<ResolvedRefs> {
  const problems: ErrorDetail[] = [];
  let awardingBodyId: number | null = null;
  let awardingBodyCode: string | null = null;
  if (input.awardingBodyId || input.awardingBodyCode) {
    let q = db
      .selectFrom('awarding_bodies')
      .select(['id', 'code', 'name', 'valid_from', 'valid_to', 'successor_id']);
    q = input.awardingBodyId
      ? q.where('id', '=', input.awardingBodyId)
      : q.where('code', '=', input.awardingBodyCode!);
    const giver = await q.executeTakeFirst();
    if (giver) {
      awardingBodyId = giver.id;
      awardingBodyCode = giver.code;
      // A renamed or dissolved body cannot give an award after it ceased (Kominfo in 2025).
      const successor =
        giver.successor_id && outsideValidity(giver, input.receivedOn)
          ? await db
              .selectFrom('awarding_bodies')
              .select('name')
              .where('id', '=', giver.successor_id)
              .executeTakeFirst()
          : undefined;
      const message = giverValidityProblem(giver, input.receivedOn, successor?.name ?? null);
      if (message)
        problems.push({ field: input.awardingBodyId ? 'awardingBodyId' : 'awardingBodyCode', message });
    } else {
      problems.push({
        field: input.awardingBodyId ? 'awardingBodyId' : 'awardingBodyCode',
        message: 'Pemberi penghargaan tidak dikenal; pilih dari daftar /api/v1/awarding-bodies',
      });
    }
  }
  let fieldId: number | null = null;
  if (input.fieldId || input.fieldCode) {
    let q = db.selectFrom('fields').select(['id', 'active', 'name_id']);
    q = input.fieldId ? q.where('id', '=', input.fieldId) : q.where('code', '=', input.fieldCode!);
    const field = await q.executeTakeFirst();
    if (field && field.active === 0 && newChoice.field)
      problems.push({
        field: input.fieldId ? 'fieldId' : 'fieldCode',
        message: `Bidang "${field.name_id}" sudah tidak dipakai lagi; pilih bidang lain`,
      });
    else if (field) fieldId = field.id;
    else
      problems.push({
        field: input.fieldId ? 'fieldId' : 'fieldCode',
        message: 'Bidang tidak dikenal; pilih dari /api/v1/fields',
      });
  }
  let unitId: number | null = null;
  let unitPath: string | null = null;
  let regionId: number | null = inRegion;
  if (input.unitId) {
    const unit = await db
      .selectFrom('org_units')
      .select(['id', 'path', 'region_id'])
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (unit && regionId !== null && unit.region_id !== regionId)
      problems.push({
        field: 'unitId',
        message: `Unit ${input.unitId} ada di wilayah lain; pilih unit wilayah Anda`,
      });
    else if (unit) {
      unitId = unit.id;
      unitPath = unit.path;
      regionId = unit.region_id;
    } else
      problems.push({ field: 'unitId', message: `Unit ${input.unitId} tidak ada; pilih dari /api/v1/units` });
  }
  const teamUnitIds = (input.team ?? []).map((m) => m.unitId).filter((v): v is number => !!v);
  if (teamUnitIds.length) {
    const found = new Set(
      (await db.selectFrom('org_units').select(['id', 'region_id']).where('id', 'in', teamUnitIds).execute())
        .filter((u) => regionId === null || u.region_id === regionId)
        .map((u) => u.id),
    );
    input.team?.forEach((m, i) => {
      if (m.unitId && !found.has(m.unitId))
        problems.push({ field: `team.${i}.unitId`, message: `Unit ${m.unitId} tidak ada` });
    });
  }
  if (regionId === null) {
    const region = await getRegion(db);
    if (!region)
      problems.push({
        message: 'Belum ada pemda (region); jalankan `prestasi demo` atau `prestasi region add` lebih dulu',
      });
    regionId = region?.id ?? null;
  }
  if (problems.length) throw invalid(problems);
  return {
    regionId: regionId!,
    regionCode: regionCodeOf(regionId!),
    awardingBodyId,
    awardingBodyCode,
    fieldId,
    unitId,
    unitPath,
  };
}

interface GiverValidity {
  name: string;
  valid_from: string | null;
  valid_to: string | null;
}

const outsideValidity = (g: GiverValidity, day: string | null | undefined): day is string =>
  !!day && ((!!g.valid_to && day > g.valid_to) || (!!g.valid_from && day < g.valid_from));

/**
 * A giver that did not exist on the day received (renamed, dissolved, not yet founded): the
 * message names its dates and its successor. Null when the giver was in force that day.
 */
export function giverValidityProblem(
  g: GiverValidity,
  day: string | null | undefined,
  successorName: string | null,
): string | null {
  if (!outsideValidity(g, day)) return null;
  return `${g.name} berlaku ${g.valid_from ?? '…'} s.d. ${g.valid_to ?? '…'}, tidak pada ${day}${
    successorName ? `; pilih penerusnya: ${successorName}` : '; periksa tanggal atau pemberinya'
  }`;
}

/**
 * Same programme from the same giver, for the same recipient, across years. A renamed giver
 * keeps its series (Adipura from KLHK, then from KLH, is one series).
 */
export function seriesKeyFor(
  giverCode: string | null,
  programme: string | null,
  recipient: string,
): string | null {
  if (!programme || !giverCode) return null;
  const slug = programme
    .toLowerCase()
    .replace(/\b(19|20)\d{2}\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug ? `${currentGiverCode(giverCode)}:${slug}:${recipient}` : null;
}
