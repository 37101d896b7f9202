import type { Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';
import { askedLanguage } from '../language.ts';
import { adminRoutes } from './admin/index.ts';
import { authPages } from './auth.tsx';
import { awardPages } from './awards/index.ts';
import { dataPages } from './data/index.ts';
import { renderErrorPage } from './error-page.tsx';
import { intakePages } from './intake/index.ts';
import { showcaseRoutes } from './showcase/index.tsx';
import { staticRoutes } from './static.ts';
import { verificationPages } from './verification.tsx';
import { workspaceRoutes } from './workspace/index.ts';

/** Pages where an empty field is itself a choice: the export page's empty year is "every year". */
const EMPTY_IS_A_CHOICE = new Set(['/kerja/ekspor']);

// Web pages: the signed-in workspace under /kerja, sign-in at /masuk, static assets under
// /static, and the public showcase (its own folder) everywhere else.
export function mountPages(app: Hono<AppEnv>): void {
  // `?lang=en` switches the language for this request (language.ts) and, through the cookie,
  // the next ones.
  app.use('*', async (c, next) => {
    const lang = askedLanguage(c);
    if (lang) setCookie(c, 'lang', lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
    await next();
  });
  // A filter form sends every field, the empty ones too ("?tahun=&bidang=&q="): answer with
  // the same page at its clean URL, so the address that is shared says only what was chosen.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' || c.req.path.startsWith('/api/') || EMPTY_IS_A_CHOICE.has(c.req.path))
      return next();
    const url = new URL(c.req.url);
    const kept = [...url.searchParams].filter(([, value]) => value !== '');
    if (kept.length === [...url.searchParams].length) return next();
    const query = new URLSearchParams(kept).toString();
    return c.redirect(`${url.pathname}${query ? `?${query}` : ''}`, 302);
  });
  app.route('/static', staticRoutes());
  // Browsers ask for /favicon.ico whatever the page says: answer with the emblem, not a 404.
  app.get('/favicon.ico', (c) => c.redirect('/static/emblem.svg', 301));
  app.route('/', authPages());
  app.route('/kerja', workspaceRoutes());
  app.route('/kerja', awardPages());
  app.route('/kerja', verificationPages());
  app.route('/kerja', intakePages());
  app.route('/kerja', dataPages());
  app.route('/kerja/admin', adminRoutes());
  app.route('/', showcaseRoutes());
}

/** How an error looks on a page request: an HTML page saying what happened and what to do. */
export function renderPageError(c: Context<AppEnv>, err: unknown): Response | Promise<Response> {
  return renderErrorPage(c, err);
}
