import { nowIso } from '../../db/now.ts';
import type { AwardRow } from '../../db/schema.ts';
import type { ValueEntry } from '../../domain/awards/fields.ts';
import type { ErrorDetail } from '../errors.ts';
import type { GradeColumns } from '../grading.ts';
import { type ResolvedRefs, seriesKeyFor } from './references.ts';
import { valueColumns } from './row.ts';
import type { CreateAward } from './schemas.ts';

// The rules every award write keeps, whoever writes it: the API, the web form and the
// spreadsheet import (services/imports/rows.ts calls these same functions, row by row).

/** Problems with the record as a whole (not one field's format), named by input field. */
export function awardRuleProblems(
  input: {
    recipientKind?: CreateAward['recipientKind'] | null;
    unitId?: number | null;
    team?: readonly unknown[] | null;
    receivedOn?: string | null;
    editionYear: number;
  },
  /** Today as YYYY-MM-DD; an import checking 10,000 rows passes it once instead of asking each time. */
  today: string = nowIso().slice(0, 10),
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const kind = input.recipientKind ?? 'region';
  if (kind === 'unit' && !input.unitId)
    problems.push({
      field: 'unitId',
      message: 'Penerima jenis "unit" butuh unit penerimanya (unitId; kolom Penerima di impor)',
    });
  if (kind === 'team' && !input.team?.length)
    problems.push({
      field: 'team',
      message: 'Penerima jenis "tim" butuh minimal satu anggota tim (unit atau orang)',
    });
  if (input.receivedOn && input.receivedOn > today)
    problems.push({ field: 'receivedOn', message: 'Tanggal diterima tidak boleh di masa depan' });
  if (input.receivedOn && Math.abs(Number(input.receivedOn.slice(0, 4)) - input.editionYear) > 2)
    problems.push({
      field: 'receivedOn',
      message: `Tanggal diterima ${input.receivedOn} terlalu jauh dari tahun edisi ${input.editionYear}; periksa tahun edisi atau tanggalnya`,
    });
  return problems;
}

/** The `awards` columns the catalogue's value fields fill (a column missing here fails to compile). */
type ValueColumns = Pick<AwardRow, ValueEntry['column']>;

/** The content columns of an award row: value fields, resolved references, computed grade. */
export function awardRowValues(input: CreateAward, refs: ResolvedRefs, grade: GradeColumns) {
  const kind = input.recipientKind ?? 'region';
  const recipientKey = kind === 'region' ? refs.regionCode : `u${refs.unitId ?? 0}`;
  // Filled in place rather than spread into a new object: an import builds 10,000 of these.
  return Object.assign(valueColumns(input) as ValueColumns, {
    region_id: refs.regionId,
    awarding_body_id: refs.awardingBodyId,
    field_id: refs.fieldId,
    unit_id: refs.unitId,
    unit_path: refs.unitPath,
    ...grade,
    series_key: input.seriesKey ?? seriesKeyFor(refs.awardingBodyCode, input.programme ?? null, recipientKey),
  });
}

export type AwardRowValues = ReturnType<typeof awardRowValues>;
