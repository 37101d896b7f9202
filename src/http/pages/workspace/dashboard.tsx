import type { Context } from 'hono';
import { raw } from 'hono/html';
import { formatDate, formatDateTime, formatNumber, todayIso } from '../../../domain/format.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';
import { levelLabel } from '../../../domain/labels.ts';
import { workQueues } from '../../../services/awards/queues.ts';
import { buildDashboard } from '../../../services/recap/dashboard.ts';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';
import { yearColumnsSvg } from '../showcase/charts.ts';
import { Bars } from '../ui/bits.tsx';
import { page } from '../ui/page.tsx';

// The first page after sign-in. The picture first — the year's verified awards against last
// year and the same period of it, the trend since the founding, splits by field, level, giver
// and unit — then, for the people who work the record, what waits for them. The pimpinan
// (viewer) reads the picture only, and every link here opens a page its reader may open.

export async function dashboard(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const locale = c.get('locale');
  const { db } = c.get('deps').db;
  const today = todayIso();
  const currentYear = Number(today.slice(0, 4));
  const asked = Number(c.req.query('tahun'));
  const year = Number.isInteger(asked) && asked >= 1945 && asked <= currentYear + 1 ? asked : null;
  const [picture, queues] = await Promise.all([
    buildDashboard(db, actor, { year, today, lang: locale }),
    actor.role === 'viewer' ? null : workQueues(db, actor),
  ]);
  const shown = picture?.recap.year ?? year ?? currentYear;
  return page(
    c,
    { title: tr(locale, 'Beranda kerja', 'Workspace'), section: 'dashboard' },
    <>
      <div class="toolbar">
        <h1>{tr(locale, 'Beranda kerja', 'Workspace')}</h1>
        <form method="get" action="/kerja" class="inline">
          <label for="tahun">{tr(locale, 'Tahun', 'Year')}</label>{' '}
          <input
            id="tahun"
            name="tahun"
            type="number"
            min="1945"
            max={String(currentYear + 1)}
            value={String(shown)}
            class="year-input"
          />{' '}
          <button type="submit" class="secondary">
            {tr(locale, 'Tampilkan', 'Show')}
          </button>
        </form>
      </div>
      {year === null && shown !== currentYear ? (
        <p class="muted">
          {tr(
            locale,
            `Belum ada penghargaan terverifikasi pada ${currentYear}; ditampilkan tahun terakhir yang berisi data.`,
            `No verified award in ${currentYear} yet; showing the latest year with data.`,
          )}
        </p>
      ) : null}
      {picture ? (
        <Picture picture={picture} locale={locale} />
      ) : (
        <p>{tr(locale, 'Belum ada.', 'None yet.')}</p>
      )}
      {queues ? <WorkQueues queues={queues} role={actor.role} locale={locale} /> : null}
    </>,
  );
}

type Picture = NonNullable<Awaited<ReturnType<typeof buildDashboard>>>;

function Picture({ picture, locale }: { picture: Picture; locale: Locale }) {
  const { recap, trend, samePeriod } = picture;
  const other = tr(locale, 'Lainnya / belum diisi', 'Other / not set');
  const delta = recap.total - recap.previousYearTotal;
  const sinceYear = trend[0]?.year ?? recap.year;
  const until = samePeriod ? formatDate(`${recap.year}-${samePeriod.until}`, locale) : '';
  const byField = recap.byField.map((r) => ({ label: r.name ?? other, count: r.count }));
  const byLevel = recap.byLevel.map((r) => ({ label: levelLabel(locale, r.level) || other, count: r.count }));
  const byGiver = recap.byGiver.slice(0, 8).map((r) => ({ label: r.abbreviation ?? other, count: r.count }));
  // Top-level units (directly under the region's root), each with its sub-units rolled up.
  const topUnits = recap.byUnit
    .filter((u) => u.path.split('/').filter(Boolean).length === 2)
    .sort((a, b) => b.total - a.total)
    .slice(0, 8)
    .map((u) => ({ label: u.shortName ?? u.name, count: u.total }));
  return (
    <>
      <div class="grid">
        <section class="card" aria-labelledby="s-year">
          <h2 id="s-year" class="stat-label">
            {tr(locale, `Penghargaan terverifikasi ${recap.year}`, `Verified awards ${recap.year}`)}
          </h2>
          <p class="stat">{formatNumber(recap.total, locale)}</p>
          <p class="stat-label">
            <span class={delta > 0 ? 'up' : delta < 0 ? 'down' : ''}>{recap.change.phrase}</span>
          </p>
        </section>
        {samePeriod ? (
          <section class="card" aria-labelledby="s-period">
            <h2 id="s-period" class="stat-label">
              {tr(locale, `Sampai ${until}`, `Up to ${until}`)}
            </h2>
            <p class="stat">{formatNumber(samePeriod.count, locale)}</p>
            <p class="stat-label">
              {tr(
                locale,
                `periode yang sama ${recap.year - 1}: ${formatNumber(samePeriod.previous, locale)}`,
                `same period of ${recap.year - 1}: ${formatNumber(samePeriod.previous, locale)}`,
              )}
            </p>
          </section>
        ) : null}
        <section class="card" aria-labelledby="s-since">
          <h2 id="s-since" class="stat-label">
            {tr(locale, 'Sepanjang sejarah', 'All time')}
          </h2>
          <p class="stat">{formatNumber(recap.cumulative.total, locale)}</p>
          <p class="stat-label">{recap.cumulative.phrase}</p>
        </section>
      </div>
      <section class="card trend" aria-labelledby="h-trend">
        <h2 id="h-trend">
          {tr(
            locale,
            `Penghargaan terverifikasi per tahun sejak ${sinceYear}`,
            `Verified awards per year since ${sinceYear}`,
          )}
        </h2>
        <div class="chart-svg" aria-hidden="true">
          {raw(yearColumnsSvg(trend, { width: 960 }))}
        </div>
        <details>
          <summary>{tr(locale, 'Angka per tahun', 'Numbers per year')}</summary>
          <Bars
            rows={[...trend].reverse().map((p) => ({ label: String(p.year), count: p.count }))}
            locale={locale}
            empty={tr(locale, 'Belum ada.', 'None yet.')}
          />
        </details>
      </section>
      <div class="grid splits">
        <Split
          id="h-field"
          title={`${tr(locale, 'Menurut bidang', 'By field')} ${recap.year}`}
          rows={byField}
          locale={locale}
        />
        <Split
          id="h-level"
          title={`${tr(locale, 'Menurut tingkat', 'By level')} ${recap.year}`}
          rows={byLevel}
          locale={locale}
        />
        <Split
          id="h-giver"
          title={`${tr(locale, 'Menurut pemberi', 'By giver')} ${recap.year}`}
          rows={byGiver}
          locale={locale}
        />
        <Split
          id="h-unit"
          title={`${tr(locale, 'Unit teratas', 'Top units')} ${recap.year}`}
          rows={topUnits}
          locale={locale}
        />
      </div>
    </>
  );
}

function Split(p: { id: string; title: string; rows: { label: string; count: number }[]; locale: Locale }) {
  return (
    <section class="card" aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      <Bars rows={p.rows} locale={p.locale} empty={tr(p.locale, 'Belum ada.', 'None yet.')} />
    </section>
  );
}

type Queues = Awaited<ReturnType<typeof workQueues>>;

function WorkQueues({ queues, role, locale }: { queues: Queues; role: string; locale: Locale }) {
  const canVerify = role === 'admin' || role === 'verifikator';
  const canCurate = role === 'admin' || role === 'kurator';
  return (
    <section aria-labelledby="h-work" class="work">
      <h2 id="h-work">{tr(locale, 'Pekerjaan yang menunggu', 'Work waiting')}</h2>
      <div class="grid">
        <section class="card" aria-labelledby="s-wait">
          <h3 id="s-wait" class="stat-label">
            {tr(locale, 'Menunggu verifikasi', 'Awaiting verification')}
          </h3>
          <p class="stat">{formatNumber(queues.submitted.count, locale)}</p>
          <p class="stat-label">
            {canVerify ? (
              <a href="/kerja/verifikasi">{tr(locale, 'Verifikasi', 'Verification')} →</a>
            ) : (
              <a href="/kerja/penghargaan?state=submitted">{tr(locale, 'Penghargaan', 'Awards')} →</a>
            )}
          </p>
        </section>
        <section class="card" aria-labelledby="s-ret">
          <h3 id="s-ret" class="stat-label">
            {tr(locale, 'Dikembalikan untuk diperbaiki', 'Returned for correction')}
          </h3>
          <p class="stat">{formatNumber(queues.returned.count, locale)}</p>
          <p class="stat-label">
            <a href="/kerja/penghargaan?state=returned">{tr(locale, 'Penghargaan', 'Awards')} →</a>
          </p>
        </section>
        {canCurate ? (
          <section class="card" aria-labelledby="s-intake">
            <h3 id="s-intake" class="stat-label">
              {tr(locale, 'Temuan berita menunggu', 'News findings waiting')}
            </h3>
            <p class="stat">{formatNumber(queues.pendingFindings, locale)}</p>
            <p class="stat-label">
              <a href="/kerja/temuan">{tr(locale, 'Temuan berita', 'News findings')} →</a>
            </p>
          </section>
        ) : null}
      </div>
      {queues.returned.first.length ? (
        <section aria-labelledby="h-returned">
          <h3 id="h-returned">{tr(locale, 'Dikembalikan untuk diperbaiki', 'Returned for correction')}</h3>
          <ul>
            {queues.returned.first.map((a) => (
              <li>
                <a href={`/kerja/penghargaan/${a.id}`}>{a.title}</a> — <em>{a.return_reason}</em>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {queues.submitted.first.length ? (
        <section aria-labelledby="h-waiting">
          <h3 id="h-waiting">{tr(locale, 'Menunggu verifikasi', 'Awaiting verification')}</h3>
          <ul>
            {queues.submitted.first.map((a) => (
              <li>
                <a href={`/kerja/penghargaan/${a.id}`}>{a.title}</a>{' '}
                <span class="muted">({formatDateTime(a.submitted_at, locale)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
