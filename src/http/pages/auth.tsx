import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { checkLogin } from '../../auth/login.ts';
import { newSecret } from '../../auth/secrets.ts';
import { tr } from '../../domain/i18n.ts';
import { AppError } from '../../services/errors.ts';
import { clientAddress } from '../api/auth.ts';
import { endSession, startSession } from '../auth/session.ts';
import type { AppEnv } from '../env.ts';
import { Csrf, ErrorSummary, type FormState, readForm, TextField } from './ui/forms.tsx';
import { flash, page, seeOther } from './ui/page.tsx';

// Sign in and out. Before sign-in there is no session token, so the login form uses a
// double-submit cookie: GET /masuk sets a random SameSite=Strict cookie and puts the same
// value in the form; POST compares the two. Another site can neither read the cookie nor
// make the browser send it on a cross-site post.

const LOGIN_CSRF = 'prestasi_login_csrf';

/** Only local paths, so `?ke=` cannot send people to another site after sign-in. */
export function safeNext(raw: string | undefined): string {
  return raw?.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\') ? raw : '/kerja';
}

export function authPages() {
  const app = new Hono<AppEnv>();

  const loginPage = (c: Context<AppEnv>, state: FormState, status = 200) => {
    const locale = c.get('locale');
    const token = newSecret();
    setCookie(c, LOGIN_CSRF, token, { path: '/masuk', httpOnly: true, sameSite: 'Strict' });
    return page(
      c,
      { title: tr(locale, 'Masuk ke ruang kerja', 'Sign in to the workspace'), section: 'login', status },
      <section class="narrow" aria-labelledby="login-title">
        <h1 id="login-title">{tr(locale, 'Masuk ke ruang kerja', 'Sign in to the workspace')}</h1>
        <p>
          {tr(
            locale,
            'Untuk operator, verifikator, kurator dan admin. Publik dapat melihat etalase tanpa masuk.',
            'For operators, verifiers, curators and admins. The public showcase needs no sign-in.',
          )}
        </p>
        <ErrorSummary state={state} locale={locale} />
        <form method="post" action="/masuk" class="stack" style="max-width:28rem">
          <Csrf token={token} />
          <input type="hidden" name="ke" value={state.values.ke ?? ''} />
          <TextField
            name="email"
            type="email"
            label={tr(locale, 'Email', 'Email')}
            state={state}
            required
            attrs={{ autocomplete: 'username' }}
          />
          <TextField
            name="password"
            type="password"
            label={tr(locale, 'Kata sandi', 'Password')}
            state={{ ...state, values: { ...state.values, password: '' } }}
            required
            attrs={{ autocomplete: 'current-password' }}
          />
          <div class="actions">
            <button type="submit">{tr(locale, 'Masuk', 'Sign in')}</button>
          </div>
        </form>
      </section>,
    );
  };

  app.get('/masuk', (c) => {
    if (c.get('actor')) return c.redirect(safeNext(c.req.query('ke')), 303);
    return loginPage(c, { values: { ke: c.req.query('ke') ?? '' }, errors: {} });
  });

  app.post('/masuk', async (c) => {
    const body = await c.req.parseBody();
    const values = {
      email: typeof body.email === 'string' ? body.email : '',
      ke: typeof body.ke === 'string' ? body.ke : '',
    };
    const cookie = getCookie(c, LOGIN_CSRF);
    if (!cookie || body._csrf !== cookie)
      return loginPage(
        c,
        { values, errors: {}, message: 'Formulir kedaluwarsa: silakan masuk sekali lagi.' },
        403,
      );
    const password = typeof body.password === 'string' ? body.password : '';
    const errors: Record<string, string[]> = {};
    if (!values.email.trim()) errors.email = ['Isi email Anda.'];
    if (!password) errors.password = ['Isi kata sandi Anda.'];
    if (Object.keys(errors).length) return loginPage(c, { values, errors }, 422);
    try {
      const user = await checkLogin(c.get('deps').db.db, values.email, password, clientAddress(c));
      await startSession(c, user.id);
    } catch (err) {
      if (err instanceof AppError && (err.status === 401 || err.status === 429))
        return loginPage(
          c,
          {
            values,
            errors: {},
            // The page speaks the reader's language; the API keeps the Indonesian message.
            message:
              err.status === 401
                ? tr(
                    c.get('locale'),
                    'Email atau kata sandi salah. Periksa ejaan email dan huruf besar/kecil kata sandi.',
                    'Wrong email or password. Check the spelling of the email and the case of the password.',
                  )
                : err.message,
          },
          err.status,
        );
      throw err;
    }
    return seeOther(c, safeNext(values.ke), tr(c.get('locale'), 'Selamat datang.', 'Welcome.'));
  });

  app.post('/keluar', async (c) => {
    if (c.get('actor')) {
      await readForm(c);
      await endSession(c);
    }
    flash(c, tr(c.get('locale'), 'Anda sudah keluar.', 'You are signed out.'));
    return c.redirect('/masuk', 303);
  });

  return app;
}
