import { formatDelta, formatNumber } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import type { HomeData } from '../../../services/showcase/home.ts';
import { horizontalBarSvg, topBars } from './charts.ts';
import { AwardItem, ChartFigure, NothingPublished } from './components.tsx';
import { Layout } from './layout.tsx';
import { href, link } from './links.ts';
import { PROVINCE_LINK } from './regions-words.ts';
import type { View } from './view.ts';

export function HomePage({ v, d }: { v: View; d: HomeData }) {
  const { locale } = v;
  const n = (x: number) => formatNumber(x, locale);
  const listFor = (params: Record<string, string | number>) =>
    href(v, '/penghargaan', { tahun: d.year, ...params });
  const fieldBars = topBars(
    d.byField.map((f) => ({ label: f.label, value: f.count })),
    10,
    tr(locale, 'Lainnya', 'Other'),
  );
  const giverBars = topBars(
    d.byGiver.map((g) => ({ label: g.label, value: g.count })),
    10,
    tr(locale, 'Lainnya', 'Other'),
  );
  const description = `${tr(locale, `Penghargaan yang diterima ${v.site.name}: jumlah, bidang, pemberi dan rinciannya.`, `Awards received by ${v.site.name}: totals, fields, awarding bodies and details.`)} ${tr(locale, `Penghargaan tahun ${d.year}`, `Awards in ${d.year}`)}: ${n(d.change.count)}.`;
  return (
    <Layout v={v} title={tr(locale, 'Penghargaan', 'Awards')} description={description} section="home">
      <h1 class="visually-hidden">
        {tr(locale, 'Penghargaan', 'Awards')} {v.site.name}
      </h1>
      <section class="stats" aria-labelledby="stat-year">
        <div class="stat stat-main">
          <h2 id="stat-year" class="stat-label">
            {tr(locale, `Penghargaan tahun ${d.year}`, `Awards in ${d.year}`)}
          </h2>
          <p class="stat-value">{n(d.change.count)}</p>
        </div>
        <div class="stat">
          <h2 class="stat-label">
            {tr(locale, 'Dibanding tahun sebelumnya', 'Compared with the year before')}
          </h2>
          <p class={`stat-value stat-change ${d.change.delta > 0 ? 'up' : d.change.delta < 0 ? 'down' : ''}`}>
            {d.change.delta === 0
              ? tr(locale, 'sama', 'the same')
              : formatDelta(d.change.delta, d.change.percent, locale)}
          </p>
          <p class="stat-note">
            {d.change.previousYear}: {n(d.change.previous)}
          </p>
        </div>
        {d.cumulative ? (
          <div class="stat">
            <h2 class="stat-label">
              {tr(
                locale,
                `Sejak ${Number(d.cumulative.since.slice(0, 4))}`,
                `Since ${Number(d.cumulative.since.slice(0, 4))}`,
              )}
            </h2>
            <p class="stat-value">{n(d.cumulative.total)}</p>
            <p class="stat-note">
              <a href={href(v, '/linimasa')}>{tr(locale, 'Linimasa', 'Timeline')}</a>
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
        <NothingPublished v={v} />
      ) : (
        <div class="charts">
          <ChartFigure
            v={v}
            id="chart-field"
            title={`${tr(locale, 'Menurut bidang', 'By field')}, ${d.year}`}
            svg={horizontalBarSvg(fieldBars, { formatValue: n })}
            head={[tr(locale, 'Bidang', 'Field'), tr(locale, 'Jumlah', 'Count')]}
            rows={d.byField.map((f) => ({
              label: f.label,
              value: n(f.count),
              href: f.key ? listFor({ bidang: f.key }) : undefined,
            }))}
          />
          <ChartFigure
            v={v}
            id="chart-giver"
            title={`${tr(locale, 'Menurut pemberi', 'By awarding body')}, ${d.year}`}
            svg={horizontalBarSvg(giverBars, { formatValue: n })}
            head={[tr(locale, 'Pemberi', 'Awarding body'), tr(locale, 'Jumlah', 'Count')]}
            rows={d.byGiver.map((g) => ({
              label: g.label,
              value: n(g.count),
              href: g.key && !g.key.startsWith('~') ? listFor({ pemberi: g.key }) : undefined,
            }))}
          />
        </div>
      )}

      <section aria-labelledby="recent">
        <h2 id="recent">{tr(locale, 'Penghargaan terbaru', 'Latest awards')}</h2>
        {d.recent.length ? (
          <ul class="awards">
            {d.recent.map((a) => (
              <AwardItem v={v} a={a} />
            ))}
          </ul>
        ) : (
          <NothingPublished v={v} />
        )}
        <p>
          <a class="button" href={href(v, '/penghargaan')}>
            {tr(locale, 'Lihat semua penghargaan', 'See all awards')} →
          </a>
        </p>
      </section>
    </Layout>
  );
}
