import type { Child } from 'hono/jsx';
import { type Locale, tr, type Words, words } from '../../domain/i18n.ts';
import { roleLabel } from '../../domain/labels.ts';
import type { Actor } from '../../services/actor.ts';

// The frame of every page: skip link, header with the region's name and emblem, a menu that
// fits the role, the language switch, the main landmark, and the footer. The menu only hides
// what a role cannot use; every route checks the role again.

export interface LayoutProps {
  locale: Locale;
  title: string;
  description?: string;
  siteName: string;
  emblemUrl: string;
  actor: Actor | null;
  csrfToken: string | null;
  /** The current path and query, for the language switch and OpenGraph URL. */
  path: string;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
  /** Where the page sits in the menu, for aria-current. */
  section?: string;
  children?: Child;
}

interface NavItem {
  href: string;
  label: Words;
  section: string;
}

function navFor(actor: Actor | null): NavItem[] {
  if (!actor) return [{ href: '/masuk', label: words('Masuk', 'Sign in'), section: 'login' }];
  const items: NavItem[] = [
    { href: '/kerja', label: words('Beranda kerja', 'Workspace'), section: 'dashboard' },
    { href: '/kerja/penghargaan', label: words('Penghargaan', 'Awards'), section: 'awards' },
  ];
  if (['admin', 'operator', 'kurator'].includes(actor.role))
    items.push({
      href: '/kerja/penghargaan/baru',
      label: words('Tambah penghargaan', 'New award'),
      section: 'new',
    });
  if (actor.role === 'admin' || actor.role === 'verifikator')
    items.push({ href: '/kerja/verifikasi', label: words('Verifikasi', 'Verification'), section: 'verify' });
  if (actor.role === 'admin' || actor.role === 'kurator')
    items.push({ href: '/kerja/temuan', label: words('Temuan berita', 'News findings'), section: 'intake' });
  if (actor.role !== 'viewer')
    items.push({ href: '/kerja/impor', label: words('Impor', 'Import'), section: 'import' });
  items.push({ href: '/kerja/ekspor', label: words('Ekspor', 'Export'), section: 'export' });
  if (actor.role === 'admin')
    items.push({ href: '/kerja/admin', label: words('Administrasi', 'Administration'), section: 'admin' });
  return items;
}

/** The same URL with `lang` switched, keeping every other query parameter. */
export function withLang(path: string, lang: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

export function Layout(p: LayoutProps) {
  const other = tr(p.locale, 'en', 'id');
  const fullTitle = `${p.title} · ${p.siteName}`;
  const description =
    p.description ??
    tr(
      p.locale,
      'Catatan penghargaan pemerintah daerah yang terverifikasi',
      "A regional government's verified record of awards",
    );
  return (
    <html lang={p.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        <meta property="og:title" content={fullTitle} />
        <meta property="og:description" content={description} />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={p.siteName} />
        <meta property="og:image" content={p.emblemUrl} />
        {p.csrfToken ? <meta name="csrf-token" content={p.csrfToken} /> : null}
        <link rel="icon" href={p.emblemUrl} />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/htmx.min.js" defer></script>
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#isi">
          {tr(p.locale, 'Langsung ke isi', 'Skip to content')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={p.actor ? '/kerja' : '/'}>
              <img src={p.emblemUrl} alt="" width="40" height="40" />
              <span>
                <strong>{p.siteName}</strong>
                <small>
                  Prestasi ·{' '}
                  {tr(
                    p.locale,
                    'Catatan penghargaan pemerintah daerah yang terverifikasi',
                    "A regional government's verified record of awards",
                  )}
                </small>
              </span>
            </a>
            <div class="header-tools">
              <a href="/">{tr(p.locale, 'Etalase publik', 'Public showcase')}</a>
              <a href={withLang(p.path, other)} hreflang={other} lang={other}>
                {tr(p.locale, 'English', 'Bahasa Indonesia')}
              </a>
              {p.actor ? (
                <form method="post" action="/keluar" class="inline">
                  <input type="hidden" name="_csrf" value={p.csrfToken ?? ''} />
                  <span class="who">
                    {p.actor.label} ({roleLabel(p.locale, p.actor.role)})
                  </span>{' '}
                  <button type="submit" class="link">
                    {tr(p.locale, 'Keluar', 'Sign out')}
                  </button>
                </form>
              ) : null}
            </div>
          </div>
          <nav aria-label={tr(p.locale, 'Menu utama', 'Main menu')} class="wrap main-nav">
            <ul>
              {navFor(p.actor).map((item) => (
                <li>
                  <a href={item.href} aria-current={item.section === p.section ? 'page' : undefined}>
                    {item.label[p.locale]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="isi" class="wrap" tabindex={-1}>
          {p.flash ? (
            <p class={`flash flash-${p.flash.kind}`} role={p.flash.kind === 'error' ? 'alert' : 'status'}>
              {p.flash.text}
            </p>
          ) : null}
          {p.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {p.siteName} ·{' '}
              {tr(
                p.locale,
                'Data penghargaan yang terverifikasi oleh pemerintah daerah.',
                'Award records verified by the regional government.',
              )}
            </p>
            <p>
              <a href="/api/v1/openapi.json">API</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
