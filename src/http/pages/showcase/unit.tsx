import type { UnitPage as UnitData } from '../../../services/showcase/unit.ts';
import { horizontalBarSvg, yearColumnsSvg } from './charts.ts';
import { ChartFigure, levelLabel, ZoneBadge } from './components.tsx';
import { formatDate, formatNum, href } from './format.ts';
import { Layout } from './layout.tsx';
import type { View } from './view.ts';

export function UnitPage({ v, d }: { v: View; d: UnitData }) {
  const { t, locale } = v;
  const n = (x: number) => formatNum(x, locale);
  const r = d;
  const awards = d.awards;
  const fieldRows = r.byField.map((f) => ({ label: f.name ?? t.other, value: f.count }));
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
      description={`${t.unitTitle}: ${d.unit.name} — ${n(r.total)} ${t.awardsOfUnit.toLowerCase()}`}
      section="units"
    >
      {d.ancestors.length ? (
        <nav aria-label={t.breadcrumb} class="crumbs">
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
        {t.unitTitle}. {t.unitIntro}
      </p>
      <section class="stats" aria-label={t.unitTitle}>
        <div class="stat stat-main">
          <h2 class="stat-label">{t.awardsOfUnit}</h2>
          <p class="stat-value">{n(r.total)}</p>
          <p class="stat-note">
            <a href={href(v, '/penghargaan', { unit: d.unit.id })}>{t.seeAll}</a>
          </p>
        </div>
        {r.change ? (
          <div class="stat">
            <h2 class="stat-label">{t.yearTotal(r.change.year)}</h2>
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
            title={t.byYear}
            svg={yearColumnsSvg(r.byYear, { width: 520 })}
            head={[t.year, t.count]}
            rows={r.byYear.map((y) => ({ label: String(y.year), value: n(y.count) }))}
          />
          <ChartFigure
            v={v}
            id="unit-field"
            title={t.byField}
            svg={horizontalBarSvg(fieldRows, { formatValue: n })}
            head={[t.field, t.count]}
            rows={fieldRows.map((f) => ({ label: f.label, value: n(f.value) }))}
          />
        </div>
      ) : (
        <p class="empty">{t.noData}</p>
      )}

      {assessed.length ? (
        <section aria-labelledby="series">
          <h2 id="series">{t.series}</h2>
          <p class="muted">{t.seriesUnitIntro}</p>
          <ul class="cards">
            {assessed.map((s) => {
              const latest = s.points[s.points.length - 1];
              return (
                <li class="card">
                  <h3>
                    <a href={href(v, `/penghargaan/${latest.awardId}`)}>{s.title}</a>
                  </h3>
                  <p class="award-meta">
                    {s.giver?.abbreviation ?? ''} · {t.latest} {latest.year}
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
          <h2 id="repeated">{t.repeated}</h2>
          <p class="muted">{t.repeatedIntro}</p>
          <ul class="plain-list">
            {repeated.map((s) => {
              const latest = s.points[s.points.length - 1];
              const years = [...new Set(s.points.map((p) => p.year))];
              return (
                <li>
                  <a href={href(v, `/penghargaan/${latest.awardId}`)}>{s.title}</a>
                  <span class="award-meta">
                    {' · '}
                    {[s.giver?.abbreviation, t.repeatedYears(n(years.length)), years.join(', ')]
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
          <h2 id="subunits">{t.subUnits}</h2>
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
          <h2 id="unit-awards">{t.awardsOfUnit}</h2>
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
                {t.more(n(r.total - awards.length))} →
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
