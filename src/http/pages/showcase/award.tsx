import type { Child } from 'hono/jsx';
import { gradeWords } from '../../../domain/labels.ts';
import type { AwardDetail } from '../../../services/awards/read.ts';
import { webUrlOrNull } from '../../../services/safe-url.ts';
import type { SeriesPoint } from '../../../services/showcase/series.ts';
import { levelLabel, recipientLabel, ZoneBadge } from './components.tsx';
import { formatDate, formatNum, href } from './format.ts';
import { Layout } from './layout.tsx';
import type { View } from './view.ts';

/** Only web links are rendered as links: a stored `javascript:` URL stays text. */

export function AwardPage({ v, a, series }: { v: View; a: AwardDetail; series: SeriesPoint[] }) {
  const { t, locale } = v;
  const giver = a.awardingBody
    ? `${a.awardingBody.name} (${a.awardingBody.abbreviation})`
    : a.awardingBodyText;
  const rows: [string, Child][] = [];
  const add = (label: string, value: Child | null | undefined | '') => {
    if (value !== null && value !== undefined && value !== '') rows.push([label, value]);
  };
  add(t.awardGiver, giver);
  add(t.level, levelLabel(v, a.level));
  add(
    t.field,
    a.field ? <a href={href(v, '/penghargaan', { bidang: a.field.code })}>{a.field.name}</a> : null,
  );
  add(t.category, a.category);
  // One "Penerima" row: the recipient, and under it the note about them when there is one.
  const note = a.recipientKind !== 'team' && a.recipientNote ? a.recipientNote : null;
  add(
    t.recipient,
    <>
      {a.unit && a.recipientKind !== 'team' ? (
        <a href={href(v, `/unit/${a.unit.id}`)}>{a.unit.name}</a>
      ) : (
        recipientLabel(v, a)
      )}
      {note ? <span class="fact-note">{note}</span> : null}
    </>,
  );
  add(t.editionYear, String(a.editionYear));
  add(t.date, a.receivedOn ? <time datetime={a.receivedOn}>{formatDate(a.receivedOn, locale)}</time> : null);
  add(t.place, a.place);
  add(t.rank, a.rank);
  add(t.score, a.score !== null ? formatNum(a.score, locale) : null);
  add(
    t.grade,
    a.grade ? (
      <>
        {gradeWords(a.grade.code, a.grade.label)} <ZoneBadge v={v} zone={a.grade.zone} />
      </>
    ) : null,
  );
  add(t.status, a.statusLabel);
  add(t.legalBasis, a.legalBasis);

  const subtitle = [a.awardingBody?.abbreviation ?? a.awardingBodyText, String(a.editionYear)]
    .filter(Boolean)
    .join(' · ');
  return (
    <Layout
      v={v}
      title={a.title}
      description={`${a.title} — ${subtitle}. ${recipientLabel(v, a)}.`}
      section="list"
    >
      <p class="crumbs">
        <a href={href(v, '/penghargaan')}>← {t.backToList}</a>
      </p>
      <article class="award-page">
        <h1>{a.title}</h1>
        {a.programme && a.programme !== a.title ? <p class="lead">{a.programme}</p> : null}
        <dl class="facts">
          {rows.map(([label, value]) => (
            <div class="fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {a.description ? (
          <section aria-labelledby="desc">
            <h2 id="desc">{t.description}</h2>
            <p class="prose">{a.description}</p>
          </section>
        ) : null}
        {a.evidence.length ? (
          <section aria-labelledby="evidence">
            <h2 id="evidence">{t.evidence}</h2>
            <ul class="evidence">
              {a.evidence.map((e) => {
                // A news report is named by its headline and outlet, and linked when it has a web address.
                const href =
                  e.kind === 'file' ? `/api/v1/evidence/${e.id}/file` : webUrlOrNull(e.article?.url ?? e.url);
                const label = e.article?.title ?? e.caption ?? e.fileName ?? e.url ?? t.evidence;
                const source = e.article
                  ? [
                      e.article.outlet,
                      e.article.publishedOn ? formatDate(e.article.publishedOn, locale) : null,
                    ].filter(Boolean)
                  : [];
                const kind = e.kind === 'file' ? t.file : e.kind === 'article' ? t.article : t.link;
                return (
                  <li>
                    <span class="ev-kind">{kind}</span>{' '}
                    {href ? (
                      <a href={href} rel={e.kind === 'file' ? undefined : 'noopener nofollow'}>
                        {label}
                      </a>
                    ) : (
                      label
                    )}
                    {source.length ? <span class="award-meta"> · {source.join(', ')}</span> : null}
                    {e.quote ? <blockquote>“{e.quote}”</blockquote> : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        {series.length > 1 ? (
          <section aria-labelledby="series">
            <h2 id="series">{t.seriesTitle}</h2>
            <p>{t.seriesIntro}</p>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t.year}</th>
                  <th scope="col" class="num">
                    {t.score}
                  </th>
                  <th scope="col">{t.result}</th>
                </tr>
              </thead>
              <tbody>
                {series.map((p) => (
                  <tr aria-current={p.id === a.id ? 'true' : undefined}>
                    <th scope="row">
                      {p.id === a.id ? (
                        String(p.editionYear)
                      ) : (
                        <a href={href(v, `/penghargaan/${p.id}`)}>{p.editionYear}</a>
                      )}
                    </th>
                    <td class="num">{p.score !== null ? formatNum(p.score, locale) : '—'}</td>
                    <td>
                      {[p.rank, p.gradeLabel, p.statusLabel].filter(Boolean).join(' · ')}{' '}
                      <ZoneBadge v={v} zone={p.zone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </article>
    </Layout>
  );
}
