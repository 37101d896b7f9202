import type { Context } from 'hono';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';
import { formatDateTime, formatNumber } from '../format.ts';
import { t, tr } from '../i18n.ts';
import { Bars } from '../ui/bits.tsx';
import { page } from '../ui/page.tsx';
import { unitLabel } from './lookups.ts';
import { verifiedCounts, workQueues } from './queries.ts';

// The first page after sign-in: this year against last year, by field, giver and unit, and
// what waits (verification, returned records, news findings).

export async function dashboard(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const locale = c.get('locale');
  const { db } = c.get('deps').db;
  const now = new Date().getUTCFullYear();
  const asked = Number(c.req.query('tahun'));
  const year = Number.isInteger(asked) && asked >= 1945 && asked <= now + 1 ? asked : now;
  const [counts, queues] = await Promise.all([
    verifiedCounts(db, actor, year, locale),
    workQueues(db, actor),
  ]);
  const other = tr(locale, 'Lainnya / belum diisi', 'Other / not set');
  const byField = counts.byField.map((r) => ({ label: r.name ?? other, count: r.count }));
  const byGiver = counts.byGiver.slice(0, 8).map((r) => ({ label: r.abbreviation ?? other, count: r.count }));
  const byUnit = counts.byUnit.slice(0, 8).map((r) => ({ label: unitLabel(r), count: r.total }));
  const canVerify = actor.role === 'admin' || actor.role === 'verifikator';
  const delta = counts.total - counts.previousYearTotal;
  return page(
    c,
    { title: t(locale, 'dash.title'), section: 'dashboard' },
    <>
      <div class="toolbar">
        <h1>{t(locale, 'dash.title')}</h1>
        <form method="get" action="/kerja" class="inline">
          <label for="tahun">{tr(locale, 'Tahun', 'Year')}</label>{' '}
          <input
            id="tahun"
            name="tahun"
            type="number"
            min="1945"
            max={String(now + 1)}
            value={String(year)}
            style="width:7rem"
          />{' '}
          <button type="submit" class="secondary">
            {tr(locale, 'Tampilkan', 'Show')}
          </button>
        </form>
      </div>
      <div class="grid">
        <section class="card" aria-labelledby="s-year">
          <h2 id="s-year" class="stat-label">
            {t(locale, 'dash.thisYear', { year })}
          </h2>
          <p class="stat">{formatNumber(counts.total, locale)}</p>
          <p class="stat-label">
            {t(locale, 'dash.lastYear', {
              prev: year - 1,
              count: formatNumber(counts.previousYearTotal, locale),
            })}{' '}
            <span class={delta > 0 ? 'up' : delta < 0 ? 'down' : ''}>
              ({delta > 0 ? '+' : ''}
              {formatNumber(delta, locale)})
            </span>
          </p>
        </section>
        <section class="card" aria-labelledby="s-wait">
          <h2 id="s-wait" class="stat-label">
            {t(locale, 'dash.awaiting')}
          </h2>
          <p class="stat">{formatNumber(queues.submitted.length, locale)}</p>
          <p class="stat-label">
            {canVerify ? (
              <a href="/kerja/verifikasi">{t(locale, 'nav.verify')} →</a>
            ) : (
              <a href="/kerja/penghargaan?state=submitted">{t(locale, 'nav.awards')} →</a>
            )}
          </p>
        </section>
        <section class="card" aria-labelledby="s-ret">
          <h2 id="s-ret" class="stat-label">
            {t(locale, 'dash.returned')}
          </h2>
          <p class="stat">{formatNumber(queues.returned.length, locale)}</p>
          <p class="stat-label">
            <a href="/kerja/penghargaan?state=returned">{t(locale, 'nav.awards')} →</a>
          </p>
        </section>
        {queues.pendingFindings > 0 ? (
          <section class="card" aria-labelledby="s-intake">
            <h2 id="s-intake" class="stat-label">
              {t(locale, 'dash.intake')}
            </h2>
            <p class="stat">{formatNumber(queues.pendingFindings, locale)}</p>
            <p class="stat-label">
              <a href="/kerja/temuan">{t(locale, 'nav.intake')} →</a>
            </p>
          </section>
        ) : null}
      </div>
      {queues.returned.length ? (
        <section aria-labelledby="h-returned">
          <h2 id="h-returned">{t(locale, 'dash.returned')}</h2>
          <ul>
            {queues.returned.slice(0, 10).map((a) => (
              <li>
                <a href={`/kerja/penghargaan/${a.id}`}>{a.title}</a> — <em>{a.return_reason}</em>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {queues.submitted.length ? (
        <section aria-labelledby="h-waiting">
          <h2 id="h-waiting">{t(locale, 'dash.awaiting')}</h2>
          <ul>
            {queues.submitted.slice(0, 10).map((a) => (
              <li>
                <a href={`/kerja/penghargaan/${a.id}`}>{a.title}</a>{' '}
                <span class="muted">({formatDateTime(a.submitted_at, locale)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div class="grid" style="margin-top:1.5rem">
        <section class="card" aria-labelledby="h-field">
          <h2 id="h-field">
            {t(locale, 'dash.byField')} {year}
          </h2>
          <Bars rows={byField} locale={locale} empty={t(locale, 'dash.none')} />
        </section>
        <section class="card" aria-labelledby="h-giver">
          <h2 id="h-giver">
            {t(locale, 'dash.byGiver')} {year}
          </h2>
          <Bars rows={byGiver} locale={locale} empty={t(locale, 'dash.none')} />
        </section>
        <section class="card" aria-labelledby="h-unit">
          <h2 id="h-unit">
            {t(locale, 'dash.byUnit')} {year}
          </h2>
          <Bars rows={byUnit} locale={locale} empty={t(locale, 'dash.none')} />
        </section>
      </div>
    </>,
  );
}
