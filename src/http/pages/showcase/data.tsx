import { tr } from '../../../domain/i18n.ts';
import { OPEN_DICTIONARY } from '../../../services/exports/open-dictionary.ts';
import type { Region } from '../../../services/units.ts';
import { formatNum, href, link } from './format.ts';
import { Layout } from './layout.tsx';
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
  regions = [],
}: {
  v: View;
  rows: number;
  latestYear: number | null;
  regions?: Region[];
}) {
  const { t, locale } = v;
  // The export API takes the region as a parameter (its default is the first region); a
  // single-region install at the root links it as it always did.
  const api = (path: string) => (v.base && v.site.regionCode ? `${path}?region=${v.site.regionCode}` : path);
  return (
    <Layout v={v} title={t.dataTitle} description={t.dataIntro} section="data">
      <h1>{t.dataTitle}</h1>
      <p class="lead">{t.dataIntro}</p>
      <ul class="downloads">
        <li>
          <a href={href(v, '/data/penghargaan.csv')} download>
            {t.dataCsv}
          </a>{' '}
          <span class="award-meta">{t.dataRows(formatNum(rows, locale))}</span>
        </li>
        <li>
          <a href={href(v, '/data/penghargaan.json')}>{t.dataJson}</a>
        </li>
        <li>
          <a href={href(v, '/data/kamus-kolom.csv')} download>
            {t.dataDictionary}
          </a>
        </li>
        <li>
          <a href={api('/api/v1/exports/awards.xlsx')}>{t.dataXlsx}</a>
        </li>
        <li>
          <a href={api('/api/v1/exports/open-data.zip')}>{t.dataPackage}</a>
        </li>
        {latestYear ? (
          <li>
            <a href={api(`/api/v1/exports/report-${latestYear}.pdf`)}>{t.dataReport(latestYear)}</a>
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
      <h2>{t.dataColumns}</h2>
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.type}</th>
              <th scope="col">{t.meaning}</th>
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
      ? v.t.notFoundText
      : tr(
          v.locale,
          `Daerah dengan kode "${region}" tidak ada di sini. Pilih daerah dari daftar daerah.`,
          `There is no region with code "${region}" here. Choose one from the list of regions.`,
        );
  return (
    <Layout v={v} title={v.t.notFoundTitle} description={text} section={null}>
      <h1>{v.t.notFoundTitle}</h1>
      <p>{text}</p>
      <p>
        {v.site.regionCode === null ? (
          <a href={link('/', v.locale)}>{REGIONS_NAV[v.locale]}</a>
        ) : (
          <a href={href(v, '/penghargaan')}>{v.t.navList}</a>
        )}
      </p>
    </Layout>
  );
}
