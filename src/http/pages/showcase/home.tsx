import type { HomeData } from '../../../services/showcase/home.ts';
import { horizontalBarSvg, topBars } from './charts.ts';
import { AwardItem, ChartFigure } from './components.tsx';
import { formatDelta, formatNum, href, link } from './format.ts';
import { Layout } from './layout.tsx';
import { PROVINCE_LINK } from './regions-words.ts';
import type { View } from './view.ts';

export function HomePage({ v, d }: { v: View; d: HomeData }) {
  const { t, locale } = v;
  const n = (x: number) => formatNum(x, locale);
  const listFor = (params: Record<string, string | number>) =>
    href(v, '/penghargaan', { tahun: d.year, ...params });
  const fieldBars = topBars(
    d.byField.map((f) => ({ label: f.label, value: f.count })),
    10,
    t.other,
  );
  const giverBars = topBars(
    d.byGiver.map((g) => ({ label: g.label, value: g.count })),
    10,
    t.other,
  );
  const description = `${t.descHome(v.site.name)} ${t.yearTotal(d.year)}: ${n(d.change.count)}.`;
  return (
    <Layout v={v} title={t.homeTitle} description={description} section="home">
      <h1 class="visually-hidden">
        {t.homeTitle} {v.site.name}
      </h1>
      <section class="stats" aria-labelledby="stat-year">
        <div class="stat stat-main">
          <h2 id="stat-year" class="stat-label">
            {t.yearTotal(d.year)}
          </h2>
          <p class="stat-value">{n(d.change.count)}</p>
        </div>
        <div class="stat">
          <h2 class="stat-label">{t.vsPrevious}</h2>
          <p class={`stat-value stat-change ${d.change.delta > 0 ? 'up' : d.change.delta < 0 ? 'down' : ''}`}>
            {d.change.delta === 0 ? t.noChange : formatDelta(d.change.delta, d.change.percent, locale)}
          </p>
          <p class="stat-note">
            {d.change.previousYear}: {n(d.change.previous)}
          </p>
        </div>
        {d.cumulative ? (
          <div class="stat">
            <h2 class="stat-label">{t.sinceFounding(Number(d.cumulative.since.slice(0, 4)))}</h2>
            <p class="stat-value">{n(d.cumulative.total)}</p>
            <p class="stat-note">
              <a href={href(v, '/linimasa')}>{t.navTimeline}</a>
            </p>
          </div>
        ) : null}
      </section>

      {v.site.regionKind === 'provinsi' && v.site.regionCode ? (
        <p>
          <a class="button" href={link(`/perbandingan/${v.site.regionCode}`, locale)}>
            {PROVINCE_LINK[locale]} →
          </a>
        </p>
      ) : null}
      {d.change.count === 0 ? (
        <p class="empty">{t.noData}</p>
      ) : (
        <div class="charts">
          <ChartFigure
            v={v}
            id="chart-field"
            title={`${t.byField}, ${d.year}`}
            svg={horizontalBarSvg(fieldBars, { formatValue: n })}
            head={[t.field, t.count]}
            rows={d.byField.map((f) => ({
              label: f.label,
              value: n(f.count),
              href: f.key ? listFor({ bidang: f.key }) : undefined,
            }))}
          />
          <ChartFigure
            v={v}
            id="chart-giver"
            title={`${t.byGiver}, ${d.year}`}
            svg={horizontalBarSvg(giverBars, { formatValue: n })}
            head={[t.giver, t.count]}
            rows={d.byGiver.map((g) => ({
              label: g.label,
              value: n(g.count),
              href: g.key && !g.key.startsWith('~') ? listFor({ pemberi: g.key }) : undefined,
            }))}
          />
        </div>
      )}

      <section aria-labelledby="recent">
        <h2 id="recent">{t.recent}</h2>
        {d.recent.length ? (
          <ul class="awards">
            {d.recent.map((a) => (
              <AwardItem v={v} a={a} />
            ))}
          </ul>
        ) : (
          <p class="empty">{t.noData}</p>
        )}
        <p>
          <a class="button" href={href(v, '/penghargaan')}>
            {t.seeAll} →
          </a>
        </p>
      </section>
    </Layout>
  );
}
