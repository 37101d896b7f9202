import { OPEN_DICTIONARY } from '../../../services/exports/open-dictionary.ts';
import { formatNum } from './format.ts';
import { Layout } from './layout.tsx';
import type { View } from './view.ts';

export function DataPage({ v, rows, latestYear }: { v: View; rows: number; latestYear: number | null }) {
  const { t, locale } = v;
  return (
    <Layout v={v} title={t.dataTitle} description={t.dataIntro} section="data">
      <h1>{t.dataTitle}</h1>
      <p class="lead">{t.dataIntro}</p>
      <ul class="downloads">
        <li>
          <a href="/data/penghargaan.csv" download>
            {t.dataCsv}
          </a>{' '}
          <span class="award-meta">{t.dataRows(formatNum(rows, locale))}</span>
        </li>
        <li>
          <a href="/data/penghargaan.json">{t.dataJson}</a>
        </li>
        <li>
          <a href="/data/kamus-kolom.csv" download>
            {t.dataDictionary}
          </a>
        </li>
        <li>
          <a href="/api/v1/exports/awards.xlsx">{t.dataXlsx}</a>
        </li>
        <li>
          <a href="/api/v1/exports/open-data.zip">{t.dataPackage}</a>
        </li>
        {latestYear ? (
          <li>
            <a href={`/api/v1/exports/report-${latestYear}.pdf`}>{t.dataReport(latestYear)}</a>
          </li>
        ) : null}
      </ul>
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

export function NotFoundPage({ v }: { v: View }) {
  return (
    <Layout v={v} title={v.t.notFoundTitle} description={v.t.notFoundText} section={null}>
      <h1>{v.t.notFoundTitle}</h1>
      <p>{v.t.notFoundText}</p>
      <p>
        <a href="/penghargaan">{v.t.navList}</a>
      </p>
    </Layout>
  );
}
