// What a watched source lists: a feed's items (with their own text), a sitemap's pages, or the
// article links of a "berita" list page. Only http/https links on the web are kept; everything
// else (javascript:, mailto:, data:, fragments) is dropped here and never stored.
import type * as FastXml from 'fast-xml-parser';
import type * as Linkedom from 'linkedom';
import type { NewsSourceKind } from '../../../db/schema.ts';
import { type FeedItem, isFeed, parseFeed } from '../../../extract/feeds.ts';
import { htmlDepth, MAX_HTML_DEPTH } from '../../../extract/html-depth.ts';
import { lazy, lazyRequire } from '../../../lazy.ts';

// Loaded on first use: the intake API is part of every server, a list page read is rare.
const linkedom = lazyRequire<typeof Linkedom>('linkedom');
const fastXml = lazyRequire<typeof FastXml>('fast-xml-parser');

export interface ListedItem {
  url: string;
  title: string | null;
  published: string | null;
  /** A feed item's own text (HTML), when it carries one. */
  html: string | null;
}

/** A listing that cannot be read: the message says what was wrong, in Indonesian. */
export class ListingError extends Error {}

/** Most links one listing yields (a sitemap may hold 50,000). */
export const MAX_LINKS = 200;

export function webLink(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (u.username || u.password) return null;
    u.hash = '';
    return u.toString().slice(0, 2000);
  } catch {
    return null;
  }
}

export function listItems(kind: NewsSourceKind, text: string, base: string): ListedItem[] {
  const items =
    kind === 'feed'
      ? fromFeed(text, base)
      : kind === 'sitemap'
        ? fromSitemap(text, base)
        : fromListPage(text, base);
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.url) && seen.add(i.url)).slice(0, MAX_LINKS);
}

/** The parser reads broken XML leniently; a feed or sitemap must be well-formed to be trusted. */
function assertWellFormed(text: string, what: string): void {
  const result = fastXml().XMLValidator.validate(text);
  if (result !== true)
    throw new ListingError(`XML ${what} rusak di baris ${result.err.line}: ${result.err.msg.slice(0, 160)}`);
}

function fromFeed(xml: string, base: string): ListedItem[] {
  if (!isFeed(xml)) throw new ListingError('Bukan feed RSS/Atom (tidak ada <rss> atau <feed>)');
  assertWellFormed(xml, 'feed');
  let items: FeedItem[];
  try {
    items = parseFeed(xml);
  } catch (err) {
    throw new ListingError(`XML feed rusak: ${(err as Error).message.split('\n')[0].slice(0, 160)}`);
  }
  return items.flatMap((it) => {
    const url = webLink(it.link, base);
    return url ? [{ url, title: it.title, published: it.published, html: it.html || null }] : [];
  });
}

const xml = lazy(
  () => new (fastXml().XMLParser)({ ignoreAttributes: true, processEntities: true, htmlEntities: false }),
);

function fromSitemap(text: string, base: string): ListedItem[] {
  // biome-ignore lint/suspicious/noExplicitAny: sitemap XML has no fixed shape; every read is checked
  let doc: Record<string, any>;
  assertWellFormed(text, 'sitemap');
  try {
    doc = xml().parse(text);
  } catch (err) {
    throw new ListingError(`XML sitemap rusak: ${(err as Error).message.split('\n')[0].slice(0, 160)}`);
  }
  if (doc.sitemapindex)
    throw new ListingError(
      'Ini indeks sitemap: daftarkan sitemap berita di dalamnya (mis. sitemap-news.xml)',
    );
  if (!doc.urlset) throw new ListingError('Bukan sitemap (tidak ada <urlset>)');
  const urls = Array.isArray(doc.urlset.url) ? doc.urlset.url : doc.urlset.url ? [doc.urlset.url] : [];
  const items = urls.flatMap((u: Record<string, unknown>) => {
    const url = webLink(typeof u.loc === 'string' ? u.loc : null, base);
    const news = u['news:news'] as Record<string, unknown> | undefined;
    const when = String(news?.['news:publication_date'] ?? u.lastmod ?? '') || null;
    const title = typeof news?.['news:title'] === 'string' ? (news['news:title'] as string) : null;
    return url ? [{ url, title, published: when?.slice(0, 10) ?? null, html: null }] : [];
  });
  // Newest first, so a big sitemap yields its recent news before its archive.
  return items.sort((a: ListedItem, b: ListedItem) => (b.published ?? '').localeCompare(a.published ?? ''));
}

// Paths of pages that list or decorate rather than report.
const NOT_ARTICLE =
  /\.(?:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|zip|mp4|mp3|css|js)$|\/(?:tag|tags|kategori|category|page|author|search|login)\//i;

/** Links on the list page's own site whose last path segment reads like an article slug or id. */
function fromListPage(html: string, base: string): ListedItem[] {
  const depth = htmlDepth(html);
  if (depth > MAX_HTML_DEPTH)
    throw new ListingError(
      `HTML bersarang ${depth} tingkat (batasnya ${MAX_HTML_DEPTH}): bukan halaman daftar berita`,
    );
  const { document } = linkedom().parseHTML(html);
  for (const el of document.querySelectorAll('script,style,template,noscript')) el.remove();
  const host = new URL(base).host;
  const self = new URL(base).pathname.replace(/\/$/, '');
  const out: ListedItem[] = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const url = webLink(a.getAttribute('href'), base);
    if (!url) continue;
    const u = new URL(url);
    const path = u.pathname.replace(/\/$/, '');
    if (u.host !== host || path === self || NOT_ARTICLE.test(u.pathname)) continue;
    const last = path.split('/').pop() ?? '';
    const slug =
      last.split(/[-_]/).filter(Boolean).length >= 3 || /\d{3,}/.test(last) || u.searchParams.has('id');
    if (!slug) continue;
    const title = (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300) || null;
    out.push({ url, title, published: null, html: null });
  }
  return out;
}
