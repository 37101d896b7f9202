// Grades one score or opinion with the scales in the database (so an admin's new version
// counts at once). The workspace form calls it while the operator types the score.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Grade, gradeOpinion, gradeScore } from '../../domain/grading/index.ts';
import { invalid } from '../errors.ts';
import { loadScale } from '../grading.ts';
import { gradeErrorMessage } from './messages.ts';

export interface GradeQuery {
  scaleId: string;
  year: number;
  score?: number | null;
  opinion?: string | null;
}

export async function gradeQuery(db: Kysely<Database>, q: GradeQuery): Promise<Grade> {
  const scale = await loadScale(db, q.scaleId);
  if (!scale)
    throw invalid([
      { field: 'scaleId', message: `Skala "${q.scaleId}" tidak dikenal; lihat /api/v1/scales` },
    ]);
  const hasScore = q.score !== undefined && q.score !== null;
  const hasOpinion = q.opinion !== undefined && q.opinion !== null && q.opinion.trim() !== '';
  if (scale.kind === 'ordinal' && !hasOpinion)
    throw invalid([
      { field: 'opinion', message: `Skala ${scale.id} menilai opini: kirim "opinion", mis. "WTP".` },
    ]);
  if (scale.kind === 'numeric' && !hasScore)
    throw invalid([
      { field: 'score', message: `Skala ${scale.id} menilai angka: kirim "score", mis. 94.76.` },
    ]);
  const result =
    scale.kind === 'ordinal' ? gradeOpinion(scale, q.opinion!, q.year) : gradeScore(scale, q.year, q.score!);
  if (!result.ok) {
    const e = result.error;
    const field =
      e.kind === 'no-version-for-year' || e.kind === 'invalid-year'
        ? 'year'
        : scale.kind === 'ordinal'
          ? 'opinion'
          : 'score';
    throw invalid([{ field, message: gradeErrorMessage(e), detail: e.message, kind: e.kind }]);
  }
  return result.grade;
}
