import { formatDate } from '../../../domain/format.ts';
import { type Locale, tr, type Words, words } from '../../../domain/i18n.ts';
import type { Slot, SlotSource } from '../../../extract/types.ts';
import type { FindingSource } from '../../../services/intake/read.ts';
import { webUrlOrNull } from '../../../services/safe-url.ts';

// The article text with the found sentence and every piece the extractor read marked: who
// received it, the award, the giver, the date, rank, score, grade. The text is plain text from
// the intake service (hostile: it may hold "<script>"); it is cut at offsets and every part goes
// through JSX escaping — nothing from the article is ever markup.

/** The quote's offsets, checked against the text (falls back to a search; empty when absent). */
function quoteSpan(text: string, quote: string, start: number, end: number): [number, number] {
  if (start >= 0 && end <= text.length && start < end && text.slice(start, end) === quote)
    return [start, end];
  const found = quote ? text.indexOf(quote) : -1;
  return found < 0 ? [text.length, text.length] : [found, found + quote.length];
}

/** In reading order, as the legend lists them. */
export const SLOT_ORDER: Slot[] = ['recipient', 'region', 'title', 'giver', 'date', 'rank', 'score', 'grade'];

const SLOT_LABELS: Record<Slot, Words> = {
  recipient: words('Penerima', 'Recipient'),
  region: words('Daerah penerima', 'Recipient region'),
  title: words('Nama penghargaan', 'Award'),
  giver: words('Pemberi', 'Giver'),
  date: words('Tanggal', 'Date'),
  rank: words('Peringkat', 'Rank'),
  score: words('Nilai', 'Score'),
  grade: words('Predikat', 'Grade'),
};

export const slotLabel = (l: Locale, slot: Slot): string => SLOT_LABELS[slot][l];

/**
 * Confidence in words. The extractor gives high values to pieces read in the award's own sentence,
 * middle ones to pieces read elsewhere in the article, low ones to pieces inferred (the article's
 * subject standing in for an unnamed recipient) — the words say which, so the curator knows what to check.
 */
export function confidenceWords(l: Locale, confidence: number): string {
  if (confidence >= 0.8)
    return tr(l, 'yakin — tertulis di kalimat penghargaan', 'sure — written in the award sentence');
  if (confidence >= 0.65)
    return tr(l, 'cukup yakin — dari bagian lain berita', 'fairly sure — from elsewhere in the article');
  return tr(l, 'perlu dicek — disimpulkan dari isi berita', 'check this — inferred from the article');
}

export interface Run {
  text: string;
  slots: Slot[];
}

/** The spans that lie inside the text (stored offsets of an older text are dropped, not trusted). */
export function validSpans(text: string, slots: Partial<Record<Slot, SlotSource>>) {
  return SLOT_ORDER.flatMap((slot) => {
    const s = slots[slot];
    if (!s || !Number.isInteger(s.start) || !Number.isInteger(s.end)) return [];
    if (s.start < 0 || s.end > text.length || s.start >= s.end) return [];
    return [{ slot, ...s }];
  });
}

/** text[from, to) cut wherever a span starts or ends; each run knows the slots covering it. */
export function runs(
  text: string,
  spans: { slot: Slot; start: number; end: number }[],
  from: number,
  to: number,
): Run[] {
  const cuts = new Set([from, to]);
  for (const s of spans) for (const at of [s.start, s.end]) if (at > from && at < to) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    out.push({
      text: text.slice(a, b),
      slots: spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.slot),
    });
  }
  return out;
}

function Runs({ items, locale }: { items: Run[]; locale: Locale }) {
  return (
    <>
      {items.map((r) =>
        r.slots.length ? (
          <mark
            class={`slot slot-${r.slots[0]}`}
            data-slot={r.slots.join(' ')}
            title={r.slots.map((s) => slotLabel(locale, s)).join(', ')}
          >
            {r.text}
          </mark>
        ) : (
          r.text
        ),
      )}
    </>
  );
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
  const text = source.articleText ?? '';
  const [qs, qe] = quoteSpan(text, source.quote, source.start, source.end);
  const spans = validSpans(text, source.slots ?? {});
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
      {spans.length ? (
        <table class="slots">
          <caption>{tr(locale, 'Yang dibaca dari berita ini', 'What was read from this article')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr(locale, 'Bagian', 'Piece')}</th>
              <th scope="col">{tr(locale, 'Teks', 'Text')}</th>
              <th scope="col">{tr(locale, 'Keyakinan', 'Confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {spans.map((s) => (
              <tr data-slot={s.slot}>
                <th scope="row">
                  <span class={`swatch slot-${s.slot}`} aria-hidden="true" /> {slotLabel(locale, s.slot)}
                </th>
                <td>{text.slice(s.start, s.end)}</td>
                <td>{confidenceWords(locale, s.confidence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div class="article-text">
        <Runs items={runs(text, spans, 0, qs)} locale={locale} />
        {qe > qs ? (
          <span class="quote" id={`quote-${index}`}>
            <Runs items={runs(text, spans, qs, qe)} locale={locale} />
          </span>
        ) : null}
        <Runs items={runs(text, spans, qe, text.length)} locale={locale} />
      </div>
    </article>
  );
}
