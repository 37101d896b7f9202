// The unit report card (rapor): a unit's awards with its sub-units', counted and explained by
// the pure `buildUnitReport`. A unit's rows are few (hundreds), so they are loaded whole.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type AwardFact, buildUnitReport, groupSeries, type Lang } from '../../domain/recap/index.ts';
import { notFound } from '../errors.ts';
import { factRows, toFact } from './facts.ts';
import { type RecapScope, resolveScope, visible } from './scope.ts';
import { giverMap, type SeriesView, seriesView } from './series.ts';

export interface UnitReportRequest {
  actor: RecapScope['actor'];
  unitId: number;
  year?: number | null;
  includeUnverified?: boolean;
  includeSubunits?: boolean;
}

async function unitFacts(db: Kysely<Database>, scope: RecapScope, path: string): Promise<AwardFact[]> {
  const rows = await factRows(db)
    .where(visible({ ...scope, unitPath: path }))
    .orderBy('awards.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const team = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const members = await db
      .selectFrom('award_team_members as t')
      .innerJoin('org_units as u', 'u.id', 't.unit_id')
      .select(['t.award_id', 'u.path'])
      .where('t.award_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const m of members) team.set(m.award_id, [...(team.get(m.award_id) ?? []), m.path]);
  }
  return rows.map((r) => ({ ...toFact(r), unitPaths: team.get(r.id) ?? null }));
}

export async function unitReport(db: Kysely<Database>, req: UnitReportRequest, lang: Lang = 'id') {
  const unit = await db.selectFrom('org_units').selectAll().where('id', '=', req.unitId).executeTakeFirst();
  if (!unit) throw notFound('Unit', req.unitId);
  const { scope } = await resolveScope(db, {
    actor: req.actor,
    region: unit.region_code,
    includeUnverified: req.includeUnverified,
  });
  const facts = await unitFacts(db, scope, unit.path);
  const report = buildUnitReport(
    facts,
    { id: unit.id, path: unit.path, name: unit.name },
    { includeSubunits: req.includeSubunits ?? true, ...(req.year ? { year: req.year } : {}) },
  );
  // Series: only those with two or more years, shown like the recap's.
  const counted = new Set(report.awards.map((a) => a.id));
  const series = groupSeries(facts.filter((f) => counted.has(f.id))).filter((s) => s.points.length >= 2);
  const givers = await giverMap(db, [...report.awards.map((a) => a.giverCode)]);
  const views: SeriesView[] = series.map((s) => seriesView(s, givers, lang));
  return {
    unit: {
      id: unit.id,
      name: unit.name,
      shortName: unit.short_name,
      path: unit.path,
      regionCode: unit.region_code,
    },
    verifiedOnly: !scope.includeUnverified,
    includeSubunits: report.includeSubunits,
    year: report.year,
    total: report.total,
    change: report.change,
    byYear: report.byYear,
    byField: report.byField,
    byLevel: report.byLevel,
    byGiver: report.byGiver.map((g) => ({ ...g, giver: g.key ? (givers.get(g.key) ?? null) : null })),
    series: views,
    awards: report.awards.map((a) => ({
      id: a.id,
      title: a.title,
      editionYear: a.editionYear,
      receivedOn: a.receivedOn,
      giver: a.giverCode,
      field: a.fieldCode,
      level: a.level,
      score: a.score,
      grade: a.gradeCode,
      zone: a.zone,
      status: a.statusLabel,
    })),
  };
}
