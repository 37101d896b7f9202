import { REGION_KIND_WORDS, REGION_KINDS } from '../../../domain/compare/index.ts';
import { formatNumber } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import type { Region } from '../../../services/units.ts';
import { Layout } from './layout.tsx';
import { link } from './links.ts';
import { COMPARE_NAV } from './regions-words.ts';
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
  const { locale } = v;
  const title = tr(locale, 'Penghargaan pemerintah daerah', 'Awards of regional governments');
  const intro = tr(
    locale,
    'Pilih daerah untuk melihat penghargaan yang telah diverifikasi dan dipublikasikan.',
    'Choose a region to see its verified, published awards.',
  );
  return (
    <Layout v={v} title={title} description={intro} section="home">
      <h1>{title}</h1>
      <p class="lead">{intro}</p>
      <p>
        <a class="button" href={link('/perbandingan', locale)}>
          {COMPARE_NAV[locale]} →
        </a>
      </p>
      {REGION_KINDS.map((kind) => {
        const list = regions.filter((r) => r.kind === kind);
        if (!list.length) return null;
        return (
          <section aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{REGION_KIND_WORDS[kind][locale]}</h2>
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{tr(locale, 'Daerah', 'Region')}</th>
                    <th scope="col">{tr(locale, 'Kode', 'Code')}</th>
                    <th scope="col" class="num">
                      {tr(locale, 'Penghargaan (semua tahun)', 'Awards (all years)')}
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
                      <td class="num">{formatNumber(counts.get(r.code) ?? 0, locale)}</td>
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
