// One input file's content → one extraction, whatever its kind. Pure: the caller reads the bytes
// (and so decides about the file system); here we only judge and parse them.

import { extractArticle } from './article.ts';
import { isFeed, parseFeed } from './feeds.ts';
import { htmlToArticle } from './html.ts';
import { htmlDepth, MAX_HTML_DEPTH } from './html-depth.ts';
import type { ArticleExtraction, AwardEvent } from './types.ts';

/** Largest input accepted: a news page is tens of KB; 2 MB is a dump or a mistake. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export class InputError extends Error {
  constructor(
    message: string,
    readonly code: 'too_large' | 'binary' | 'empty' | 'too_deep',
  ) {
    super(message);
  }
}

/** The HTML reader's time grows with the square of nesting depth: refuse pages no newsroom writes. */
function readHtml(html: string) {
  const depth = htmlDepth(html);
  if (depth > MAX_HTML_DEPTH)
    throw new InputError(`HTML nested ${depth} levels deep; the limit is ${MAX_HTML_DEPTH}`, 'too_deep');
  return htmlToArticle(html);
}

/** NUL bytes or many control characters in the first 8 KB: not text. */
export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}

export interface SourceOptions {
  name: string;
  published?: string | null;
}

const looksHtml = (name: string, text: string) =>
  /\.x?html?$/i.test(name) || /^\s*(?:<!doctype html|<html)/i.test(text.slice(0, 500));

export function extractSource(bytes: Uint8Array, opts: SourceOptions): ArticleExtraction {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(`${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes (2 MB)`, 'too_large');
  }
  if (isBinary(bytes)) throw new InputError('binary data, not text/HTML/RSS', 'binary');
  const raw = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (/\.(?:xml|rss|atom)$/i.test(opts.name) || isFeed(raw)) return fromFeed(raw, opts);
  if (looksHtml(opts.name, raw)) {
    const page = readHtml(raw);
    return extractArticle(page.text, { published: opts.published ?? page.published, title: page.title });
  }
  return extractArticle(raw, { published: opts.published, title: headline(raw) });
}

/** First line when it reads like a headline: short, no final full stop, not a dateline. */
export function headline(text: string): string | null {
  for (const line of text.split('\n').slice(0, 6)) {
    const l = line.trim();
    if (!l || /^\(.*\)$/.test(l) || /\|/.test(l) || /^\p{L}+,\s*\d/u.test(l)) continue;
    return l.length >= 15 && l.length <= 200 && !/[.!?]$/.test(l) ? l : null;
  }
  return null;
}

/** A feed is one file: its items are extracted one by one and joined, offsets shifted. */
function fromFeed(xml: string, opts: SourceOptions): ArticleExtraction {
  const items = parseFeed(xml);
  const awards: AwardEvent[] = [];
  const claims: ArticleExtraction['claims'] = [];
  const texts: string[] = [];
  let offset = 0;
  let latest: string | null = null;
  for (const it of items) {
    const page = readHtml(it.html);
    const body = it.title ? `${it.title}\n${page.text}` : page.text;
    const r = extractArticle(body, { published: opts.published ?? it.published, title: it.title });
    for (const a of r.awards) awards.push({ ...a, start: a.start + offset, end: a.end + offset });
    claims.push(...r.claims);
    texts.push(body);
    offset += body.length + 2;
    if (it.published && (!latest || it.published > latest)) latest = it.published;
  }
  return { title: null, published: opts.published ?? latest, text: texts.join('\n\n'), awards, claims };
}
