import { formatNumber } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import type { UnitIndexItem } from '../../../services/showcase/unit.ts';
import { NothingPublished } from './components.tsx';
import { Layout } from './layout.tsx';
import { href } from './links.ts';
import type { View } from './view.ts';

// /unit: every unit of the region in tree order, each leading to its rapor (/unit/{id}).
export function UnitsPage({ v, units }: { v: View; units: UnitIndexItem[] }) {
  const { locale } = v;
  const intro = tr(
    locale,
    'Perangkat daerah dan unit di bawahnya, masing-masing dengan rapor penghargaannya. Angka: penghargaan terverifikasi unit itu dan sub-unitnya.',
    "The regional government's units and those below them, each with its awards report card. Numbers: verified awards of the unit and its sub-units.",
  );
  return (
    <Layout v={v} title={tr(locale, 'Unit kerja', 'Units')} description={intro} section="units">
      <h1>{tr(locale, 'Unit kerja', 'Units')}</h1>
      <p class="lead">{intro}</p>
      {units.length ? (
        <ul class="unit-tree">
          {units.map((u) => (
            <li class={`depth-${Math.min(u.depth, 4)}`}>
              <a href={href(v, `/unit/${u.id}`)}>{u.name}</a>
              {u.shortName ? <span class="award-meta"> ({u.shortName})</span> : null}{' '}
              <span class="pill">{formatNumber(u.total, locale)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <NothingPublished v={v} />
      )}
    </Layout>
  );
}
