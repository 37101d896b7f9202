import type { Context } from 'hono';
import { tr } from '../../../domain/i18n.ts';
import type { AppEnv } from '../../env.ts';
import { requireRole } from '../ui/bits.tsx';
import { page } from '../ui/page.tsx';
import { ADMIN_AREAS } from './shell.tsx';

export function adminHome(c: Context<AppEnv>) {
  requireRole(c, ['admin']);
  const l = c.get('locale');
  return page(
    c,
    { title: tr(l, 'Administrasi', 'Administration'), section: 'admin' },
    <>
      <h1>{tr(l, 'Administrasi', 'Administration')}</h1>
      <div class="grid">
        {Object.values(ADMIN_AREAS).map((area) => (
          <a class="card" href={area.href}>
            <strong>{area.name[l]}</strong>
            <p class="muted">{area.about[l]}</p>
          </a>
        ))}
        <div class="card">
          <strong>{tr(l, 'Impor & ekspor', 'Import & export')}</strong>
          <p>
            <a href="/kerja/impor">{tr(l, 'Impor', 'Import')}</a> ·{' '}
            <a href="/kerja/ekspor">{tr(l, 'Ekspor', 'Export')}</a>
          </p>
        </div>
      </div>
    </>,
  );
}
