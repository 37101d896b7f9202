// Raw input (a file's bytes, a fetched page, text posted to the API) → articles ready to store:
// plain text with metadata. Markup never survives this step: HTML is read into text (scripts,
// styles and templates dropped by the extractor's reader), so what is stored is text that pages
// escape on output. Hostile input stops here with a 413/415/422 the user can act on.
import { createHash } from 'node:crypto';
import { guessReferenceDate, normalizeDate } from '../../extract/dates.ts';
import { isFeed, parseFeed } from '../../extract/feeds.ts';
import { htmlToArticle } from '../../extract/html.ts';
import { htmlDepth, MAX_HTML_DEPTH } from '../../extract/html-depth.ts';
import { headline, isBinary, MAX_INPUT_BYTES } from '../../extract/source.ts';
import { AppError, invalid } from '../errors.ts';
import { webUrlOrNull } from '../safe-url.ts';

export type SourceKind = 'file' | 'url' | 'api' | 'feed' | 'watch';

export interface IntakeInput {
  /** Bytes of a file or fetched page, or the text/HTML posted to the API. */
  content: Uint8Array | string;
  /** File name or URL: its extension helps pick the reader (.html, .xml); content decides otherwise. */
  name: string;
  /** 'text' still reads markup as HTML when it contains tags: markup is never stored. */
  format?: 'auto' | 'text' | 'html';
  url?: string | null;
  outlet?: string | null;
  title?: string | null;
  published?: string | null;
  sourceKind: SourceKind;
}

export interface PreparedArticle {
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  /** Plain text; extraction offsets index it. */
  body: string;
  contentHash: string;
  sourceKind: SourceKind;
}

const MB = Math.round(MAX_INPUT_BYTES / 1048576);
const MARKUP =
  /<(?:!doctype|html|head|body|p|div|span|article|section|script|style|iframe|br|a|h[1-6]|table|img)\b/i;

export function prepareInput(input: IntakeInput): PreparedArticle[] {
  const bytes = typeof input.content === 'string' ? new TextEncoder().encode(input.content) : input.content;
  if (bytes.length > MAX_INPUT_BYTES)
    throw new AppError(
      'payload_too_large',
      `Artikel ${bytes.length} byte, batasnya ${MB} MB per artikel (limit ${MAX_INPUT_BYTES} bytes). Pecah berkasnya atau ambil teks beritanya saja.`,
    );
  if (isBinary(bytes))
    throw new AppError(
      'unsupported_media_type',
      `Berkas biner (bukan teks, HTML, atau RSS/Atom). Kirim teks berita, halaman .html, atau feed .xml.`,
    );
  const raw = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (!raw.trim()) throw invalid([{ field: 'text', message: 'Kosong: tidak ada teks berita' }]);

  if (
    input.format !== 'text' &&
    input.format !== 'html' &&
    (/\.(?:xml|rss|atom)$/i.test(input.name) || isFeed(raw))
  )
    return fromFeed(raw, input);
  const html =
    input.format === 'html' || /\.x?html?$/i.test(input.name) || MARKUP.test(raw.slice(0, 200_000));
  if (html) {
    const page = readHtml(raw);
    return [
      finish(input, {
        body: page.text,
        title: input.title ?? page.title,
        published: input.published ?? page.published,
        outlet: input.outlet ?? page.outlet,
        url: input.url ?? null,
      }),
    ];
  }
  const body = raw.replace(/\r\n?/g, '\n').trim();
  return [
    finish(input, {
      body,
      title: input.title ?? headline(body) ?? firstLine(body),
      published: input.published ?? null,
      outlet: input.outlet ?? null,
      url: input.url ?? null,
    }),
  ];
}

function readHtml(raw: string) {
  const depth = htmlDepth(raw);
  if (depth > MAX_HTML_DEPTH)
    throw invalid([
      {
        field: 'html',
        message: `HTML bersarang ${depth} tingkat (batasnya ${MAX_HTML_DEPTH}): bukan halaman berita biasa; kirim teks beritanya`,
      },
    ]);
  try {
    return htmlToArticle(raw);
  } catch {
    throw invalid([{ field: 'html', message: 'HTML tidak bisa dibaca sama sekali; kirim teks beritanya' }]);
  }
}

/** Each feed item is its own article (own link, date and title), so each dedups on its own. */
function fromFeed(xml: string, input: IntakeInput): PreparedArticle[] {
  let items: ReturnType<typeof parseFeed>;
  try {
    items = parseFeed(xml);
  } catch {
    throw invalid([{ field: 'feed', message: 'XML feed rusak; periksa berkas RSS/Atom-nya' }]);
  }
  if (!items.length) throw invalid([{ field: 'feed', message: 'Bukan feed RSS/Atom, atau feed tanpa item' }]);
  return items
    .map((it) => {
      const text = it.html ? readHtml(it.html).text : '';
      // Feeds often carry only a summary: the item title is part of what the extractor reads.
      const body = it.title ? `${it.title}\n${text}` : text;
      return finish(
        { ...input, sourceKind: 'feed' },
        {
          body,
          title: it.title,
          published: input.published ?? it.published,
          outlet: input.outlet ?? null,
          url: it.link,
        },
      );
    })
    .filter((a) => a.body.trim().length > 0);
}

function finish(
  input: IntakeInput,
  a: {
    body: string;
    title: string | null;
    published: string | null;
    outlet: string | null;
    url: string | null;
  },
): PreparedArticle {
  const body = a.body.trim();
  if (!body) throw invalid([{ field: 'text', message: 'Tidak ada teks berita yang bisa dibaca' }]);
  return {
    // Feeds and pages are outside text: a link that is not http(s) is dropped, not stored.
    url: clip(webUrlOrNull(a.url), 2000),
    outlet: clip(a.outlet, 200),
    // Broken pages can pour a whole paragraph into <h1>: a title is its first line.
    title: clip(a.title?.split('\n')[0].replace(/\s+/g, ' '), 300),
    // Without metadata the first date in the text stands in: it anchors "(9/11)" and edition years.
    published: normalizeDate(a.published) ?? guessReferenceDate(body),
    body,
    contentHash: contentHash(body),
    sourceKind: input.sourceKind,
  };
}

/** Same words in the same order = the same article, whatever the whitespace or the reader. */
export function contentHash(body: string): string {
  return createHash('sha256').update(body.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** No headline: the first line that is not a photo caption or a bare dateline, shortened. */
function firstLine(body: string): string | null {
  const line =
    body
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length >= 15 && !/^\(.*\)$/.test(l)) ?? '';
  if (!line) return null;
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

const clip = (s: string | null | undefined, max: number) => {
  const t = s?.trim();
  return t ? t.slice(0, max) : null;
};
