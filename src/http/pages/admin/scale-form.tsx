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
  const ordinal = scale.kind === 'ordinal';
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
              <th scope="col">{tr(l, 'Kode', 'Code')}</th>
              <th scope="col">{tr(l, 'Predikat', 'Label')}</th>
              <th scope="col">{tr(l, 'Batas bawah', 'Lower edge')}</th>
              <th scope="col">{tr(l, 'Termasuk', 'Included')}</th>
              <th scope="col">{tr(l, 'Batas atas', 'Upper edge')}</th>
              <th scope="col">{tr(l, 'Termasuk', 'Included')}</th>
              <th scope="col">{tr(l, 'Zona', 'Zone')}</th>
              {ordinal ? <th scope="col">{tr(l, 'Urutan', 'Rank')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => {
              const name = (k: string) => `b${i}_${k}`;
              const label = (what: string) => `${what}, ${tr(l, 'baris', 'row')} ${i + 1}`;
              return (
                <tr>
                  <td>
                    <input type="hidden" name={name('from')} value={values[name('from')] ?? ''} />
                    <input
                      type="text"
                      name={name('code')}
                      value={values[name('code')] ?? ''}
                      aria-label={label(tr(l, 'Kode', 'Code'))}
                      size={6}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      name={name('label')}
                      value={values[name('label')] ?? ''}
                      aria-label={label(tr(l, 'Predikat', 'Label'))}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      name={name('lower')}
                      value={values[name('lower')] ?? ''}
                      inputmode="decimal"
                      size={7}
                      aria-label={label(tr(l, 'Batas bawah', 'Lower edge'))}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name={name('lowerInclusive')}
                      value="1"
                      checked={values[name('lowerInclusive')] === '1'}
                      aria-label={label(tr(l, 'Batas bawah termasuk', 'Lower edge included'))}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      name={name('upper')}
                      value={values[name('upper')] ?? ''}
                      inputmode="decimal"
                      size={7}
                      aria-label={label(tr(l, 'Batas atas', 'Upper edge'))}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name={name('upperInclusive')}
                      value="1"
                      checked={values[name('upperInclusive')] === '1'}
                      aria-label={label(tr(l, 'Batas atas termasuk', 'Upper edge included'))}
                    />
                  </td>
                  <td>
                    <select name={name('zone')} aria-label={label(tr(l, 'Zona', 'Zone'))}>
                      <option value="">—</option>
                      {ZONES.map((z) => (
                        <option value={z} selected={values[name('zone')] === z}>
                          {tr(
                            l,
                            `Zona ${z[0].toUpperCase()}${z.slice(1)}`,
                            { hijau: 'Green', kuning: 'Yellow', merah: 'Red' }[z],
                          )}
                        </option>
                      ))}
                    </select>
                  </td>
                  {ordinal ? (
                    <td>
                      <input
                        type="text"
                        name={name('ordinal')}
                        value={values[name('ordinal')] ?? ''}
                        inputmode="numeric"
                        size={3}
                        aria-label={label(tr(l, 'Urutan', 'Rank'))}
                      />
                    </td>
                  ) : null}
                </tr>
              );
            })}
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
