import type { Context } from 'hono';
import { tr } from '../../../domain/i18n.ts';
import { recapDefaultYear } from '../../../services/recap/queries.ts';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';
import { type FormState, SelectField, TextField } from '../ui/forms.tsx';
import { page } from '../ui/page.tsx';

// Exports: the award list as CSV, Excel or JSON (same filters and rights as the list), the
// open-data package, and the yearly PDF report. The files come from the export API; this
// page builds the links with a GET form so the choice is a shareable URL.

export async function exportsPage(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const l = c.get('locale');
  // The year offered first: this year once it has a verified award, else the latest that has.
  const headline = await recapDefaultYear(c.get('deps').db.db, {
    regionCode: null,
    actor,
    includeUnverified: false,
  });
  const year = c.req.query('year') ?? String(headline);
  const state = c.req.query('state') ?? 'verified';
  const valid = /^\d{4}$/.test(year) ? year : '';
  const query = new URLSearchParams({ ...(valid ? { year: valid } : {}), ...(state ? { state } : {}) });
  const values = { year, state };
  const form: FormState = {
    values,
    errors:
      valid || !year ? {} : { year: [tr(l, 'Tahun empat angka, mis. 2025', 'A four-digit year, e.g. 2025')] },
  };
  return page(
    c,
    { title: tr(l, 'Ekspor data', 'Export data'), section: 'export' },
    <>
      <h1>{tr(l, 'Ekspor data', 'Export data')}</h1>
      <form method="get" action="/kerja/ekspor" class="filters">
        <div class="row">
          <TextField name="year" label={tr(l, 'Tahun', 'Year')} state={form} inputmode="numeric" />
          <SelectField
            name="state"
            label={tr(l, 'Status', 'State')}
            state={form}
            empty={tr(l, 'Semua yang boleh Anda lihat', 'Everything you may see')}
            options={[
              { value: 'verified', label: tr(l, 'Terverifikasi', 'Verified') },
              { value: 'submitted', label: tr(l, 'Menunggu verifikasi', 'Awaiting verification') },
              { value: 'draft', label: tr(l, 'Draf', 'Draft') },
              { value: 'returned', label: tr(l, 'Dikembalikan', 'Returned') },
            ]}
          />
        </div>
        <button type="submit" class="secondary">
          {tr(l, 'Perbarui tautan', 'Update links')}
        </button>
      </form>
      <div class="grid">
        <section class="card" aria-labelledby="h-list">
          <h2 id="h-list">{tr(l, 'Daftar penghargaan', 'Award list')}</h2>
          <ul>
            <li>
              <a href={`/api/v1/exports/awards.xlsx?${query}`}>Excel (.xlsx)</a>
            </li>
            <li>
              <a
                href={`/api/v1/exports/awards.csv?${new URLSearchParams([...query, ['dialect', 'excel-id']])}`}
              >
                {tr(
                  l,
                  'CSV untuk Excel berbahasa Indonesia (titik koma)',
                  'CSV for Excel in Indonesian settings (semicolons)',
                )}
              </a>
            </li>
            <li>
              <a href={`/api/v1/exports/awards.csv?${query}`}>
                {tr(l, 'CSV standar (koma)', 'Standard CSV (commas)')}
              </a>
            </li>
            <li>
              <a href={`/api/v1/exports/awards.json?${query}`}>JSON</a>
            </li>
          </ul>
        </section>
        <section class="card" aria-labelledby="h-report">
          <h2 id="h-report">{tr(l, 'Laporan tahunan (PDF)', 'Yearly report (PDF)')}</h2>
          {valid ? (
            <>
              <p>
                <a href={`/api/v1/exports/report-${valid}.pdf`}>
                  {tr(l, `Laporan Penghargaan Tahun ${valid}`, `Awards report ${valid}`)}
                </a>
              </p>
              <p class="hint">
                {tr(
                  l,
                  'A4 dengan kop daerah: angka tahun itu dibanding tahun sebelumnya, tren sejak berdiri, grafik per bidang, tingkat dan pemberi, dan daftar penghargaan. Ganti tahun di atas untuk tahun lain.',
                  "A4 with the region's letterhead: the year's numbers against the year before, the trend since the founding, charts by field, level and giver, and the list of awards. Change the year above for another year.",
                )}
              </p>
            </>
          ) : (
            <p class="muted">{tr(l, 'Isi tahun dulu.', 'Enter a year first.')}</p>
          )}
        </section>
        <section class="card" aria-labelledby="h-open">
          <h2 id="h-open">{tr(l, 'Data terbuka', 'Open data')}</h2>
          <p>
            <a href="/api/v1/exports/open-data.zip">
              {tr(l, 'Paket data terbuka (Satu Data Indonesia)', 'Open-data package (Satu Data Indonesia)')}
            </a>
          </p>
          <p class="hint">
            {tr(
              l,
              'Hanya catatan terverifikasi dan publik, dengan metadata dan kamus kolom.',
              'Verified public records only, with metadata and column dictionary.',
            )}
          </p>
        </section>
      </div>
    </>,
  );
}
