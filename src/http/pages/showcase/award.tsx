import type { Child } from 'hono/jsx';
import { type AwardFieldKey, fieldName } from '../../../domain/awards/fields.ts';
import { formatDate, formatNumber } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import { gradeWords } from '../../../domain/labels.ts';
import type { AwardDetail } from '../../../services/awards/read.ts';
import { webUrlOrNull } from '../../../services/safe-url.ts';
import type { SeriesPoint } from '../../../services/showcase/series.ts';
import { levelLabel, recipientLabel, ZoneBadge } from './components.tsx';
import { Layout } from './layout.tsx';
import { href } from './links.ts';
import type { View } from './view.ts';

/** Only web links are rendered as links: a stored `javascript:` URL stays text. */

export function AwardPage({ v, a, series }: { v: View; a: AwardDetail; series: SeriesPoint[] }) {
  const { locale } = v;
  const giver = a.awardingBody
    ? `${a.awardingBody.name} (${a.awardingBody.abbreviation})`
    : a.awardingBodyText;
  // Each fact is named by the award field catalogue, as on the workspace's award page.
  const name = (key: AwardFieldKey) => fieldName(key, locale);
  const rows: [string, Child][] = [];
  const add = (label: string, value: Child | null | undefined | '') => {
    if (value !== null && value !== undefined && value !== '') rows.push([label, value]);
  };
  add(name('awardingBody'), giver);
  add(name('level'), levelLabel(v, a.level));
  add(
    name('field'),
    a.field ? <a href={href(v, '/penghargaan', { bidang: a.field.code })}>{a.field.name}</a> : null,
  );
  add(name('category'), a.category);
  // One "Penerima" row: the recipient, and under it the note about them when there is one.
  const note = a.recipientKind !== 'team' && a.recipientNote ? a.recipientNote : null;
  add(
    name('unit'),
    <>
      {a.unit && a.recipientKind !== 'team' ? (
        <a href={href(v, `/unit/${a.unit.id}`)}>{a.unit.name}</a>
      ) : (
        recipientLabel(v, a)
      )}
      {note ? <span class="fact-note">{note}</span> : null}
    </>,
  );
  add(name('editionYear'), String(a.editionYear));
  add(
    name('receivedOn'),
    a.receivedOn ? <time datetime={a.receivedOn}>{formatDate(a.receivedOn, locale)}</time> : null,
  );
  add(name('place'), a.place);
  add(name('rank'), a.rank);
  add(name('score'), a.score !== null ? formatNumber(a.score, locale) : null);
  add(
    name('grade'),
    a.grade ? (
      <>
        {gradeWords(a.grade.code, a.grade.label)} <ZoneBadge v={v} zone={a.grade.zone} />
      </>
    ) : null,
  );
  add(name('statusLabel'), a.statusLabel);
  add(name('legalBasis'), a.legalBasis);

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
        <a href={href(v, '/penghargaan')}>← {tr(locale, 'Kembali ke daftar', 'Back to the list')}</a>
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
            <h2 id="desc">{name('description')}</h2>
            <p class="prose">{a.description}</p>
          </section>
        ) : null}
        {a.evidence.length ? (
          <section aria-labelledby="evidence">
            <h2 id="evidence">{tr(locale, 'Bukti', 'Evidence')}</h2>
            <ul class="evidence">
              {a.evidence.map((e) => {
                // A news report is named by its headline and outlet, and linked when it has a web address.
                const href =
                  e.kind === 'file' ? `/api/v1/evidence/${e.id}/file` : webUrlOrNull(e.article?.url ?? e.url);
                const label =
                  e.article?.title ?? e.caption ?? e.fileName ?? e.url ?? tr(locale, 'Bukti', 'Evidence');
                const source = e.article
                  ? [
                      e.article.outlet,
                      e.article.publishedOn ? formatDate(e.article.publishedOn, locale) : null,
                    ].filter(Boolean)
                  : [];
                const kind =
                  e.kind === 'file'
                    ? tr(locale, 'Berkas', 'File')
                    : e.kind === 'article'
                      ? tr(locale, 'Berita', 'News')
                      : tr(locale, 'Tautan', 'Link');
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
            <h2 id="series">{tr(locale, 'Riwayat penilaian ini', 'History of this assessment')}</h2>
            <p>
              {tr(
                locale,
                'Penilaian yang sama pada tahun-tahun sebelumnya.',
                'The same assessment in earlier years.',
              )}
            </p>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{name('editionYear')}</th>
                  <th scope="col" class="num">
                    {name('score')}
                  </th>
                  <th scope="col">{tr(locale, 'Hasil', 'Result')}</th>
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
                    <td class="num">{p.score !== null ? formatNumber(p.score, locale) : '—'}</td>
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
