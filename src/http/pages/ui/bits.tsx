import type { Context } from 'hono';
import type { AwardState, Role } from '../../../db/schema.ts';
import { formatNumber } from '../../../domain/format.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';
import { gradeWords, roleLabel, stateLabel } from '../../../domain/labels.ts';
import type { Actor } from '../../../services/actor.ts';
import type { Award } from '../../../services/awards/model.ts';
import { forbidden } from '../../../services/errors.ts';
import { parseDbId } from '../../../services/ids.ts';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';

// Small pieces shared by the workspace pages.

/** The signed-in actor, refused (403) unless it has one of `roles`. The route checks, not the menu. */
export function requireRole(c: Context<AppEnv>, roles: Role[]): Actor {
  const actor = requireActor(c);
  if (!roles.includes(actor.role))
    throw forbidden(
      `Halaman ini untuk peran: ${roles.map((r) => roleLabel('id', r)).join(', ')}. Anda masuk sebagai ${roleLabel('id', actor.role)}.`,
    );
  return actor;
}

export const StateBadge = ({ state, locale }: { state: AwardState; locale: Locale }) => (
  <span class={`badge badge-${state}`}>{stateLabel(locale, state)}</span>
);

/** Score, grade and status label in one short phrase: "94,76 · Kategori A (Zona Hijau)". */
export function gradeText(
  a: Pick<Award, 'score' | 'grade' | 'statusLabel' | 'rank'>,
  locale: Locale,
): string {
  const parts: string[] = [];
  if (a.rank) parts.push(a.rank);
  if (a.score !== null) parts.push(formatNumber(a.score, locale));
  if (a.grade) parts.push(gradeWords(a.grade.code, a.grade.label));
  if (a.statusLabel && a.statusLabel !== a.grade?.label) parts.push(a.statusLabel);
  return parts.join(' · ') || '—';
}

export function ZoneDot({ zone }: { zone: string | null | undefined }) {
  if (!zone) return null;
  return <span class={`zone zone-${zone.toLowerCase()}`} aria-hidden="true"></span>;
}

export function recipientText(a: Award, locale: Locale): string {
  if (a.recipientKind === 'team')
    return (
      a.team.map((m) => [m.unitName, m.personName].filter(Boolean).join(' – ')).join('; ') ||
      tr(locale, 'Tim (beberapa unit/orang)', 'A team (several units/people)')
    );
  if (a.recipientKind === 'unit') return a.unit?.shortName ?? a.unit?.name ?? '—';
  return a.unit
    ? `${tr(locale, 'Pemerintah daerah', 'The regional government')} (${a.unit.shortName ?? a.unit.name})`
    : tr(locale, 'Pemerintah daerah', 'The regional government');
}

/** A bar list: label, count, and a bar scaled to the largest count. */
export function Bars({
  rows,
  locale,
  empty,
}: {
  rows: { label: string; count: number }[];
  locale: Locale;
  empty: string;
}) {
  if (!rows.length) return <p class="muted">{empty}</p>;
  const max = Math.max(...rows.map((r) => r.count), 1);
  return (
    <ul class="bars">
      {rows.map((r) => (
        <li>
          <span>{r.label}</span>
          <span class="num">{formatNumber(r.count, locale)}</span>
          <span class="bar" aria-hidden="true">
            <span style={`width:${Math.round((r.count / max) * 100)}%`}></span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A row id from a URL segment or form field; null when it is not one (see services/ids.ts). */
export const intParam = parseDbId;
