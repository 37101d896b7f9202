import type { Locale } from '../i18n.ts';
import { t } from '../i18n.ts';
import { Csrf } from '../ui/forms.tsx';

// The verifier's two decisions on a submitted award — verify, or return with a reason — the
// same on the award page and in the queue. `back` is where the answer lands afterwards.

export function VerifyForms(p: {
  id: number;
  locale: Locale;
  csrf: string | null;
  back: string;
  failed?: { reason: string; error: string } | null;
}) {
  const { id, locale: l, csrf } = p;
  const base = `/kerja/penghargaan/${id}`;
  return (
    <div class="verify-forms">
      <form method="post" action={`${base}/verifikasi`} class="inline">
        <Csrf token={csrf} />
        <input type="hidden" name="back" value={p.back} />
        <button type="submit">{t(l, 'verify.verify')}</button>
      </form>
      <form method="post" action={`/kerja/verifikasi/${id}/kembalikan`} class="return-form">
        <Csrf token={csrf} />
        <input type="hidden" name="back" value={p.back} />
        <div class={`field ${p.failed ? 'has-error' : ''}`}>
          <label for={`reason-${id}`}>{t(l, 'verify.reason')}</label>
          <p class="hint" id={`rh-${id}`}>
            {t(l, 'verify.reasonHint')}
          </p>
          {p.failed ? (
            <p class="field-error" id={`re-${id}`} role="alert">
              {p.failed.error}
            </p>
          ) : null}
          <textarea
            id={`reason-${id}`}
            name="reason"
            rows={2}
            aria-describedby={p.failed ? `rh-${id} re-${id}` : `rh-${id}`}
            aria-invalid={p.failed ? 'true' : undefined}
          >
            {p.failed?.reason ?? ''}
          </textarea>
        </div>
        <button type="submit" class="secondary">
          {t(l, 'verify.return')}
        </button>
      </form>
    </div>
  );
}
