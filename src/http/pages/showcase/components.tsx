import { raw } from 'hono/html';
import { fieldName } from '../../../domain/awards/fields.ts';
import { formatDate, formatNumber } from '../../../domain/format.ts';
import { ZONE_LABELS, type Zone } from '../../../domain/grading/types.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';
import { gradeWords, levelLabel as levelWords } from '../../../domain/labels.ts';
import type { Award } from '../../../services/awards/model.ts';
import { href } from './links.ts';
import type { View } from './view.ts';

/** What every public page says while its region has nothing verified and published yet. */
export const nothingPublished = (locale: Locale) =>
  tr(
    locale,
    'Belum ada penghargaan terverifikasi yang dipublikasikan.',
    'No verified awards have been published yet.',
  );

export function NothingPublished({ v }: { v: View }) {
  return <p class="empty">{nothingPublished(v.locale)}</p>;
}

/** A zone as text with a coloured mark; the words carry the meaning, the colour only helps. */
export function ZoneBadge({ v, zone }: { v: View; zone: string | null }) {
  if (!zone) return null;
  return (
    <span class={`zone zone-${zone.replace(/[^a-z]/g, '')}`}>
      <span class="zone-dot" aria-hidden="true" />
      {ZONE_LABELS[zone as Zone]?.[v.locale] ?? zone}
    </span>
  );
}

export function levelLabel(v: View, level: string | null): string {
  return levelWords(v.locale, level);
}

export function recipientLabel(v: View, a: Award): string {
  if (a.recipientKind === 'team') {
    const names = a.team.map((m) => m.unitName ?? m.personName).filter(Boolean);
    return names.length ? `${tr(v.locale, 'Tim', 'Team')}: ${names.join(', ')}` : tr(v.locale, 'Tim', 'Team');
  }
  if (a.unit) return a.unit.name;
  return a.recipientNote ?? v.site.regionName ?? tr(v.locale, 'Pemerintah daerah', 'Regional government');
}

/** The result in one line: rank, score, grade, status — whatever the award has. */
export function ResultLine({ v, a }: { v: View; a: Award }) {
  const parts: string[] = [];
  if (a.rank) parts.push(a.rank);
  if (a.score !== null) parts.push(`${fieldName('score', v.locale)} ${formatNumber(a.score, v.locale)}`);
  if (a.grade) parts.push(gradeWords(a.grade.code, a.grade.label));
  if (a.statusLabel && a.statusLabel !== a.grade?.label) parts.push(a.statusLabel);
  if (!parts.length && !a.grade?.zone) return null;
  return (
    <span class="result">
      {parts.join(' · ')} <ZoneBadge v={v} zone={a.grade?.zone ?? null} />
    </span>
  );
}

/** One award in a list: title as the link, then giver, level, date and recipient. */
export function AwardItem({ v, a }: { v: View; a: Award }) {
  const giver = a.awardingBody?.abbreviation ?? a.awardingBodyText;
  return (
    <li class="award">
      <h3 class="award-title">
        <a href={href(v, `/penghargaan/${a.id}`)}>{a.title}</a>
      </h3>
      <p class="award-meta">{[giver, levelLabel(v, a.level), a.field?.name].filter(Boolean).join(' · ')}</p>
      <p class="award-meta">
        {a.receivedOn ? (
          <time datetime={a.receivedOn}>{formatDate(a.receivedOn, v.locale)}</time>
        ) : (
          String(a.editionYear)
        )}
        {' · '}
        {recipientLabel(v, a)}
      </p>
      <ResultLine v={v} a={a} />
    </li>
  );
}

/**
 * A chart with its text alternative: the SVG is hidden from screen readers, which read the
 * caption and the table (a <details> so sighted readers can open it too).
 */
export function ChartFigure(props: {
  v: View;
  id: string;
  title: string;
  svg: string;
  head: [string, string];
  rows: { label: string; value: string; href?: string }[];
}) {
  return (
    <figure class="chart" aria-labelledby={`${props.id}-t`}>
      <figcaption id={`${props.id}-t`}>{props.title}</figcaption>
      <div class="chart-svg" aria-hidden="true">
        {raw(props.svg)}
      </div>
      <details>
        <summary>{tr(props.v.locale, 'Lihat sebagai tabel', 'Show as a table')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.head[0]}</th>
              <th scope="col" class="num">
                {props.head[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
                <td class="num">{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
