import type { Kysely, Selectable } from 'kysely';
import { nowIso } from '../db/now.ts';
import type { Database, OrgUnitRow, RegionTable } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { provinceIdOf, regionCodeOf, regionIdOf, regionIdOrNone } from '../domain/region-code.ts';
import { regionByCode } from '../extract/regions/gazetteer.ts';
import { REGION_CODE } from '../reference/region-codes.ts';
import { UNIT_TYPES, type UnitType } from '../reference/unit-types.ts';
import { assertAdmin, assertOwnRegion } from './access.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { conflict, invalid, notFound } from './errors.ts';
import { noNul } from './safe-text.ts';
import { z } from './zod.ts';

/** A unit's name and short name, as the API and the admin pages both check them. */
export const unitNameSchema = z
  .string()
  .trim()
  .min(2, 'Nama unit wajib diisi (minimal 2 karakter)')
  .max(200)
  .refine(...noNul);
export const unitShortNameSchema = z
  .string()
  .trim()
  .max(60, 'Singkatan paling banyak 60 karakter')
  .refine(...noNul);

export interface NewUnit {
  /** Optional: a unit with a parent is in its parent's region; without either, the installation's region. */
  regionCode?: string;
  parentId?: number | null;
  name: string;
  shortName?: string | null;
  unitType: UnitType;
}

export interface Region {
  code: string;
  name: string;
  kind: 'kota' | 'kabupaten' | 'provinsi';
  foundedOn: string | null;
}

export async function createRegion(db: Kysely<Database>, actor: Actor, r: Region): Promise<void> {
  assertAdmin(actor);
  if (!REGION_CODE.test(r.code))
    throw invalid([{ field: 'code', message: 'Kode wilayah Kemendagri seperti 36 atau 36.71' }]);
  await inTransaction(db, async (trx) => {
    if (await trx.selectFrom('regions').select('code').where('code', '=', r.code).executeTakeFirst())
      throw conflict(`Wilayah ${r.code} sudah ada`);
    await trx
      .insertInto('regions')
      .values({
        id: regionIdOf(r.code),
        code: r.code,
        parent_id: r.kind === 'provinsi' ? null : provinceIdOf(regionIdOf(r.code)),
        name: r.name,
        kind: r.kind,
        founded_on: r.foundedOn,
        emblem_url: null,
        created_at: nowIso(),
      })
      .execute();
    await recordAudit(trx, actor, {
      entityType: 'region',
      entityId: r.code,
      action: 'create',
      after: r,
      regionId: regionIdOf(r.code),
    });
  });
}

/** A region as it is kept: what an admin gives, and the emblem the showcase shows. */
export interface RegionView extends Region {
  /** The numeric Kemendagri code, the tenant key (domain/region-code.ts). */
  id: number;
  emblemUrl: string | null;
}

const toRegion = (r: Selectable<RegionTable>): RegionView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  foundedOn: r.founded_on,
  emblemUrl: r.emblem_url,
});

export async function listRegions(db: Kysely<Database>): Promise<RegionView[]> {
  const rows = await db.selectFrom('regions').selectAll().orderBy('code').execute();
  return rows.map(toRegion);
}

/**
 * The name of province `code` ('36' → 'Provinsi Banten') when the deployment keeps it or any of
 * its kabupaten/kota; null otherwise. The name comes from the regions table, else the gazetteer.
 */
export async function provinceName(db: Kysely<Database>, code: string): Promise<string | null> {
  const kept = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where((eb) => eb.or([eb('code', '=', code), eb('code', 'like', `${code}.%`)]))
    .orderBy('code')
    .execute();
  if (!kept.length) return null;
  return kept.find((r) => r.code === code)?.name ?? regionByCode(code)?.name ?? `Provinsi ${code}`;
}

/**
 * The region with this code; without one, the region this installation serves (the first by
 * code). The one place that picks "the" region: every service that needs it asks here.
 */
export async function getRegion(db: Kysely<Database>, code?: string | null): Promise<RegionView | null> {
  let q = db.selectFrom('regions').selectAll();
  q = code ? q.where('code', '=', code) : q.orderBy('code');
  const row = await q.executeTakeFirst();
  return row ? toRegion(row) : null;
}

/** Adds a unit under its parent; its path extends the parent's so subtrees are one LIKE. */
export async function createUnit(db: Kysely<Database>, actor: Actor, u: NewUnit): Promise<OrgUnitRow> {
  assertAdmin(actor);
  const problems = [];
  if (!u.name?.trim()) problems.push({ field: 'name', message: 'Nama unit wajib diisi' });
  if (!UNIT_TYPES.includes(u.unitType))
    problems.push({ field: 'unitType', message: `Jenis unit: ${UNIT_TYPES.join(', ')}` });
  if (problems.length) throw invalid(problems);
  return inTransaction(db, async (trx) => {
    let parentPath = '/';
    let regionCode = u.regionCode;
    if (u.parentId) {
      const parent = await trx
        .selectFrom('org_units')
        .selectAll()
        .where('id', '=', u.parentId)
        .executeTakeFirst();
      if (!parent) throw invalid([{ field: 'parentId', message: `Unit induk ${u.parentId} tidak ada` }]);
      if (regionCode && parent.region_id !== regionIdOf(regionCode))
        throw invalid([{ field: 'parentId', message: 'Unit induk ada di wilayah lain' }]);
      regionCode = regionCodeOf(parent.region_id);
      parentPath = parent.path;
    }
    regionCode ??= actor.regionId !== null ? regionCodeOf(actor.regionId) : (await getRegion(trx))?.code;
    if (!regionCode)
      throw invalid([
        {
          field: 'regionCode',
          message: 'Belum ada wilayah (pemda); jalankan `prestasi demo` atau buat wilayah lebih dulu',
        },
      ]);
    if (!(await getRegion(trx, regionCode)))
      throw invalid([
        { field: 'regionCode', message: `Wilayah ${regionCode} tidak ada; lihat /api/v1/regions` },
      ]);
    const regionId = regionIdOf(regionCode);
    assertOwnRegion(actor, regionId);
    const now = nowIso();
    const inserted = await trx
      .insertInto('org_units')
      .values({
        region_id: regionId,
        parent_id: u.parentId ?? null,
        name: u.name.trim(),
        short_name: u.shortName?.trim() || null,
        unit_type: u.unitType,
        path: '/pending/',
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await trx
      .updateTable('org_units')
      .set({ path: `${parentPath}${inserted.id}/` })
      .where('id', '=', inserted.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'org_unit',
      entityId: unit.id,
      action: 'create',
      after: unit,
      regionId,
    });
    return unit;
  });
}

export async function updateUnit(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  patch: { name?: string; shortName?: string | null; active?: boolean },
): Promise<OrgUnitRow> {
  assertAdmin(actor);
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Unit', id);
    assertOwnRegion(actor, before.region_id);
    const after = await trx
      .updateTable('org_units')
      .set({
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.shortName !== undefined ? { short_name: patch.shortName } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'org_unit',
      entityId: id,
      action: 'update',
      before,
      after,
      regionId: before.region_id,
    });
    return after;
  });
}

export interface UnitNode {
  id: number;
  name: string;
  shortName: string | null;
  unitType: string;
  parentId: number | null;
  path: string;
  depth: number;
  active: boolean;
}

/** One unit as the tree shows it (its depth and parent); 404 when there is none. */
export async function getUnit(db: Kysely<Database>, id: number, regionCode?: string): Promise<UnitNode> {
  const unit = (await listUnits(db, regionCode)).find((u) => u.id === id);
  if (!unit) throw notFound('Unit', id);
  return unit;
}

/** All units of a region in tree order (parents before children, siblings by name). */
export async function listUnits(db: Kysely<Database>, regionCode?: string): Promise<UnitNode[]> {
  let q = db.selectFrom('org_units').selectAll();
  if (regionCode) q = q.where('region_id', '=', regionIdOrNone(regionCode));
  const rows = await q.execute();
  const children = new Map<number | null, OrgUnitRow[]>();
  for (const r of rows) {
    const list = children.get(r.parent_id) ?? [];
    list.push(r);
    children.set(r.parent_id, list);
  }
  const out: UnitNode[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'id'))) {
      out.push({
        id: r.id,
        name: r.name,
        shortName: r.short_name,
        unitType: r.unit_type,
        parentId: r.parent_id,
        path: r.path,
        depth,
        active: r.active === 1,
      });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Finds a unit by its name or short name, case-insensitively (imports, news). */
export async function findUnitByName(db: Kysely<Database>, name: string): Promise<OrgUnitRow | undefined> {
  const needle = name.trim().toLowerCase();
  const rows = await db.selectFrom('org_units').selectAll().execute();
  return rows.find((r) => r.name.toLowerCase() === needle || r.short_name?.toLowerCase() === needle);
}
