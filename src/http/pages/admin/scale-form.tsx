import type { Band, Scale, ScaleVersion } from '../../../domain/grading/index.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';

// The form that adds a grading-scale version: its years and legal basis as fields, and its
// bands as a table (code, label, lower and upper edge with "included" ticks, zone, rank) —
// no JSON to type. It opens filled with the latest version, plus empty rows for new bands;
// the posted form is read back into the API's shape, so the same checks apply.

/** Empty rows offered under the latest version's bands. */
const SPARE_ROWS = 3;
const ZONES = ['hijau', 'kuning', 'merah'] as const;

/** Form values ('b3_lower' …) for a version: the starting point of the form. */
export function versionValues(last: ScaleVersion | undefined): Record<string, string> {
  const v: Record<string, string> = {
    version: last ? `${Number(last.version) + 1 || `${last.version}-baru`}` : '1',
    validFromYear: String(
      last ? (last.validToYear ?? last.validFromYear ?? 2025) + 1 : new Date().getFullYear(),
    ),
    validToYear: '',
    legalBasis: last?.legalBasis ?? '',
    source: last?.source ?? '',
    precision: last?.precision !== undefined ? String(last.precision) : '',
  };
  (last?.bands ?? []).forEach((b, i) => {
    Object.assign(v, {
      [`b${i}_from`]: b.code,
      [`b${i}_code`]: b.code,
      [`b${i}_label`]: b.label,
      [`b${i}_lower`]: String(b.lower),
      [`b${i}_upper`]: String(b.upper),
      [`b${i}_zone`]: b.zone ?? '',
      [`b${i}_ordinal`]: b.ordinal !== undefined ? String(b.ordinal) : '',
    });
    if (b.lowerInclusive) v[`b${i}_lowerInclusive`] = '1';
    if (b.upperInclusive) v[`b${i}_upperInclusive`] = '1';
  });
  return v;
}

/** How many band rows the values hold (filled or offered). */
const rowCount = (values: Record<string, string>) => {
  let n = 0;
  for (const key of Object.keys(values)) {
    const m = /^b(\d+)_/.exec(key);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
};

/** "75,12" and "75.12" are both 75.12; an empty cell is NaN, which the checks name. */
const number = (s: string | undefined) => (s?.trim() ? Number(s.trim().replace(',', '.')) : Number.NaN);

/**
 * The posted form as a version in the API's shape. A row with neither code nor label is
 * skipped; a row that started as a band of the latest version keeps that band's aliases,
 * name and colour (not shown in the table).
 */
export function versionFromForm(values: Record<string, string>, last: ScaleVersion | undefined): unknown {
  const bands: Partial<Band>[] = [];
  for (let i = 0; i < rowCount(values); i++) {
    const cell = (k: string) => values[`b${i}_${k}`]?.trim() ?? '';
    if (!cell('code') && !cell('label')) continue;
    const before = last?.bands.find((b) => b.code === cell('from'));
    const ordinal = cell('ordinal');
    bands.push({
      ...(before?.name ? { name: before.name } : {}),
      ...(before?.aliases ? { aliases: before.aliases } : {}),
      ...(before?.color ? { color: before.color } : {}),
      code: cell('code'),
      label: cell('label'),
      lower: number(cell('lower')),
      lowerInclusive: cell('lowerInclusive') === '1',
      upper: number(cell('upper')),
      upperInclusive: cell('upperInclusive') === '1',
      zone: (ZONES as readonly string[]).includes(cell('zone')) ? (cell('zone') as Band['zone']) : null,
      ...(ordinal ? { ordinal: number(ordinal) } : {}),
    });
  }
  const to = values.validToYear?.trim();
  return {
    version: values.version?.trim() ?? '',
    validFromYear: values.validFromYear?.trim() ? number(values.validFromYear) : null,
    validToYear: to ? number(to) : null,
    legalBasis: values.legalBasis ?? '',
    source: values.source ?? '',
    ...(values.precision?.trim() ? { precision: number(values.precision) } : {}),
    bands,
  };
}

/** A column of the band table: its heading, and the input each row has under it. */
interface BandColumn {
  key: string;
  head: string;
  /** What the input is for screen readers when the heading says too little (the row number is added). */
  name?: string;
  input: 'text' | 'check' | 'zone';
  inputmode?: 'decimal' | 'numeric';
  size?: number;
}

function bandColumns(l: Locale, ordinal: boolean): BandColumn[] {
  const included = tr(l, 'Termasuk', 'Included');
  const edge = { input: 'text', inputmode: 'decimal', size: 7 } as const;
  return [
    { key: 'code', head: tr(l, 'Kode', 'Code'), input: 'text', size: 6 },
    { key: 'label', head: tr(l, 'Predikat', 'Label'), input: 'text' },
    { key: 'lower', head: tr(l, 'Batas bawah', 'Lower edge'), ...edge },
    {
      key: 'lowerInclusive',
      head: included,
      name: tr(l, 'Batas bawah termasuk', 'Lower edge included'),
      input: 'check',
    },
    { key: 'upper', head: tr(l, 'Batas atas', 'Upper edge'), ...edge },
    {
      key: 'upperInclusive',
      head: included,
      name: tr(l, 'Batas atas termasuk', 'Upper edge included'),
      input: 'check',
    },
    { key: 'zone', head: tr(l, 'Zona', 'Zone'), input: 'zone' },
    ...(ordinal
      ? [
          {
            key: 'ordinal',
            head: tr(l, 'Urutan', 'Rank'),
            input: 'text',
            inputmode: 'numeric',
            size: 3,
          } as const,
        ]
      : []),
  ];
}

function BandCell({
  col,
  row,
  values,
  l,
}: {
  col: BandColumn;
  row: number;
  values: Record<string, string>;
  l: Locale;
}) {
  const name = `b${row}_${col.key}`;
  const label = `${col.name ?? col.head}, ${tr(l, 'baris', 'row')} ${row + 1}`;
  if (col.input === 'check')
    return <input type="checkbox" name={name} value="1" checked={values[name] === '1'} aria-label={label} />;
  if (col.input === 'zone')
    return (
      <select name={name} aria-label={label}>
        <option value="">—</option>
        {ZONES.map((z) => (
          <option value={z} selected={values[name] === z}>
            {tr(
              l,
              `Zona ${z[0].toUpperCase()}${z.slice(1)}`,
              { hijau: 'Green', kuning: 'Yellow', merah: 'Red' }[z],
            )}
          </option>
        ))}
      </select>
    );
  return (
    <input
      type="text"
      name={name}
      value={values[name] ?? ''}
      inputmode={col.inputmode}
      size={col.size}
      aria-label={label}
    />
  );
}

export function VersionForm({
  scale,
  values,
  l,
}: {
  scale: Scale;
  values: Record<string, string>;
  l: Locale;
}) {
  const id = (k: string) => `${scale.id}-${k}`;
  const rows = Array.from({ length: rowCount(values) + SPARE_ROWS }, (_, i) => i);
  const columns = bandColumns(l, scale.kind === 'ordinal');
  const field = (name: string, label: string, hint?: string, inputmode?: 'numeric') => (
    <div class="field">
      <label for={id(name)}>{label}</label>
      {hint ? <p class="hint">{hint}</p> : null}
      <input type="text" id={id(name)} name={name} value={values[name] ?? ''} inputmode={inputmode} />
    </div>
  );
  return (
    <>
      <div class="row">
        {field('version', tr(l, 'Nama versi', 'Version name'))}
        {field('validFromYear', tr(l, 'Berlaku mulai tahun', 'In force from year'), undefined, 'numeric')}
        {field(
          'validToYear',
          tr(l, 'Sampai tahun', 'Until year'),
          tr(l, 'Kosongkan bila masih berlaku', 'Leave empty while in force'),
          'numeric',
        )}
      </div>
      {field('legalBasis', tr(l, 'Dasar hukum', 'Legal basis'))}
      {field('source', tr(l, 'Sumber', 'Source'))}
      <div class="table-wrap">
        <table class="band-table">
          <caption>{tr(l, 'Pita nilai (satu baris per predikat)', 'Bands (one row per grade)')}</caption>
          <thead>
            <tr>
              {columns.map((col) => (
                <th scope="col">{col.head}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr>
                {columns.map((col, n) => (
                  <td>
                    {n === 0 ? (
                      <input type="hidden" name={`b${i}_from`} value={values[`b${i}_from`] ?? ''} />
                    ) : null}
                    <BandCell col={col} row={i} values={values} l={l} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">
        {tr(
          l,
          'Baris yang kode dan predikatnya kosong dilewati. Angka boleh dengan koma (75,12). Pita harus bersambung tanpa celah atau tumpang tindih.',
          'Rows with neither code nor label are skipped. Numbers may use a decimal comma (75,12). Bands must join with no gap or overlap.',
        )}
      </p>
    </>
  );
}
