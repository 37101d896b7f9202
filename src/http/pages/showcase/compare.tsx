import {
  DEFAULT_WEIGHT,
  LEVEL_WEIGHTS,
  NATIONAL_ASSESSMENTS,
  type PeerGroup,
  RANK_WEIGHTS,
} from '../../../domain/compare/index.ts';
import { levelLabel } from '../../../domain/labels.ts';
import type { Comparison } from '../../../services/recap/compare.ts';
import { formatNum, link } from './format.ts';
import { Layout } from './layout.tsx';
import type { View } from './view.ts';

/**
 * The comparison of regions — every region (the national page) or one province's kabupaten
 * and kota — in peer groups, with the raw count beside the weighted score and the weights
 * published below the tables.
 */
export function ComparePage({
  v,
  d,
  title,
  years,
}: {
  v: View;
  d: Comparison;
  title: string;
  /** Years a reader may choose as the end of the period, newest first. */
  years: number[];
}) {
  const { t, locale } = v;
  const n = (x: number) => formatNum(x, locale);
  return (
    <Layout v={v} title={title} description={t.compareIntro(d.fromYear, d.toYear)} section="compare">
      <h1>{title}</h1>
      <p class="lead">{t.compareIntro(d.fromYear, d.toYear)}</p>
      {years.length > 1 ? (
        <form method="get" class="filters">
          <label>
            {t.periodEnd}{' '}
            <select name="tahun">
              {years.map((y) => (
                <option value={String(y)} selected={y === d.toYear}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          {locale === 'en' ? <input type="hidden" name="lang" value="en" /> : null}{' '}
          <button type="submit">{t.show}</button>
        </form>
      ) : null}
      {d.groups.map((g) => (
        <Group v={v} g={g} n={n} />
      ))}
      <section aria-labelledby="notes">
        <h2 id="notes">{t.weightsTitle}</h2>
        <p>{t.weightsIntro}</p>
        <div class="charts">
          <table class="table weights" id="level-weights">
            <caption>{t.levelWeights}</caption>
            <tbody>
              {Object.entries(LEVEL_WEIGHTS).map(([level, w]) => (
                <tr>
                  <th scope="row">{levelLabel(locale, level)}</th>
                  <td class="num">{n(w)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t.unknownLevel}</th>
                <td class="num">{n(DEFAULT_WEIGHT)}</td>
              </tr>
            </tbody>
          </table>
          <table class="table weights" id="rank-weights">
            <caption>{t.rankWeights}</caption>
            <tbody>
              {Object.entries(RANK_WEIGHTS).map(([rank, w]) => (
                <tr>
                  <th scope="row">{t.rankN(Number(rank))}</th>
                  <td class="num">{n(w)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t.otherRank}</th>
                <td class="num">{n(DEFAULT_WEIGHT)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p>{t.streakNote}</p>
        <p>{t.coverageNote(NATIONAL_ASSESSMENTS.length)}</p>
        <ul class="columns">
          {NATIONAL_ASSESSMENTS.map((a) => (
            <li>{a.name}</li>
          ))}
        </ul>
        <p>{t.notReportedNote}</p>
      </section>
    </Layout>
  );
}

function Group({ v, g, n }: { v: View; g: PeerGroup; n: (x: number) => string }) {
  const { t, locale } = v;
  return (
    <section aria-labelledby={`group-${g.kind}`} class="peer-group" data-kind={g.kind}>
      <h2 id={`group-${g.kind}`}>{t.kinds[g.kind]}</h2>
      <p class="award-meta">{t.groupReported(n(g.reported), n(g.regions.length))}</p>
      <div class="table-scroll">
        <table class="table compare">
          <thead>
            <tr>
              <th scope="col" class="num">
                {t.colRank}
              </th>
              <th scope="col">{t.colRegion}</th>
              <th scope="col" class="num">
                {t.colAwards}
              </th>
              <th scope="col" class="num">
                {t.colAchievements}
              </th>
              <th scope="col" class="num">
                {t.colScore}
              </th>
              <th scope="col" class="num">
                {t.colCoverage}
              </th>
              <th scope="col">{t.colStreak}</th>
            </tr>
          </thead>
          <tbody>
            {g.regions.map((r) => (
              <tr data-region={r.code} class={r.reported ? undefined : 'not-reported'}>
                <td class="num">{r.rank ?? '—'}</td>
                <th scope="row">
                  <a href={link(`/wilayah/${r.code}`, locale)}>{r.name}</a>
                  {r.kind === 'provinsi' ? (
                    <>
                      {' '}
                      <a class="award-meta" href={link(`/perbandingan/${r.code}`, locale)}>
                        ({t.provinceLink.toLowerCase()})
                      </a>
                    </>
                  ) : null}
                </th>
                {r.reported ? (
                  <>
                    <td class="num">{n(r.awards)}</td>
                    <td class="num">{n(r.achievements)}</td>
                    <td class="num">{n(r.score)}</td>
                    <td class="num">
                      {n(r.coverage.have)}/{n(r.coverage.of)}
                    </td>
                    <td>
                      {r.streak
                        ? t.streakText(
                            r.streak.value === 'received' ? null : r.streak.value,
                            r.streak.length,
                            r.streak.title,
                          )
                        : '—'}
                    </td>
                  </>
                ) : (
                  <td colspan={5} class="not-reported">
                    {t.notReported}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
