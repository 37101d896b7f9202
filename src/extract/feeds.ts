// RSS 2.0 and Atom feeds → items with their own title, link, date and HTML body. External
// entities and DTDs are not processed (fast-xml-parser never fetches), so a feed cannot reach out.
import type * as FastXml from 'fast-xml-parser';
import { lazy, lazyRequire } from '../lazy.ts';
import { normalizeDate } from './dates.ts';

export interface FeedItem {
  title: string | null;
  link: string | null;
  published: string | null;
  html: string;
}

// Made on first use: only reading a feed needs fast-xml-parser (src/lazy.ts).
const fastXml = lazyRequire<typeof FastXml>('fast-xml-parser');
const parser = lazy(
  () =>
    new (fastXml().XMLParser)({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      processEntities: true,
      htmlEntities: true,
      cdataPropName: false,
      trimValues: true,
    }),
);

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object' && '#text' in (v as Record<string, unknown>))
    return String((v as Record<string, unknown>)['#text']);
  return null;
}

export function isFeed(xml: string): boolean {
  return /<(?:rss|feed|rdf:RDF)[\s>]/i.test(xml.slice(0, 2000));
}

export function parseFeed(xml: string): FeedItem[] {
  // biome-ignore lint/suspicious/noExplicitAny: feed XML has no fixed shape; every read below is checked
  const doc = parser().parse(xml) as Record<string, any>;
  if (doc.rss) {
    return asArray(doc.rss.channel?.item).map((it: Record<string, unknown>) => ({
      title: str(it.title),
      link: str(it.link),
      published: normalizeDate(str(it.pubDate) ?? str(it['dc:date'])),
      html: str(it['content:encoded']) ?? str(it.description) ?? '',
    }));
  }
  if (doc.feed) {
    return asArray(doc.feed.entry).map((e: Record<string, unknown>) => {
      const link = asArray(e.link as Record<string, unknown>[] | undefined).find(
        (l) => !l['@_rel'] || l['@_rel'] === 'alternate',
      );
      return {
        title: str(e.title),
        link: link ? String(link['@_href'] ?? '') : null,
        published: normalizeDate(str(e.published) ?? str(e.updated)),
        html: str(e.content) ?? str(e.summary) ?? '',
      };
    });
  }
  return [];
}
