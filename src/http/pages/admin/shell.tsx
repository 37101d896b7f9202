import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../env.ts';
import { type Locale, type MessageKey, t, tr } from '../i18n.ts';
import { Csrf, ErrorSummary, type FormState } from '../ui/forms.tsx';
import { page } from '../ui/page.tsx';

// The frame every admin page shares: a way back to the admin home, the heading, the "add one"
// form and the (de)activate button, so the admin pages differ only in their own columns/fields.

export function adminPage(c: Context<AppEnv>, opts: { title: MessageKey; status?: number }, body: Child) {
  const l = c.get('locale');
  return page(
    c,
    { title: t(l, opts.title), section: 'admin', status: opts.status ?? 200 },
    <>
      <p>
        <a href="/kerja/admin">← {t(l, 'admin.title')}</a>
      </p>
      <h1>{t(l, opts.title)}</h1>
      {body}
    </>,
  );
}

/**
 * The form that adds one row. `standalone` forms sit under the list and need space above; in
 * a two-column layout the column gap already provides it.
 */
export function AddForm(p: {
  action: string;
  heading: string;
  state: FormState;
  locale: Locale;
  csrf: string | null;
  standalone?: boolean;
  children: Child;
}) {
  return (
    <form
      method="post"
      action={p.action}
      class="stack"
      aria-labelledby="h-add"
      style={p.standalone === false ? undefined : 'margin-top:1.5rem'}
    >
      <h2 id="h-add">{p.heading}</h2>
      <ErrorSummary state={p.state} locale={p.locale} />
      <Csrf token={p.csrf} />
      {p.children}
      <button type="submit">{tr(p.locale, 'Tambah', 'Add')}</button>
    </form>
  );
}

/** A one-button form that turns an account or unit off (or back on). */
export function ActiveToggle(p: { action: string; active: boolean; locale: Locale; csrf: string | null }) {
  return (
    <form method="post" action={p.action} class="inline">
      <Csrf token={p.csrf} />
      <input type="hidden" name="active" value={p.active ? '0' : '1'} />
      <button type="submit" class="link">
        {p.active ? tr(p.locale, 'nonaktifkan', 'deactivate') : tr(p.locale, 'aktifkan', 'activate')}
      </button>
    </form>
  );
}

/**
 * The form that changes one existing row, on its own page (`…/:id/ubah`): ids stay unique
 * on the page, and a refused change comes back here with the errors and the typed values.
 */
export function EditForm(p: {
  action: string;
  heading: string;
  back: string;
  state: FormState;
  locale: Locale;
  csrf: string | null;
  children: Child;
}) {
  return (
    <form method="post" action={p.action} class="stack" aria-labelledby="h-edit">
      <h2 id="h-edit">{p.heading}</h2>
      <ErrorSummary state={p.state} locale={p.locale} />
      <Csrf token={p.csrf} />
      {p.children}
      <div class="actions">
        <button type="submit">{tr(p.locale, 'Simpan', 'Save')}</button>{' '}
        <a href={p.back}>{tr(p.locale, 'Batal', 'Cancel')}</a>
      </div>
    </form>
  );
}
