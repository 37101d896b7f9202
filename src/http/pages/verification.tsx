import { type Context, Hono } from 'hono';
import { formatDate, formatDateTime } from '../../domain/format.ts';
import { tr } from '../../domain/i18n.ts';
import { listAudit } from '../../services/audit.ts';
import { evidenceOf, listAwards } from '../../services/awards/read.ts';
import { listAwardsQuerySchema } from '../../services/awards/schemas.ts';
import { returnAward } from '../../services/awards/workflow.ts';
import { AppError } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';
import { EvidenceList } from './awards/evidence.tsx';
import { ResubmissionNote, resubmissionOf } from './awards/resubmission.tsx';
import { VerifyForms } from './awards/verify-forms.tsx';
import { gradeText, intParam, recipientText, requireRole } from './ui/bits.tsx';
import { readForm } from './ui/forms.tsx';
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
  // What the verifier needs beside each record: its evidence (previewed) and, for a record
  // that comes back after a return, the earlier reason and what changed since.
  const { db } = c.get('deps').db;
  const ids = items.map((a) => a.id);
  const evidence = await evidenceOf(db, ids);
  const history = new Map(
    await Promise.all(ids.map(async (id) => [id, await listAudit(db, 'award', id)] as const)),
  );
  return page(
    c,
    {
      title: tr(l, 'Antrean verifikasi', 'Verification queue'),
      section: 'verify',
      status: failed ? 422 : 200,
    },
    <>
      <h1>{tr(l, 'Antrean verifikasi', 'Verification queue')}</h1>
      <p>
        {tr(
          l,
          `${total} penghargaan menunggu keputusan Anda.`,
          `Awards waiting for your decision: ${total}.`,
        )}
      </p>
      {items.length === 0 ? (
        <p class="card">
          {tr(l, 'Tidak ada penghargaan yang menunggu verifikasi.', 'Nothing is waiting for verification.')}
        </p>
      ) : null}
      {items.map((a) => {
        const mine = failed?.id === a.id ? failed : null;
        const resubmitted = resubmissionOf(history.get(a.id) ?? []);
        return (
          <article class="card queue-item" id={`award-${a.id}`} aria-labelledby={`t-${a.id}`}>
            <h2 id={`t-${a.id}`}>
              <a href={`/kerja/penghargaan/${a.id}`}>{a.title}</a>
            </h2>
            <p class="muted">
              {a.awardingBody?.abbreviation ?? a.awardingBodyText ?? '—'} · {a.editionYear} ·{' '}
              {recipientText(a, l)} · {gradeText(a, l)} · {tr(l, 'Tanggal diterima', 'Received on')}:{' '}
              {formatDate(a.receivedOn, l)} · {tr(l, 'diajukan', 'submitted')}{' '}
              {formatDateTime(a.submittedAt, l)}
            </p>
            {resubmitted ? <ResubmissionNote r={resubmitted} locale={l} /> : null}
            <details class="queue-evidence" open={(evidence.get(a.id) ?? []).length > 0 || undefined}>
              <summary>
                {tr(l, 'Bukti', 'Evidence')} ({(evidence.get(a.id) ?? []).length})
              </summary>
              <EvidenceList items={evidence.get(a.id) ?? []} locale={l} canEdit={false} csrf={csrf} />
            </details>
            <VerifyForms id={a.id} locale={l} csrf={csrf} back="/kerja/verifikasi" failed={mine} />
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
    // From the award page the answer goes back there; from the queue, to the queue.
    const back =
      typeof body.back === 'string' && /^\/kerja\/penghargaan\/\d+$/.test(body.back)
        ? body.back
        : '/kerja/verifikasi';
    try {
      await returnAward(c.get('deps').db.db, actor, id, reason);
    } catch (err) {
      if (err instanceof AppError && err.status === 422 && back !== '/kerja/verifikasi') {
        flash(c, err.details.map((d) => d.message).join(' ') || err.message, 'error');
        return c.redirect(back, 303);
      }
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
      back,
      tr(
        c.get('locale'),
        'Dikembalikan kepada operator dengan alasan.',
        'Returned to the operator with the reason.',
      ),
    );
  });
  return app;
}
