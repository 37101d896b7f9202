import type { FindingSource } from '../../../services/intake/read.ts';
import { webUrlOrNull } from '../../../services/safe-url.ts';
import { formatDate } from '../format.ts';
import { type Locale, tr } from '../i18n.ts';

// The article text with the found sentence marked. The text is plain text from the intake
// service; it is split at the quote's offsets and every part goes through JSX escaping.

/** before / quote / after, with the offsets checked against the text (falls back to a search). */
export function splitAtQuote(
  text: string,
  quote: string,
  start: number,
  end: number,
): [string, string, string] {
  let s = start;
  let e = end;
  if (!(s >= 0 && e <= text.length && s < e && text.slice(s, e) === quote)) {
    const found = quote ? text.indexOf(quote) : -1;
    if (found < 0) return [text, '', ''];
    s = found;
    e = found + quote.length;
  }
  return [text.slice(0, s), text.slice(s, e), text.slice(e)];
}

export function ArticleWithQuote({
  source,
  locale,
  index,
}: {
  source: FindingSource;
  locale: Locale;
  index: number;
}) {
  const [before, quote, after] = splitAtQuote(
    source.articleText ?? '',
    source.quote,
    source.start,
    source.end,
  );
  return (
    <article class="card article" aria-labelledby={`art-${index}`}>
      <h3 id={`art-${index}`}>
        {source.articleTitle ?? tr(locale, 'Artikel tanpa judul', 'Untitled article')}
      </h3>
      <p class="muted">
        {source.outlet ?? '—'} · {formatDate(source.publishedOn, locale)}
        {webUrlOrNull(source.url) ? (
          <>
            {' · '}
            <a href={webUrlOrNull(source.url) ?? undefined} rel="noopener noreferrer nofollow">
              {tr(locale, 'sumber', 'source')}
            </a>
          </>
        ) : null}
      </p>
      <div class="article-text">
        {before}
        {quote ? <mark id={`quote-${index}`}>{quote}</mark> : null}
        {after}
      </div>
    </article>
  );
}
