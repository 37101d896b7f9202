import type { UnitIndexItem } from '../../../services/showcase/unit.ts';
import { formatNum, href } from './format.ts';
import { Layout } from './layout.tsx';
import type { View } from './view.ts';

// /unit: every unit of the region in tree order, each leading to its rapor (/unit/{id}).
export function UnitsPage({ v, units }: { v: View; units: UnitIndexItem[] }) {
  const { t, locale } = v;
  return (
    <Layout v={v} title={t.unitsTitle} description={t.unitsIntro} section="units">
      <h1>{t.unitsTitle}</h1>
      <p class="lead">{t.unitsIntro}</p>
      {units.length ? (
        <ul class="unit-tree">
          {units.map((u) => (
            <li class={`depth-${Math.min(u.depth, 4)}`}>
              <a href={href(v, `/unit/${u.id}`)}>{u.name}</a>
              {u.shortName ? <span class="award-meta"> ({u.shortName})</span> : null}{' '}
              <span class="pill">{formatNum(u.total, locale)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t.noData}</p>
      )}
    </Layout>
  );
}
