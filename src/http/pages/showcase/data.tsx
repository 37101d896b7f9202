import { formatNumber } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import { OPEN_DICTIONARY } from '../../../services/exports/open-dictionary.ts';
import { REPORT_MAX_AWARDS } from '../../../services/exports/report-cap.ts';
import type { Region } from '../../../services/units.ts';
import { Layout } from './layout.tsx';
import { href, link } from './links.ts';
import { REGIONS_NAV } from './regions-words.ts';
import type { View } from './view.ts';

/**
 * Open data of one region (its base and code), or of every region (the deployment's /data,
 * which also lists each region's own page).
 */
export function DataPage({
  v,
  rows,
  latestYear,
  reportTooLarge = false,
  regions = [],
}: {
  v: View;
  rows: number;
  latestYear: number | null;
  /** The latest year has more awards than one PDF report lists (REPORT_MAX_AWARDS). */
  reportTooLarge?: boolean;
  regions?: Region[];
}) {
  const { locale } = v;
  // The export API takes the region as a parameter (its default is the first region); a
  // single-region install at the root links it as it always did.
  const api = (path: string) => (v.base && v.site.regionCode ? `${path}?region=${v.site.regionCode}` : path);
  const intro = tr(
    locale,
    'Seluruh penghargaan yang telah diverifikasi dan dipublikasikan, bebas diunduh dan digunakan kembali dengan menyebut sumbernya (CC BY 4.0).',
    'Every verified, published award, free to download and reuse with attribution (CC BY 4.0).',
  );
  return (
    <Layout v={v} title={tr(locale, 'Data terbuka', 'Open data')} description={intro} section="data">
      <h1>{tr(locale, 'Data terbuka', 'Open data')}</h1>
      <p class="lead">{intro}</p>
      <ul class="downloads">
        <li>
          <a href={href(v, '/data/penghargaan.csv')} download>
            {tr(locale, 'Penghargaan (CSV)', 'Awards (CSV)')}
          </a>{' '}
          <span class="award-meta">
            {tr(locale, `${formatNumber(rows, locale)} baris`, `${formatNumber(rows, locale)} rows`)}
          </span>
        </li>
        <li>
          <a href={href(v, '/data/penghargaan.json')}>
            {tr(locale, 'Penghargaan dengan metadata (JSON)', 'Awards with metadata (JSON)')}
          </a>
        </li>
        <li>
          <a href={href(v, '/data/kamus-kolom.csv')} download>
            {tr(locale, 'Kamus kolom (CSV)', 'Column dictionary (CSV)')}
          </a>
        </li>
        <li>
          <a href={api('/api/v1/exports/awards.xlsx')}>
            {tr(locale, 'Penghargaan (Excel, XLSX)', 'Awards (Excel, XLSX)')}
          </a>
        </li>
        <li>
          <a href={api('/api/v1/exports/open-data.zip')}>
            {tr(
              locale,
              'Paket data terbuka Satu Data Indonesia (ZIP: data + metadata)',
              'Open-data package, Satu Data Indonesia (ZIP: data + metadata)',
            )}
          </a>
        </li>
        {latestYear && reportTooLarge ? (
          <li>
            {tr(
              locale,
              `Laporan Penghargaan Tahun ${latestYear} (PDF) tidak tersedia: tahun itu memuat lebih dari ${formatNumber(REPORT_MAX_AWARDS, locale)} penghargaan, batas satu laporan PDF. Unduh datanya sebagai Excel atau CSV di atas.`,
              `The ${latestYear} award report (PDF) is not available: that year has more than ${formatNumber(REPORT_MAX_AWARDS, locale)} awards, the most one PDF report lists. Download the data as Excel or CSV above.`,
            )}
          </li>
        ) : latestYear ? (
          <li>
            <a href={api(`/api/v1/exports/report-${latestYear}.pdf`)}>
              {tr(
                locale,
                `Laporan Penghargaan Tahun ${latestYear} (PDF)`,
                `Yearly award report ${latestYear} (PDF, in Indonesian)`,
              )}
            </a>
          </li>
        ) : null}
      </ul>
      {regions.length ? (
        <>
          <h2>{tr(locale, 'Data per daerah', 'Data per region')}</h2>
          <ul class="columns">
            {regions.map((r) => (
              <li>
                <a href={link(`/wilayah/${r.code}/data`, locale)}>{r.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{tr(locale, 'Kamus kolom', 'Column dictionary')}</h2>
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{tr(locale, 'Kolom', 'Column')}</th>
              <th scope="col">{tr(locale, 'Tipe', 'Type')}</th>
              <th scope="col">{tr(locale, 'Arti', 'Meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {OPEN_DICTIONARY.map((c) => (
              <tr>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{c.type}</td>
                <td>{c.description[locale]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

/** The 404 page: a page or award that is not there, or a region code that is not (`region`). */
export function NotFoundPage({ v, region }: { v: View; region?: string }) {
  const text =
    region === undefined
      ? tr(
          v.locale,
          'Halaman atau penghargaan ini tidak ada, atau belum dipublikasikan.',
          'This page or award does not exist, or has not been published.',
        )
      : tr(
          v.locale,
          `Daerah dengan kode "${region}" tidak ada di sini. Pilih daerah dari daftar daerah.`,
          `There is no region with code "${region}" here. Choose one from the list of regions.`,
        );
  return (
    <Layout
      v={v}
      title={tr(v.locale, 'Halaman tidak ditemukan', 'Page not found')}
      description={text}
      section={null}
    >
      <h1>{tr(v.locale, 'Halaman tidak ditemukan', 'Page not found')}</h1>
      <p>{text}</p>
      <p>
        {v.site.regionCode === null ? (
          <a href={link('/', v.locale)}>{REGIONS_NAV[v.locale]}</a>
        ) : (
          <a href={href(v, '/penghargaan')}>{tr(v.locale, 'Daftar Penghargaan', 'Awards')}</a>
        )}
      </p>
    </Layout>
  );
}
