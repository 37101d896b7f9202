import type { Timeline } from '../../../services/showcase/timeline.ts';
import { yearColumnsSvg } from './charts.ts';
import { ChartFigure, levelLabel } from './components.tsx';
import { formatNum, href } from './format.ts';
import { Layout } from './layout.tsx';
import type { View } from './view.ts';

export function TimelinePage({ v, d }: { v: View; d: Timeline }) {
  const { t, locale } = v;
  const n = (x: number) => formatNum(x, locale);
  const oldestFirst = [...d.years].reverse();
  return (
    <Layout
      v={v}
      title={t.timelineTitle}
      description={d.fromYear ? t.timelineIntro(d.fromYear) : t.noData}
      section="timeline"
    >
      <h1>{t.timelineTitle}</h1>
      {d.fromYear === null ? (
        <p class="empty">{t.noData}</p>
      ) : (
        <>
          <p class="lead">
            {t.timelineIntro(d.fromYear)} {t.results(n(d.total))}.
          </p>
          <ChartFigure
            v={v}
            id="timeline-chart"
            title={`${t.byYear}, ${d.fromYear}–${d.toYear}`}
            svg={yearColumnsSvg(oldestFirst, { width: 960 })}
            head={[t.year, t.count]}
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
                    <span class="pill">{t.results(n(y.count))}</span>
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
                          {t.more(n(y.count - y.highlights.length))}
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
