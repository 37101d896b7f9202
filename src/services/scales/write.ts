// Admins add scales and scale versions. A version whose bands leave a gap or overlap is refused
// (422, the bands named); one whose years collide with another version is a conflict (409)
// unless `supersede` asks to end the older open version the year before. Saving a version
// re-grades the awards of its years in the same transaction.

import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { nowIso } from '../../db/now.ts';
import { scaleRow, versionRow } from '../../db/scales.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  type Scale,
  type ScaleProblem,
  type ScaleVersion,
  type scaleSchema,
  type scaleVersionSchema,
  validateNewVersion,
  validateScale,
} from '../../domain/grading/index.ts';
import { assertAdmin } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { loadScale } from '../grading.ts';
import { problemDetails } from './messages.ts';
import { type RegradeResult, regradeCovered } from './regrade.ts';

export type NewScale = z.output<typeof scaleSchema>;
export type NewScaleVersion = z.output<typeof scaleVersionSchema>;

/** Problems about years and names are conflicts with what exists; the rest are bad input. */
const YEAR_PROBLEMS = new Set<ScaleProblem['code']>(['versions-overlap', 'duplicate-version']);

export async function createScale(
  db: Kysely<Database>,
  actor: Actor,
  input: NewScale,
): Promise<{ scale: Scale; regraded: number[] }> {
  assertAdmin(actor);
  const scale: Scale = { ...input, versions: input.versions.map(clean) };
  const checked = validateScale(scale);
  if (!checked.ok)
    throw invalid(
      scale.versions
        .flatMap((v) =>
          problemDetails(
            checked.problems.filter((p) => !p.versions || p.versions.includes(v.version)),
            v,
          ),
        )
        .filter((d, i, all) => all.findIndex((x) => x.detail === d.detail) === i),
      'Skala ditolak: perbaiki pita nilai atau tahun berlaku yang disebut.',
    );
  return inTransaction(db, async (trx) => {
    const giver = await trx
      .selectFrom('awarding_bodies')
      .select('id')
      .where('code', '=', scale.giverCode)
      .executeTakeFirst();
    if (!giver)
      throw invalid([
        {
          field: 'giverCode',
          message: `Pemberi "${scale.giverCode}" tidak dikenal; pakai kode dari daftar pemberi penghargaan.`,
        },
      ]);
    if (await trx.selectFrom('scales').select('id').where('id', '=', scale.id).executeTakeFirst())
      throw conflict(
        `Skala "${scale.id}" sudah ada; tambahkan versi baru lewat /api/v1/scales/${scale.id}/versions.`,
      );
    const now = nowIso();
    await trx
      .insertInto('scales')
      .values(scaleRow(scale, false, now))
      .execute();
    for (const v of scale.versions)
      await trx
        .insertInto('scale_versions')
        .values(versionRow(scale.id, v, now))
        .execute();
    await recordAudit(trx, actor, {
      entityType: 'scale',
      entityId: scale.id,
      action: 'create',
      after: scale,
    });
    const regraded: number[] = [];
    for (const v of scale.versions) regraded.push(...(await regradeCovered(trx, actor, scale, v)).regraded);
    return { scale, regraded };
  });
}

export interface AddVersionResult extends RegradeResult {
  scale: Scale;
  version: ScaleVersion;
  /** Older versions whose last year was set to the year before the new one. */
  superseded: { version: string; validToYear: number }[];
}

export async function addScaleVersion(
  db: Kysely<Database>,
  actor: Actor,
  scaleId: string,
  input: NewScaleVersion,
  options: { supersede?: boolean } = {},
): Promise<AddVersionResult> {
  assertAdmin(actor);
  const candidate = clean(input);
  return inTransaction(db, async (trx) => {
    const stored = await loadScale(trx, scaleId);
    if (!stored) throw notFound('Skala', scaleId);
    const superseded = options.supersede ? supersede(stored, candidate) : [];
    const scale: Scale = {
      ...stored,
      versions: stored.versions.map((v) => {
        const s = superseded.find((x) => x.version === v.version);
        return s ? { ...v, validToYear: s.validToYear } : v;
      }),
    };
    const { problems } = validateNewVersion(scale, candidate);
    const bandProblems = problems.filter((p) => !YEAR_PROBLEMS.has(p.code));
    if (bandProblems.length)
      throw invalid(
        problemDetails(bandProblems, candidate),
        `Versi ${candidate.version} ditolak: ${bandProblems.length} masalah pada pita nilainya; rincian tiap masalah menyertai pesan ini.`,
      );
    if (problems.length)
      throw conflict(
        `Versi ${candidate.version} bentrok dengan versi yang ada: ${problems.length === 1 ? 'tahunnya' : 'nama atau tahunnya'} sudah diatur; rinciannya menyertai pesan ini.`,
        problemDetails(problems, candidate),
      );

    const now = nowIso();
    for (const s of superseded) {
      await trx
        .updateTable('scale_versions')
        .set({ valid_to_year: s.validToYear })
        .where('scale_id', '=', scaleId)
        .where('version', '=', s.version)
        .execute();
      await recordAudit(trx, actor, {
        entityType: 'scale',
        entityId: scaleId,
        action: 'supersede-version',
        before: stored.versions.find((v) => v.version === s.version),
        after: { version: s.version, validToYear: s.validToYear },
        reason: `Digantikan versi ${candidate.version} mulai ${candidate.validFromYear}`,
      });
    }
    await trx
      .insertInto('scale_versions')
      .values(versionRow(scaleId, candidate, now))
      .execute();
    await recordAudit(trx, actor, {
      entityType: 'scale',
      entityId: scaleId,
      action: 'add-version',
      after: candidate,
    });
    const full: Scale = { ...scale, versions: [...scale.versions, candidate] };
    const regrade = await regradeCovered(trx, actor, full, candidate);
    return { scale: full, version: candidate, superseded, ...regrade };
  });
}

/**
 * With `supersede`, a version still in force when the candidate starts is ended the year
 * before — only when it does not outlast the candidate (that would leave later years
 * without a version they had).
 */
function supersede(scale: Scale, candidate: ScaleVersion): { version: string; validToYear: number }[] {
  const from = candidate.validFromYear;
  if (from === null) return [];
  const end = (v: ScaleVersion) => v.validToYear ?? Number.POSITIVE_INFINITY;
  return scale.versions
    .filter(
      (v) =>
        (v.validFromYear ?? Number.NEGATIVE_INFINITY) < from && end(v) >= from && end(v) <= end(candidate),
    )
    .map((v) => ({ version: v.version, validToYear: from - 1 }));
}

/** Drops undefined optional keys so the stored JSON stays tidy. */
function clean(v: NewScaleVersion): ScaleVersion {
  return JSON.parse(JSON.stringify(v)) as ScaleVersion;
}
