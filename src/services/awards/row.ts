import type { AwardRow } from '../../db/schema.ts';
import { type AwardValues, VALUE_FIELDS, type ValueField } from '../../domain/awards/fields.ts';

// The value fields between an award's input (camelCase, booleans) and its `awards` row
// (snake_case columns, 0/1), walked from the field catalogue so a new field needs no code here.

type Loose = Record<string, unknown>;

function toColumn(f: ValueField, v: unknown): unknown {
  if (v === undefined || v === null) {
    if (f.default === undefined) return null;
    v = f.default;
  }
  return f.type === 'boolean' ? (v ? 1 : 0) : v;
}

function fromColumn(f: ValueField, v: unknown): unknown {
  if (v === null || v === undefined) return f.type === 'boolean' ? f.default === true : null;
  return f.type === 'boolean' ? v === 1 || v === true : v;
}

/** The columns of the value fields for an input; a left-out field is null or its default. */
export function valueColumns(input: Partial<AwardValues>): Loose {
  const out: Loose = {};
  for (const f of VALUE_FIELDS) out[f.column] = toColumn(f, (input as Loose)[f.key]);
  return out;
}

/** The value fields of a stored row, as the award's input and output name them. */
export function valuesFromRow(row: AwardRow): AwardValues {
  const out: Loose = {};
  for (const f of VALUE_FIELDS) out[f.key] = fromColumn(f, (row as unknown as Loose)[f.column]);
  return out as AwardValues;
}
