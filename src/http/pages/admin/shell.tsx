import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { type Locale, tr, type Words, words } from '../../../domain/i18n.ts';
import type { AppEnv } from '../../env.ts';
import { Csrf, ErrorSummary, type FormState } from '../ui/forms.tsx';
import { page } from '../ui/page.tsx';

// The frame every admin page shares: a way back to the admin home, the heading, the "add one"
// form and the (de)activate button, so the admin pages differ only in their own columns/fields.

/** The admin areas: where each lives, its name, and one line on the admin home page. */
export const ADMIN_AREAS = {
  units: {
    href: '/kerja/admin/unit',
    name: words('Unit', 'Units'),
    about: words('Pohon unit perangkat daerah', 'The tree of government units'),
  },
  givers: {
    href: '/kerja/admin/pemberi',
    name: words('Pemberi penghargaan', 'Awarding bodies'),
    about: words(
      'Kementerian, lembaga dan pemberi lain, dengan alias dan nama baru',
      'Ministries and other givers, with aliases and renames',
    ),
  },
  fields: {
    href: '/kerja/admin/bidang',
    name: words('Bidang', 'Fields'),
    about: words('Bidang penghargaan', 'Award fields'),
  },
  users: {
    href: '/kerja/admin/pengguna',
    name: words('Pengguna', 'Users'),
    about: words('Akun, peran dan unit', 'Accounts, roles and units'),
  },
  scales: {
    href: '/kerja/admin/skala',
    name: words('Skala penilaian', 'Grading scales'),
    about: words('Skala penilaian dan versinya', 'Grading scales and their versions'),
  },
} satisfies Record<string, { href: string; name: Words; about: Words }>;

export function adminPage(
  c: Context<AppEnv>,
  opts: { area: keyof typeof ADMIN_AREAS; status?: number },
  body: Child,
) {
  const l = c.get('locale');
  const title = ADMIN_AREAS[opts.area].name[l];
  return page(
    c,
    { title, section: 'admin', status: opts.status ?? 200 },
    <>
      <p>
        <a href="/kerja/admin">← {tr(l, 'Administrasi', 'Administration')}</a>
      </p>
      <h1>{title}</h1>
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
