import { type Context, Hono } from 'hono';
import { listAwards } from '../../services/awards/read.ts';
import { listAwardsQuerySchema } from '../../services/awards/schemas.ts';
import { returnAward } from '../../services/awards/workflow.ts';
import { AppError } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';
import { formatDate, formatDateTime } from './format.ts';
import { t, tr } from './i18n.ts';
import { gradeText, intParam, recipientText, requireRole } from './ui/bits.tsx';
import { Csrf, readForm } from './ui/forms.tsx';
import { flash, page, seeOther } from './ui/page.tsx';

// The verification queue (verifikator, admin): every submitted record, oldest first, with
// what a verifier needs to decide, a verify button and a return form that requires a reason.

interface ReturnState {
  id: number;
  reason: string;
  error: string;
}

async function queuePage(c: Context<AppEnv>, failed: ReturnState | null = null) {
  const actor = requireRole(c, ['admin', 'verifikator']);
  const l = c.get('locale');
  const csrf = c.get('csrfToken');
  const query = listAwardsQuerySchema.parse({
    state: 'submitted',
    sort: 'updatedAt',
    order: 'asc',
    pageSize: 200,
  });
  const { items, total } = await listAwards(c.get('deps').db.db, actor, query, l);
  const evidenceCounts = new Map<number, number>();
  if (items.length) {
    const rows = await c
      .get('deps')
      .db.db.selectFrom('evidence')
      .select(['award_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(
        'award_id',
        'in',
        items.map((a) => a.id),
      )
      .groupBy('award_id')
      .execute();
    for (const r of rows) evidenceCounts.set(r.award_id, Number(r.n));
  }
  return page(
    c,
    { title: t(l, 'verify.title'), section: 'verify', status: failed ? 422 : 200 },
    <>
      <h1>{t(l, 'verify.title')}</h1>
      <p>
        {tr(
          l,
          `${total} penghargaan menunggu keputusan Anda.`,
          `Awards waiting for your decision: ${total}.`,
        )}
      </p>
      {items.length === 0 ? <p class="card">{t(l, 'verify.empty')}</p> : null}
      {items.map((a) => {
        const mine = failed?.id === a.id ? failed : null;
        return (
          <article class="card" id={`award-${a.id}`} aria-labelledby={`t-${a.id}`} style="margin-bottom:1rem">
            <h2 id={`t-${a.id}`}>
              <a href={`/kerja/penghargaan/${a.id}`}>{a.title}</a>
            </h2>
            <p class="muted">
              {a.awardingBody?.abbreviation ?? a.awardingBodyText ?? '—'} · {a.editionYear} ·{' '}
              {recipientText(a, l)} · {gradeText(a, l)} · {t(l, 'col.received')}:{' '}
              {formatDate(a.receivedOn, l)} · {tr(l, 'diajukan', 'submitted')}{' '}
              {formatDateTime(a.submittedAt, l)}
            </p>
            <p>
              {tr(l, 'Bukti', 'Evidence')}:{' '}
              <a href={`/kerja/penghargaan/${a.id}#bukti`}>{evidenceCounts.get(a.id) ?? 0}</a>
            </p>
            <div class="actions">
              <form method="post" action={`/kerja/penghargaan/${a.id}/verifikasi`} class="inline">
                <Csrf token={csrf} />
                <input type="hidden" name="back" value="/kerja/verifikasi" />
                <button type="submit">{t(l, 'verify.verify')}</button>
              </form>
            </div>
            <form method="post" action={`/kerja/verifikasi/${a.id}/kembalikan`} style="margin-top:0.75rem">
              <Csrf token={csrf} />
              <div class={`field ${mine ? 'has-error' : ''}`}>
                <label for={`reason-${a.id}`}>{t(l, 'verify.reason')}</label>
                <p class="hint" id={`rh-${a.id}`}>
                  {t(l, 'verify.reasonHint')}
                </p>
                {mine ? (
                  <p class="field-error" id={`re-${a.id}`} role="alert">
                    {mine.error}
                  </p>
                ) : null}
                <textarea
                  id={`reason-${a.id}`}
                  name="reason"
                  rows={2}
                  aria-describedby={mine ? `rh-${a.id} re-${a.id}` : `rh-${a.id}`}
                  aria-invalid={mine ? 'true' : undefined}
                >
                  {mine?.reason ?? ''}
                </textarea>
              </div>
              <button type="submit" class="secondary">
                {t(l, 'verify.return')}
              </button>
            </form>
          </article>
        );
      })}
    </>,
  );
}

export function verificationPages() {
  const app = new Hono<AppEnv>();
  app.get('/verifikasi', (c) => queuePage(c));
  app.post('/verifikasi/:id{[0-9]+}/kembalikan', async (c) => {
    const actor = requireRole(c, ['admin', 'verifikator']);
    const body = await readForm(c);
    const id = intParam(c.req.param('id')) ?? 0;
    const reason = typeof body.reason === 'string' ? body.reason : '';
    try {
      await returnAward(c.get('deps').db.db, actor, id, reason);
    } catch (err) {
      if (err instanceof AppError && err.status === 422)
        return queuePage(c, {
          id,
          reason,
          error: err.details.map((d) => d.message).join(' ') || err.message,
        });
      if (err instanceof AppError && err.status === 409) {
        flash(c, err.message, 'error');
        return c.redirect('/kerja/verifikasi', 303);
      }
      throw err;
    }
    return seeOther(
      c,
      '/kerja/verifikasi',
      tr(
        c.get('locale'),
        'Dikembalikan kepada operator dengan alasan.',
        'Returned to the operator with the reason.',
      ),
    );
  });
  return app;
}
