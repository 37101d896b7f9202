// Which awards a recap counts. Verified records only by default: a recap is what the region
// can stand behind. A signed-in user may ask for unverified ones too (operators then see
// their own unit's drafts, like the list does); the public sees verified, public records.

import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { regionCodeOf, regionIdOrNone } from '../../domain/region-code.ts';
import { readableBy } from '../access.ts';
import type { Actor } from '../actor.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { actorRegionCode } from '../regions.ts';
import { getRegion, type Region } from '../units.ts';

export interface RecapScope {
  /** Null: every region (the national recap). */
  regionCode: string | null;
  actor: Actor | null;
  includeUnverified: boolean;
  /** Only awards of this unit's subtree (its materialised path), team awards included. */
  unitPath?: string | null;
  /** Only awards this unit received itself (no sub-units, no team awards). */
  unitId?: number | null;
}

/** Which edition years a count covers: one year, every year up to one (`{ through }`), or all (null). */
export type YearFilter = number | { through: number } | null;

/** What the public showcase counts: verified, public records of every region. */
export const PUBLIC_SCOPE: RecapScope = { regionCode: null, actor: null, includeUnverified: false };

export interface RecapRequest {
  actor: Actor | null;
  region?: string | null;
  year?: number | null;
  includeUnverified?: boolean;
}

/** The WHERE clause of every recap query: region plus visibility. */
export function visible(scope: RecapScope) {
  return (eb: ExpressionBuilder<Database, 'awards'>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (scope.regionCode !== null) parts.push(eb('awards.region_id', '=', regionIdOrNone(scope.regionCode)));
    // What the actor may read at all (the one rule, src/services/access.ts), and of that only
    // verified records unless unverified ones were asked for.
    parts.push(readableBy(scope.actor)(eb));
    if (!scope.includeUnverified) parts.push(eb('awards.state', '=', 'verified'));
    if (scope.unitId) parts.push(eb('awards.unit_id', '=', scope.unitId));
    if (scope.unitPath) {
      const prefix = `${scope.unitPath}%`;
      parts.push(
        eb.or([
          eb('awards.unit_path', 'like', prefix),
          // Team awards in which a unit of the subtree took part: found once from the units'
          // side (index team_unit), not looked up for every award of the region.
          eb('awards.id', 'in', teamAwardsIn(eb, prefix)),
        ]),
      );
    }
    return eb.and(parts);
  };
}

/** Ids of the awards in which a unit whose path matches `prefix` took part as a team member. */
function teamAwardsIn(eb: ExpressionBuilder<Database, 'awards'>, prefix: string) {
  return eb
    .selectFrom('award_team_members as t')
    .select('t.award_id')
    .where('t.unit_id', 'in', eb.selectFrom('org_units as u').select('u.id').where('u.path', 'like', prefix));
}

/** Resolves the region (default: the first one) and checks the unverified request. */
export async function resolveScope(
  db: Kysely<Database>,
  req: RecapRequest,
): Promise<{ scope: RecapScope; region: Region }> {
  if (req.includeUnverified && req.actor === null)
    throw new AppError(
      'unauthenticated',
      'Rekap dengan data yang belum terverifikasi hanya untuk pengguna yang masuk (sign in); publik melihat data terverifikasi.',
    );
  const region = await getRegion(db, req.region ?? actorRegionCode(req.actor));
  if (!region) {
    if (req.region)
      throw invalid([
        {
          field: 'region',
          message: `Wilayah "${req.region}" tidak ada; pakai kode Kemendagri seperti 36.71`,
        },
      ]);
    throw notFound('Wilayah', '(belum ada satu pun; jalankan `prestasi demo` atau buat wilayah)');
  }
  return {
    region,
    scope: { regionCode: region.code, actor: req.actor, includeUnverified: req.includeUnverified === true },
  };
}

/**
 * A unit's scope, read alike by its report card and its series list: its subtree's awards (team
 * awards included) or, without sub-units, its own only, in the unit's region. 404 when the
 * reader sees no such unit (a signed-in reader's units are its regions').
 */
export async function resolveUnitScope(
  db: Kysely<Database>,
  req: Pick<RecapRequest, 'actor' | 'includeUnverified'>,
  unitId: number,
  includeSubunits: boolean,
) {
  const unit = await db.selectFrom('org_units').selectAll().where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw notFound('Unit', unitId);
  const { scope, region } = await resolveScope(db, {
    actor: req.actor,
    includeUnverified: req.includeUnverified,
    region: regionCodeOf(unit.region_id),
  });
  const unitScope: RecapScope = includeSubunits
    ? { ...scope, unitPath: unit.path }
    : { ...scope, unitId: unit.id };
  return { unit, region, scope: unitScope };
}
