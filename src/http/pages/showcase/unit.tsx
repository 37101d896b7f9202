import { formatDate, formatNumber } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import type { UnitPage as UnitData } from '../../../services/showcase/unit.ts';
import { horizontalBarSvg, yearColumnsSvg } from './charts.ts';
import { ChartFigure, levelLabel, NothingPublished, ZoneBadge } from './components.tsx';
import { Layout } from './layout.tsx';
import { href } from './links.ts';
import type { View } from './view.ts';

export function UnitPage({ v, d }: { v: View; d: UnitData }) {
  const { locale } = v;
  const n = (x: number) => formatNumber(x, locale);
  const r = d;
  const awards = d.awards;
  const fieldRows = r.byField.map((f) => ({
    label: f.name ?? tr(locale, 'Lainnya', 'Other'),
    value: f.count,
  }));
  // A recurring assessment is graded each period (a score, a grade, an opinion); a programme
  // merely won in several years (Juara I Adipura 2010, Juara II 2017) is told apart from it.
  const isAssessment = (s: (typeof r.series)[number]) =>
    s.scaleId !== null || s.points.some((p) => p.score !== null || p.grade !== null || p.status !== null);
  const assessed = r.series.filter(isAssessment);
  const repeated = r.series.filter((s) => !isAssessment(s));
  return (
    <Layout
      v={v}
      title={d.unit.name}
      description={`${tr(locale, 'Rapor unit', 'Unit report card')}: ${d.unit.name} — ${n(r.total)} ${tr(locale, 'Penghargaan', 'Awards').toLowerCase()}`}
      section="units"
    >
      {d.ancestors.length ? (
        <nav aria-label={tr(locale, 'Jejak halaman', 'Breadcrumb')} class="crumbs">
          <ol>
            {d.ancestors.map((a) => (
              <li>
                <a href={href(v, `/unit/${a.id}`)}>{a.shortName ?? a.name}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <h1>{d.unit.name}</h1>
      <p class="lead">
        {tr(locale, 'Rapor unit', 'Unit report card')}.{' '}
        {tr(
          locale,
          'Penghargaan unit ini dan unit di bawahnya.',
          'Awards of this unit and the units below it.',
        )}
      </p>
      <section class="stats" aria-label={tr(locale, 'Rapor unit', 'Unit report card')}>
        <div class="stat stat-main">
          <h2 class="stat-label">{tr(locale, 'Penghargaan', 'Awards')}</h2>
          <p class="stat-value">{n(r.total)}</p>
          <p class="stat-note">
            <a href={href(v, '/penghargaan', { unit: d.unit.id })}>
              {tr(locale, 'Lihat semua penghargaan', 'See all awards')}
            </a>
          </p>
        </div>
        {r.change ? (
          <div class="stat">
            <h2 class="stat-label">
              {tr(locale, `Penghargaan tahun ${r.change.year}`, `Awards in ${r.change.year}`)}
            </h2>
            <p class="stat-value">{n(r.change.count)}</p>
            <p class="stat-note">
              {r.change.previousYear}: {n(r.change.previous)}
            </p>
          </div>
        ) : null}
      </section>

      {r.total > 0 ? (
        <div class="charts">
          <ChartFigure
            v={v}
            id="unit-year"
            title={tr(locale, 'Menurut tahun', 'By year')}
            svg={yearColumnsSvg(r.byYear, { width: 520 })}
            head={[tr(locale, 'Tahun', 'Year'), tr(locale, 'Jumlah', 'Count')]}
            rows={r.byYear.map((y) => ({ label: String(y.year), value: n(y.count) }))}
          />
          <ChartFigure
            v={v}
            id="unit-field"
            title={tr(locale, 'Menurut bidang', 'By field')}
            svg={horizontalBarSvg(fieldRows, { formatValue: n })}
            head={[tr(locale, 'Bidang', 'Field'), tr(locale, 'Jumlah', 'Count')]}
            rows={fieldRows.map((f) => ({ label: f.label, value: n(f.value) }))}
          />
        </div>
      ) : (
        <NothingPublished v={v} />
      )}

      {assessed.length ? (
        <section aria-labelledby="series">
          <h2 id="series">{tr(locale, 'Penilaian berkala', 'Recurring assessments')}</h2>
          <p class="muted">
            {tr(
              locale,
              'Penilaian yang diulang tiap periode dengan nilai, predikat atau opini.',
              'Assessments repeated every period with a score, a grade or an opinion.',
            )}
          </p>
          <ul class="cards">
            {assessed.map((s) => {
              const latest = s.points[s.points.length - 1];
              return (
                <li class="card">
                  <h3>
                    <a href={href(v, `/penghargaan/${latest.awardId}`)}>{s.title}</a>
                  </h3>
                  <p class="award-meta">
                    {s.giver?.abbreviation ?? ''} · {tr(locale, 'Terakhir', 'Latest')} {latest.year}
                  </p>
                  {s.trend ? <p>{s.trend.phrase}</p> : null}
                  {latest.gradeLabel ? (
                    <p>
                      {latest.gradeLabel} <ZoneBadge v={v} zone={latest.zone} />
                    </p>
                  ) : null}
                  {s.streak?.phrase ? <p class="streak">{s.streak.phrase}</p> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {repeated.length ? (
        <section aria-labelledby="repeated">
          <h2 id="repeated">{tr(locale, 'Diraih berulang kali', 'Won more than once')}</h2>
          <p class="muted">
            {tr(
              locale,
              'Penghargaan dari ajang yang sama pada lebih dari satu tahun.',
              'Awards of the same programme in more than one year.',
            )}
          </p>
          <ul class="plain-list">
            {repeated.map((s) => {
              const latest = s.points[s.points.length - 1];
              const years = [...new Set(s.points.map((p) => p.year))];
              return (
                <li>
                  <a href={href(v, `/penghargaan/${latest.awardId}`)}>{s.title}</a>
                  <span class="award-meta">
                    {' · '}
                    {[
                      s.giver?.abbreviation,
                      tr(locale, `${n(years.length)} kali`, `${n(years.length)} times`),
                      years.join(', '),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {d.children.length ? (
        <section aria-labelledby="subunits">
          <h2 id="subunits">{tr(locale, 'Unit di bawahnya', 'Units below')}</h2>
          <ul class="unit-list">
            {d.children.map((c) => (
              <li>
                <a href={href(v, `/unit/${c.id}`)}>{c.name}</a> <span class="pill">{n(c.total)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {awards.length ? (
        <section aria-labelledby="unit-awards">
          <h2 id="unit-awards">{tr(locale, 'Penghargaan', 'Awards')}</h2>
          <ul class="plain-list">
            {awards.map((a) => (
              <li>
                <a href={href(v, `/penghargaan/${a.id}`)}>{a.title}</a>
                <span class="award-meta">
                  {' · '}
                  {[
                    a.giverName,
                    levelLabel(v, a.level),
                    a.receivedOn ? formatDate(a.receivedOn, locale) : String(a.editionYear),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
          {r.total > awards.length ? (
            <p>
              <a href={href(v, '/penghargaan', { unit: d.unit.id })}>
                {tr(
                  locale,
                  `dan ${n(r.total - awards.length)} lainnya`,
                  `and ${n(r.total - awards.length)} more`,
                )}{' '}
                →
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
