import { type Locale, tr } from '../../../domain/i18n.ts';
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
        <button type="submit">{tr(l, 'Verifikasi', 'Verify')}</button>
      </form>
      <form method="post" action={`/kerja/verifikasi/${id}/kembalikan`} class="return-form">
        <Csrf token={csrf} />
        <input type="hidden" name="back" value={p.back} />
        <div class={`field ${p.failed ? 'has-error' : ''}`}>
          <label for={`reason-${id}`}>{tr(l, 'Alasan dikembalikan', 'Reason for returning')}</label>
          <p class="hint" id={`rh-${id}`}>
            {tr(l, 'Tulis apa yang harus diperbaiki operator.', 'Say what the operator must fix.')}
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
          {tr(l, 'Kembalikan', 'Return')}
        </button>
      </form>
    </div>
  );
}
