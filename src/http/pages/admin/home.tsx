import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { t, tr } from '../i18n.ts';
import { requireRole } from '../ui/bits.tsx';
import { page } from '../ui/page.tsx';

export const ADMIN_LINKS = [
  ['/kerja/admin/unit', 'admin.units', 'Pohon unit perangkat daerah', 'The tree of government units'],
  [
    '/kerja/admin/pemberi',
    'admin.givers',
    'Kementerian, lembaga dan pemberi lain, dengan alias dan nama baru',
    'Ministries and other givers, with aliases and renames',
  ],
  ['/kerja/admin/bidang', 'admin.fields', 'Bidang penghargaan', 'Award fields'],
  ['/kerja/admin/pengguna', 'admin.users', 'Akun, peran dan unit', 'Accounts, roles and units'],
  ['/kerja/admin/skala', 'admin.scales', 'Skala penilaian dan versinya', 'Grading scales and their versions'],
] as const;

export function adminHome(c: Context<AppEnv>) {
  requireRole(c, ['admin']);
  const l = c.get('locale');
  return page(
    c,
    { title: t(l, 'admin.title'), section: 'admin' },
    <>
      <h1>{t(l, 'admin.title')}</h1>
      <div class="grid">
        {ADMIN_LINKS.map(([href, key, id, en]) => (
          <a class="card" href={href}>
            <strong>{t(l, key)}</strong>
            <p class="muted">{tr(l, id, en)}</p>
          </a>
        ))}
        <div class="card">
          <strong>{tr(l, 'Impor & ekspor', 'Import & export')}</strong>
          <p>
            <a href="/kerja/impor">{t(l, 'nav.import')}</a> · <a href="/kerja/ekspor">{t(l, 'nav.export')}</a>
          </p>
        </div>
      </div>
    </>,
  );
}
