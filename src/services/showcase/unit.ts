import type { Kysely } from 'kysely';
import type { Database, OrgUnitRow } from '../../db/schema.ts';
import { buildUnitReport, countByUnit, pathIds, type UnitReport } from '../../domain/recap/index.ts';
import { notFound } from '../errors.ts';
import { loadPublicFacts, type PublicFact } from './public.ts';

export interface UnitLink {
  id: number;
  name: string;
  shortName: string | null;
}

export interface UnitPage {
  unit: OrgUnitRow;
  /** From the root down to the parent. */
  ancestors: UnitLink[];
  /** Direct sub-units with their public award counts (subtree included). */
  children: (UnitLink & { total: number })[];
  report: UnitReport;
  /** Field names by code, for the rapor table. */
  fieldNames: Map<string, string>;
}

/** A unit's rapor from public records only: its awards and its sub-units', by year and field, and series. */
export async function unitPageData(db: Kysely<Database>, id: number, locale: 'id' | 'en'): Promise<UnitPage> {
  const unit = await db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  if (unit?.active !== 1) throw notFound('Unit', id);
  const ancestorIds = pathIds(unit.path)
    .map(Number)
    .filter((x) => x !== unit.id);
  const [ancestors, children, facts] = await Promise.all([
    ancestorIds.length
      ? db
          .selectFrom('org_units')
          .select(['id', 'name', 'short_name'])
          .where('id', 'in', ancestorIds)
          .execute()
      : [],
    db
      .selectFrom('org_units')
      .select(['id', 'name', 'short_name', 'path'])
      .where('parent_id', '=', unit.id)
      .where('active', '=', 1)
      .orderBy('name')
      .execute(),
    loadPublicFacts(db, locale),
  ]);
  const report = buildUnitReport(facts, { id: unit.id, path: unit.path, name: unit.name });
  const childCounts = new Map(
    countByUnit(
      report.awards,
      children.map((c) => ({ id: c.id, path: c.path })),
    ).map((c) => [c.unitId, c.total]),
  );
  const fieldNames = new Map<string, string>();
  for (const f of report.awards as PublicFact[])
    if (f.fieldCode) fieldNames.set(f.fieldCode, f.fieldName ?? f.fieldCode);
  return {
    unit,
    ancestors: ancestorIds
      .map((aid) => ancestors.find((a) => a.id === aid))
      .filter((a) => a !== undefined)
      .map((a) => ({ id: a.id, name: a.name, shortName: a.short_name })),
    children: children.map((c) => ({
      id: c.id,
      name: c.name,
      shortName: c.short_name,
      total: childCounts.get(String(c.id)) ?? 0,
    })),
    report,
    fieldNames,
  };
}
