import {
  DEFAULT_WEIGHT,
  LEVEL_WEIGHTS,
  NATIONAL_ASSESSMENTS,
  type PeerGroup,
  RANK_WEIGHTS,
  REGION_KIND_WORDS,
} from '../../../domain/compare/index.ts';
import { formatNumber } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import { levelLabel } from '../../../domain/labels.ts';
import type { Comparison } from '../../../services/recap/compare.ts';
import { Layout } from './layout.tsx';
import { link } from './links.ts';
import { PROVINCE_LINK } from './regions-words.ts';
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
  const { locale } = v;
  const n = (x: number) => formatNumber(x, locale);
  const intro = tr(
    locale,
    `Penghargaan terverifikasi dan publik tahun ${d.fromYear}–${d.toYear}. Daerah dibandingkan dengan sesamanya: provinsi dengan provinsi, kabupaten dengan kabupaten, kota dengan kota.`,
    `Verified, published awards ${d.fromYear}–${d.toYear}. Each region is compared with its peers: provinces with provinces, regencies with regencies, cities with cities.`,
  );
  return (
    <Layout v={v} title={title} description={intro} section="compare">
      <h1>{title}</h1>
      <p class="lead">{intro}</p>
      {years.length > 1 ? (
        <form method="get" class="filters">
          <label>
            {tr(locale, 'Periode sampai tahun', 'Period up to')}{' '}
            <select name="tahun">
              {years.map((y) => (
                <option value={String(y)} selected={y === d.toYear}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          {locale === 'en' ? <input type="hidden" name="lang" value="en" /> : null}{' '}
          <button type="submit">{tr(locale, 'Tampilkan', 'Show')}</button>
        </form>
      ) : null}
      {d.groups.map((g) => (
        <Group v={v} g={g} n={n} />
      ))}
      <section aria-labelledby="notes">
        <h2 id="notes">
          {tr(locale, 'Cara menghitung skor berbobot', 'How the weighted score is computed')}
        </h2>
        <p>
          {tr(
            locale,
            'Setiap penghargaan bernilai bobot tingkatnya dikali bobot peringkatnya; seri penilaian dihitung sekali dengan bobot terbaiknya. Jumlah mentah ditampilkan di sampingnya.',
            "Each award is worth its level's weight times its rank's weight; an assessment series counts once, at its best weight. The raw counts are shown beside it.",
          )}
        </p>
        <div class="charts">
          <table class="table weights" id="level-weights">
            <caption>{tr(locale, 'Bobot tingkat', 'Weight by level')}</caption>
            <tbody>
              {Object.entries(LEVEL_WEIGHTS).map(([level, w]) => (
                <tr>
                  <th scope="row">{levelLabel(locale, level)}</th>
                  <td class="num">{n(w)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">
                  {tr(locale, 'Tingkat lain atau tidak diketahui', 'Other or unknown level')}
                </th>
                <td class="num">{n(DEFAULT_WEIGHT)}</td>
              </tr>
            </tbody>
          </table>
          <table class="table weights" id="rank-weights">
            <caption>{tr(locale, 'Bobot peringkat', 'Weight by rank')}</caption>
            <tbody>
              {Object.entries(RANK_WEIGHTS).map(([rank, w]) => (
                <tr>
                  <th scope="row">{tr(locale, `Peringkat ${rank}`, `Rank ${rank}`)}</th>
                  <td class="num">{n(w)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">
                  {tr(locale, 'Peringkat lain atau tanpa peringkat', 'Any other rank, or none')}
                </th>
                <td class="num">{n(DEFAULT_WEIGHT)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p>
          {tr(
            locale,
            'Penghargaan yang berulang setiap tahun (misalnya opini WTP dari BPK) dihitung sekali, sebagai rangkaian tahun berturut-turut, bukan sebagai sekian penghargaan.',
            'An award that recurs every year (such as the unqualified BPK opinion, WTP) counts once, as a run of consecutive years, not as that many awards.',
          )}
        </p>
        <p>
          {tr(
            locale,
            `Penilaian nasional tercatat: berapa dari ${NATIONAL_ASSESSMENTS.length} penilaian nasional yang berulang (opini BPK, SAKIP, kepatuhan Ombudsman dan lainnya) yang tercatat untuk daerah dalam periode ini:`,
            `National assessments on record: how many of the ${NATIONAL_ASSESSMENTS.length} recurring national assessments (BPK audit opinion, SAKIP, Ombudsman compliance and others) are on record for the region in this period:`,
          )}
        </p>
        <ul class="columns">
          {NATIONAL_ASSESSMENTS.map((a) => (
            <li>{a.name}</li>
          ))}
        </ul>
        <p>
          {tr(
            locale,
            'Belum melapor: belum ada satu pun penghargaan terverifikasi yang tercatat. Itu berbeda dari nol: nol berarti daerah sudah mencatat, tetapi tidak menerima penghargaan dalam periode ini.',
            'Not reported: no verified award is on record yet. That is not zero: zero means the region keeps its record but received no award in this period.',
          )}
        </p>
      </section>
    </Layout>
  );
}

function Group({ v, g, n }: { v: View; g: PeerGroup; n: (x: number) => string }) {
  const { locale } = v;
  return (
    <section aria-labelledby={`group-${g.kind}`} class="peer-group" data-kind={g.kind}>
      <h2 id={`group-${g.kind}`}>{REGION_KIND_WORDS[g.kind][locale]}</h2>
      <p class="award-meta">
        {tr(
          locale,
          `${n(g.reported)} dari ${n(g.regions.length)} daerah sudah melapor`,
          `${n(g.reported)} of ${n(g.regions.length)} regions have reported`,
        )}
      </p>
      <div class="table-scroll">
        <table class="table compare">
          <thead>
            <tr>
              <th scope="col" class="num">
                {tr(locale, 'Peringkat', 'Rank')}
              </th>
              <th scope="col">{tr(locale, 'Daerah', 'Region')}</th>
              <th scope="col" class="num">
                {tr(locale, 'Penghargaan', 'Awards')}
              </th>
              <th scope="col" class="num">
                {tr(locale, 'Prestasi (seri dihitung sekali)', 'Achievements (a series counts once)')}
              </th>
              <th scope="col" class="num">
                {tr(locale, 'Skor berbobot', 'Weighted score')}
              </th>
              <th scope="col" class="num">
                {tr(locale, 'Penilaian nasional tercatat', 'National assessments on record')}
              </th>
              <th scope="col">{tr(locale, 'Capaian beruntun terpanjang', 'Longest running streak')}</th>
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
                        ({PROVINCE_LINK[locale].toLowerCase()})
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
                    <td>{r.streak ? <StreakText v={v} s={r.streak} /> : '—'}</td>
                  </>
                ) : (
                  <td colspan={5} class="not-reported">
                    {tr(locale, 'Belum melapor', 'Not reported')}
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

/** "WTP 5 tahun berturut-turut (Opini BPK atas LKPD)"; a run of simply receiving has no value. */
function StreakText({ v, s }: { v: View; s: NonNullable<PeerGroup['regions'][number]['streak']> }) {
  const value = s.value === 'received' ? '' : `${s.value} `;
  const title = s.title ? ` (${s.title})` : '';
  return (
    <>
      {tr(
        v.locale,
        `${value}${s.length} tahun berturut-turut${title}`,
        `${value}${s.length} years in a row${title}`,
      )}
    </>
  );
}
