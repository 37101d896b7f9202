import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../env.ts';
import { Layout } from '../layout.tsx';

// Renders a page inside the layout, with the flash message left by the previous request
// (post → redirect → get) shown once and then cleared.

const FLASH_COOKIE = 'prestasi_flash';
export const DEFAULT_EMBLEM = '/static/emblem.svg';

export function siteOf(c: Context<AppEnv>) {
  const { config } = c.get('deps');
  return { siteName: config.siteName ?? 'Prestasi', emblemUrl: config.emblemUrl ?? DEFAULT_EMBLEM };
}

/** Leaves a one-line message for the next page the browser opens. */
export function flash(c: Context<AppEnv>, text: string, kind: 'ok' | 'error' = 'ok'): void {
  setCookie(c, FLASH_COOKIE, encodeURIComponent(`${kind}:${text}`), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: 60,
  });
}

function takeFlash(c: Context<AppEnv>) {
  const raw = getCookie(c, FLASH_COOKIE);
  if (!raw) return null;
  deleteCookie(c, FLASH_COOKIE, { path: '/' });
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const kind = text.startsWith('error:') ? 'error' : 'ok';
  return { kind, text: text.replace(/^(ok|error):/, '') } as const;
}

export interface PageOptions {
  title: string;
  description?: string;
  section?: string;
  status?: number;
}

export function page(c: Context<AppEnv>, opts: PageOptions, body: Child) {
  const url = new URL(c.req.url);
  const html = (
    <Layout
      locale={c.get('locale')}
      title={opts.title}
      description={opts.description}
      {...siteOf(c)}
      actor={c.get('actor')}
      csrfToken={c.get('csrfToken')}
      path={`${url.pathname}${url.search}`}
      flash={takeFlash(c)}
      section={opts.section}
    >
      {body}
    </Layout>
  );
  return c.html(`<!doctype html>${html}`, (opts.status ?? 200) as 200);
}

/** Redirect after a successful form post (303: the browser follows with GET). */
export function seeOther(c: Context<AppEnv>, to: string, message?: string) {
  if (message) flash(c, message);
  return c.redirect(to, 303);
}
