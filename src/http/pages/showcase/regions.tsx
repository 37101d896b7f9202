import { REGION_KINDS } from '../../../domain/compare/index.ts';
import type { Region } from '../../../services/units.ts';
import { formatNum, link } from './format.ts';
import { Layout } from './layout.tsx';
import type { View } from './view.ts';

/** The root of a deployment that keeps many regions: each region with its public award count. */
export function RegionsPage({
  v,
  regions,
  counts,
}: {
  v: View;
  regions: Region[];
  counts: Map<string, number>;
}) {
  const { t, locale } = v;
  return (
    <Layout v={v} title={t.indexTitle} description={t.indexIntro} section="home">
      <h1>{t.indexTitle}</h1>
      <p class="lead">{t.indexIntro}</p>
      <p>
        <a class="button" href={link('/perbandingan', locale)}>
          {t.navCompare} →
        </a>
      </p>
      {REGION_KINDS.map((kind) => {
        const list = regions.filter((r) => r.kind === kind);
        if (!list.length) return null;
        return (
          <section aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{t.kinds[kind]}</h2>
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t.colRegion}</th>
                    <th scope="col">{t.regionCode}</th>
                    <th scope="col" class="num">
                      {t.colAwards} ({t.allYears.toLowerCase()})
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr>
                      <th scope="row">
                        <a href={link(`/wilayah/${r.code}`, locale)}>{r.name}</a>
                      </th>
                      <td>{r.code}</td>
                      <td class="num">{formatNum(counts.get(r.code) ?? 0, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </Layout>
  );
}
