// A news page → its main text and metadata. Readability finds the article body; our own walker
// turns it into text with one line per block, because sentence and list detection need the
// paragraph breaks that Readability's textContent loses. Scripts, styles and templates are removed
// before anything is read, so no markup or code from them can reach the text.
import type * as ReadabilityModule from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { lazyRequire } from '../lazy.ts';
import { normalizeDate } from './dates.ts';

const linkedom = lazyRequire<typeof Linkedom>('linkedom');
const readability = lazyRequire<typeof ReadabilityModule>('@mozilla/readability');

export interface HtmlArticle {
  title: string | null;
  published: string | null;
  outlet: string | null;
  text: string;
}

const DROP = 'script,style,noscript,template,iframe,object,embed,svg,canvas,form,button,nav,footer,aside';
const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BR',
  'TR',
  'BLOCKQUOTE',
  'SECTION',
  'ARTICLE',
  'UL',
  'OL',
  'TABLE',
  'FIGCAPTION',
  'HEADER',
  'MAIN',
  'PRE',
  'DD',
  'DT',
]);

type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
};

function blockText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) {
      parts.push((n.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (n.nodeType !== 1) return;
    const block = BLOCK.has(n.nodeName.toUpperCase());
    if (block) parts.push('\n');
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

export function htmlToArticle(html: string): HtmlArticle {
  const { document } = linkedom().parseHTML(
    /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  const title =
    meta(document, 'og:title', 'twitter:title') ??
    document.querySelector('h1')?.textContent?.trim() ??
    document.title?.trim() ??
    null;
  const published = normalizeDate(
    meta(document, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date') ??
      document.querySelector('time[datetime]')?.getAttribute('datetime') ??
      null,
  );
  const outlet = meta(document, 'og:site_name', 'application-name', 'publisher');
  let text = '';
  try {
    const parsed = new (readability().Readability)(document.cloneNode(true) as Document, {
      charThreshold: 200,
    }).parse();
    if (parsed?.content)
      text = blockText(
        linkedom().parseHTML(`<html><body>${parsed.content}</body></html>`).document.body as DomNode,
      );
  } catch {
    // Readability gives up on some broken pages; the plain walk below still reads them.
  }
  if (text.length < 200) text = blockText((document.body ?? document.documentElement) as unknown as DomNode);
  return { title: title || null, published, outlet: outlet || null, text };
}
