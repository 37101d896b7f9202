import {
  AWARD_FIELDS,
  type AwardFieldDecl,
  type AwardFieldEntry,
  type OpenColumn,
  type ValueField,
} from '../../domain/awards/fields.ts';
import { teamCell } from '../../domain/awards/team.ts';
import type { Award } from '../awards/model.ts';

// The one open-data dictionary: the columns of every open-data file (the /data CSV and JSON,
// the Satu Data package, its datapackage.json), in one order with one name each. The award's
// public fields bring their columns from the catalogue (domain/awards/fields.ts); the record's
// own number, region and verification date frame them.

export type OpenValue = string | number | null;

export interface OpenDictionaryColumn extends OpenColumn {
  value: (a: Award, regionCode: string) => OpenValue;
}

type ReferenceColumnName = Extract<AwardFieldEntry, { kind: 'reference' }>['open'][number]['name'];

/** Values of the reference fields' columns (a new reference column fails to compile until added). */
const REFERENCE_VALUES: Record<ReferenceColumnName, (a: Award) => OpenValue> = {
  kode_pemberi: (a) => a.awardingBody?.code ?? null,
  pemberi: (a) => a.awardingBody?.name ?? a.awardingBodyText,
  kode_bidang: (a) => a.field?.code ?? null,
  bidang: (a) => a.field?.name ?? null,
  kode_unit: (a) => a.unit?.id ?? null,
  unit: (a) => a.unit?.name ?? null,
  tim: (a) => teamCell(a.team),
  versi_skala: (a) => a.scaleVersion,
  predikat: (a) => a.grade?.label ?? null,
  zona: (a) => a.grade?.zone ?? null,
};

function openValue(f: ValueField, a: Award): OpenValue {
  const v = a[f.key as keyof Award] as string | number | boolean | null;
  if (v === null || v === undefined) return null;
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : v;
}

const fieldColumns = (AWARD_FIELDS as readonly AwardFieldDecl[])
  .filter((f) => f.public)
  .flatMap((f) =>
    f.open.map(
      (c): OpenDictionaryColumn => ({
        ...c,
        value:
          f.kind === 'value'
            ? (a) => openValue(f, a)
            : (a) => REFERENCE_VALUES[c.name as ReferenceColumnName](a),
      }),
    ),
  );

export const OPEN_DICTIONARY: readonly OpenDictionaryColumn[] = [
  {
    name: 'id',
    type: 'integer',
    description: { id: 'Nomor catatan di Prestasi (tetap)', en: 'Record number in Prestasi (stable)' },
    value: (a) => a.id,
  },
  {
    name: 'kode_wilayah',
    type: 'string',
    description: { id: 'Kode wilayah Kemendagri', en: 'Kemendagri region code' },
    value: (_a, region) => region,
  },
  ...fieldColumns,
  {
    name: 'tanggal_verifikasi',
    type: 'date',
    description: { id: 'Tanggal diverifikasi (YYYY-MM-DD)', en: 'Date verified (YYYY-MM-DD)' },
    value: (a) => a.verifiedAt?.slice(0, 10) ?? null,
  },
];

export const openColumnNames = () => OPEN_DICTIONARY.map((c) => c.name);

/** One award as an open-data row, in dictionary order. */
export const openRow = (a: Award): OpenValue[] => OPEN_DICTIONARY.map((c) => c.value(a, a.regionCode));

/** One award as an open-data record (JSON), keyed by column name. */
export const openRecord = (a: Award): Record<string, OpenValue> =>
  Object.fromEntries(OPEN_DICTIONARY.map((c) => [c.name, c.value(a, a.regionCode)]));

/** The choices a column may hold (tingkat, jenis_penerima), for the table schema's constraints. */
export function openChoices(name: string): readonly string[] | undefined {
  for (const f of AWARD_FIELDS as readonly AwardFieldDecl[])
    if (f.kind === 'value' && f.choices && f.open.some((c) => c.name === name)) return f.choices;
  return undefined;
}
