import type { Child } from 'hono/jsx';
import { tr } from '../../../domain/i18n.ts';
import { href, link } from './links.ts';
import { COMPARE_NAV, REGIONS_NAV } from './regions-words.ts';
import { canonicalUrl, otherLanguageHref, type View } from './view.ts';

type Section = 'home' | 'list' | 'units' | 'timeline' | 'data' | 'compare' | null;

export interface LayoutProps {
  v: View;
  title: string;
  description: string;
  section: Section;
  children?: Child;
}

/** The public page frame: skip link, header with emblem and navigation, main, footer, sharing tags. */
export function Layout({ v, title, description, section, children }: LayoutProps) {
  const { site, locale } = v;
  const fullTitle = title === site.name ? title : `${title} · ${site.name}`;
  const url = canonicalUrl(v);
  // A shared link shows the region's emblem, or the shipped one when none is configured.
  const image = new URL(site.emblemUrl ?? '/static/emblem.svg', v.origin).toString();
  // A region's showcase, or the deployment's own pages (the index of regions, the comparison).
  const nav: [Section, string, string][] =
    site.regionCode === null
      ? [
          ['home', '/', REGIONS_NAV[locale]],
          ['compare', '/perbandingan', COMPARE_NAV[locale]],
          ['data', '/data', tr(locale, 'Data Terbuka', 'Open data')],
        ]
      : [
          ['home', '/', tr(locale, 'Beranda', 'Home')],
          ['list', '/penghargaan', tr(locale, 'Daftar Penghargaan', 'Awards')],
          ['units', '/unit', tr(locale, 'Unit Kerja', 'Units')],
          ['timeline', '/linimasa', tr(locale, 'Linimasa', 'Timeline')],
          ['data', '/data', tr(locale, 'Data Terbuka', 'Open data')],
        ];
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        <link rel="canonical" href={url} />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={site.name} />
        <meta property="og:title" content={fullTitle} />
        <meta property="og:description" content={description} />
        <meta property="og:url" content={url} />
        <meta property="og:locale" content={locale === 'en' ? 'en_GB' : 'id_ID'} />
        <meta property="og:image" content={image} />
        <link rel="icon" href={site.emblemUrl ?? '/static/emblem.svg'} />
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content={fullTitle} />
        <meta name="twitter:description" content={description} />
        <meta name="theme-color" content="#0b3d52" />
        <link rel="stylesheet" href="/aset/showcase.css" />
      </head>
      <body class="sc">
        <a class="skip" href="#isi">
          {tr(locale, 'Langsung ke isi', 'Skip to content')}
        </a>
        <header class="masthead">
          <div class="wrap masthead-row">
            <a class="brand" href={href(v, '/')}>
              {site.emblemUrl ? (
                <img
                  class="emblem"
                  src={site.emblemUrl}
                  alt={tr(locale, `Lambang ${site.name}`, `Emblem of ${site.name}`)}
                  width="44"
                  height="44"
                />
              ) : (
                <DefaultEmblem />
              )}
              <span class="brand-text">
                <span class="brand-name">{site.name}</span>
                <span class="brand-tag">
                  {tr(
                    locale,
                    'Catatan resmi penghargaan yang telah diverifikasi',
                    'The official record of verified awards',
                  )}
                </span>
              </span>
            </a>
            <a
              class="lang"
              href={otherLanguageHref(v)}
              hreflang={locale === 'en' ? 'id' : 'en'}
              lang={locale === 'en' ? 'id' : 'en'}
              aria-label={tr(locale, 'Read in English', 'Baca dalam Bahasa Indonesia')}
            >
              {tr(locale, 'English', 'Bahasa Indonesia')}
            </a>
          </div>
          <nav class="mainnav" aria-label={tr(locale, 'Navigasi utama', 'Main navigation')}>
            <ul class="wrap">
              {nav.map(([key, path, label]) => (
                <li>
                  <a href={href(v, path)} aria-current={section === key ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="isi" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {tr(
                locale,
                'Hanya penghargaan yang telah diverifikasi dan dinyatakan publik yang ditampilkan. Data dapat diunduh bebas di halaman Data Terbuka.',
                'Only awards that have been verified and made public are shown. The data can be downloaded freely from the Open data page.',
              )}
            </p>
            <p>
              {v.base ? (
                <>
                  <a href={link('/', locale)}>{REGIONS_NAV[locale]}</a> ·{' '}
                  <a href={link('/perbandingan', locale)}>{COMPARE_NAV[locale]}</a> ·{' '}
                </>
              ) : null}
              <a href={href(v, '/data')}>{tr(locale, 'Data Terbuka', 'Open data')}</a> ·{' '}
              <a href="/masuk">{tr(locale, 'Masuk (petugas)', 'Sign in (staff)')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A plain shield, used until a real emblem is configured (EMBLEM_URL). Decorative. */
function DefaultEmblem() {
  return (
    <svg class="emblem" viewBox="0 0 40 44" width="40" height="44" aria-hidden="true" focusable="false">
      <path
        d="M20 2 L37 8 V22 C37 33 29 40 20 42 C11 40 3 33 3 22 V8 Z"
        fill="#f2c14e"
        stroke="#fff"
        stroke-width="2"
      />
      <path
        d="M20 11 l3.1 6.6 7.2.8-5.4 4.9 1.5 7.1L20 26.8l-6.4 3.6 1.5-7.1-5.4-4.9 7.2-.8Z"
        fill="#0b3d52"
      />
    </svg>
  );
}
