import { formatNumber } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import type { Timeline } from '../../../services/showcase/timeline.ts';
import { yearColumnsSvg } from './charts.ts';
import { ChartFigure, levelLabel, NothingPublished, nothingPublished } from './components.tsx';
import { Layout } from './layout.tsx';
import { href } from './links.ts';
import type { View } from './view.ts';

export function TimelinePage({ v, d }: { v: View; d: Timeline }) {
  const { locale } = v;
  const n = (x: number) => formatNumber(x, locale);
  const oldestFirst = [...d.years].reverse();
  return (
    <Layout
      v={v}
      title={tr(locale, 'Linimasa penghargaan', 'Timeline of awards')}
      description={
        d.fromYear
          ? tr(
              locale,
              `Penghargaan yang tercatat, tahun demi tahun, sejak ${d.fromYear}.`,
              `Recorded awards, year by year, since ${d.fromYear}.`,
            )
          : nothingPublished(locale)
      }
      section="timeline"
    >
      <h1>{tr(locale, 'Linimasa penghargaan', 'Timeline of awards')}</h1>
      {d.fromYear === null ? (
        <NothingPublished v={v} />
      ) : (
        <>
          <p class="lead">
            {tr(
              locale,
              `Penghargaan yang tercatat, tahun demi tahun, sejak ${d.fromYear}.`,
              `Recorded awards, year by year, since ${d.fromYear}.`,
            )}{' '}
            {tr(locale, `${n(d.total)} penghargaan`, `${n(d.total)} awards`)}.
          </p>
          <ChartFigure
            v={v}
            id="timeline-chart"
            title={`${tr(locale, 'Menurut tahun', 'By year')}, ${d.fromYear}–${d.toYear}`}
            svg={yearColumnsSvg(oldestFirst, { width: 960 })}
            head={[tr(locale, 'Tahun', 'Year'), tr(locale, 'Jumlah', 'Count')]}
            rows={oldestFirst
              .filter((y) => y.count > 0)
              .map((y) => ({ label: String(y.year), value: n(y.count) }))}
          />
          <ol class="timeline">
            {d.years
              .filter((y) => y.count > 0)
              .map((y) => (
                <li class="tl-year">
                  <h2 class="tl-head">
                    <a href={href(v, '/penghargaan', { tahun: y.year })}>{y.year}</a>{' '}
                    <span class="pill">
                      {tr(locale, `${n(y.count)} penghargaan`, `${n(y.count)} awards`)}
                    </span>
                  </h2>
                  <ul>
                    {y.highlights.map((a) => (
                      <li>
                        <a href={href(v, `/penghargaan/${a.id}`)}>{a.title}</a>
                        <span class="award-meta">
                          {' '}
                          · {[a.giverName, levelLabel(v, a.level)].filter(Boolean).join(' · ')}
                        </span>
                      </li>
                    ))}
                    {y.count > y.highlights.length ? (
                      <li class="more">
                        <a href={href(v, '/penghargaan', { tahun: y.year })}>
                          {tr(
                            locale,
                            `dan ${n(y.count - y.highlights.length)} lainnya`,
                            `and ${n(y.count - y.highlights.length)} more`,
                          )}
                        </a>
                      </li>
                    ) : null}
                  </ul>
                </li>
              ))}
          </ol>
        </>
      )}
    </Layout>
  );
}
