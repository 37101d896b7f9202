// When an admin adds a scale version, the awards of the years it covers are graded again by
// it: grades are never typed by hand, so a verified award is re-graded too (its audit event
// says so). Everything happens inside the caller's transaction: one award that the new version
// cannot grade (score outside every band) refuses the whole version, nothing half-done.

import type { Kysely } from 'kysely';
import { nowIso } from '../../db/now.ts';
import type { AwardRow, Database } from '../../db/schema.ts';
import {
  type GradeResult,
  gradeOpinion,
  gradeScore,
  type Scale,
  type ScaleVersion,
} from '../../domain/grading/index.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { type ErrorDetail, invalid } from '../errors.ts';
import { gradeErrorMessage } from './messages.ts';

export interface RegradeResult {
  /** Awards whose grade columns changed (each has a 'regrade' audit event). */
  regraded: number[];
  /** Awards in the years covered whose grade stayed the same (or that have no score). */
  unchanged: number;
}

function gradeOf(scale: Scale, award: AwardRow): GradeResult | null {
  if (scale.kind === 'ordinal') {
    return award.status_label ? gradeOpinion(scale, award.status_label, award.edition_year) : null;
  }
  return award.score === null ? null : gradeScore(scale, award.edition_year, award.score);
}

/** Re-grades the awards of `scale` whose edition year falls in `version`'s years. */
export async function regradeCovered(
  trx: Kysely<Database>,
  actor: Actor,
  scale: Scale,
  version: ScaleVersion,
): Promise<RegradeResult> {
  let q = trx.selectFrom('awards').selectAll().where('scale_id', '=', scale.id);
  if (version.validFromYear !== null) q = q.where('edition_year', '>=', version.validFromYear);
  if (version.validToYear !== null) q = q.where('edition_year', '<=', version.validToYear);
  const awards = await q.orderBy('id').execute();

  const failures: ErrorDetail[] = [];
  const changes: {
    before: AwardRow;
    columns: Pick<AwardRow, 'scale_version' | 'grade_code' | 'grade_label' | 'grade_zone'>;
  }[] = [];
  for (const award of awards) {
    const result = gradeOf(scale, award);
    if (result === null) continue;
    if (!result.ok) {
      failures.push({
        field: 'bands',
        message: `Penghargaan #${award.id} "${award.title}" (${award.edition_year}) tidak bisa dinilai oleh versi ${version.version}: ${gradeErrorMessage(result.error)} Perbaiki pitanya atau nilai penghargaan itu dulu.`,
        detail: result.error.message,
        code: 'award-outside-bands',
        awardId: award.id,
      });
      continue;
    }
    const g = result.grade;
    const columns = {
      scale_version: g.version,
      grade_code: g.code,
      grade_label: g.label,
      grade_zone: g.zone,
    };
    if (
      award.scale_version !== columns.scale_version ||
      award.grade_code !== columns.grade_code ||
      award.grade_label !== columns.grade_label ||
      award.grade_zone !== columns.grade_zone
    ) {
      changes.push({ before: award, columns });
    }
  }
  if (failures.length)
    throw invalid(
      failures,
      `Versi ${version.version} ditolak: ${failures.length} penghargaan yang sudah tercatat tidak masuk pita mana pun.`,
    );

  const now = nowIso();
  for (const { before, columns } of changes) {
    const after = await trx
      .updateTable('awards')
      .set({ ...columns, version: before.version + 1, updated_by: actor.id, updated_at: now })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'award',
      entityId: before.id,
      action: 'regrade',
      before,
      after,
      reason:
        `Dinilai ulang: skala ${scale.id} versi ${version.version} berlaku untuk tahun ${before.edition_year}` +
        (before.state === 'verified'
          ? ' (penghargaan terverifikasi ikut dinilai ulang karena nilai tidak pernah diisi manual)'
          : ''),
    });
  }
  return { regraded: changes.map((c) => c.before.id), unchanged: awards.length - changes.length };
}
