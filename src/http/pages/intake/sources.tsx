import type { Context } from 'hono';
import { formatDateTime, formatNumber } from '../../../domain/format.ts';
import { tr, type Words, words } from '../../../domain/i18n.ts';
import { createSource, listSources, updateSource } from '../../../services/intake/watch/registry.ts';
import { createSourceSchema, SOURCE_KINDS } from '../../../services/intake/watch/schemas.ts';
import type { AppEnv } from '../../env.ts';
import { requireRole } from '../ui/bits.tsx';
import {
  Csrf,
  ErrorSummary,
  emptyForm,
  type FormState,
  formErrors,
  readForm,
  SelectField,
  TextField,
  textValues,
} from '../ui/forms.tsx';
import { page, seeOther } from '../ui/page.tsx';

// /kerja/sumber: the news sources Prestasi watches, each with its health (last fetch, last
// error, articles, findings), a form to register one and a button to pause or resume it.
// Source addresses are shown as text and linked only when they are http(s) (the schema allows
// nothing else, and the link is checked again here).

const KIND_LABEL: Record<string, Words> = {
  feed: words('Feed RSS/Atom', 'RSS/Atom feed'),
  sitemap: words('Sitemap', 'Sitemap'),
  html: words('Halaman daftar berita (HTML)', 'News list page (HTML)'),
};
const STATUS_LABEL: Record<string, Words> = {
  ok: words('Berhasil', 'OK'),
  not_modified: words('Tidak berubah', 'Not modified'),
  error: words('Gagal', 'Failed'),
};

const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

async function render(c: Context<AppEnv>, form: FormState, status = 200) {
  const actor = requireRole(c, ['admin', 'kurator']);
  const l = c.get('locale');
  const sources = await listSources(c.get('deps').db.db, actor);
  const csrf = c.get('csrfToken');
  return page(
    c,
    { title: tr(l, 'Sumber berita', 'News sources'), section: 'intake', status },
    <>
      <p>
        <a href="/kerja/temuan">← {tr(l, 'Temuan berita', 'News findings')}</a>
      </p>
      <h1>{tr(l, 'Sumber berita yang dipantau', 'Watched news sources')}</h1>
      <p class="hint">
        {tr(
          l,
          'Prestasi mengambil sumber ini secara berkala (prestasi intake watch), memasukkan berita baru, dan mencari penghargaan di dalamnya.',
          'Prestasi fetches these sources on a schedule (prestasi intake watch), takes in new articles and finds the awards in them.',
        )}
      </p>
      {sources.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(l, 'Sumber', 'Source')}</th>
                <th scope="col">{tr(l, 'Terakhir diambil', 'Last fetched')}</th>
                <th scope="col">{tr(l, 'Status', 'Status')}</th>
                <th scope="col">{tr(l, 'Artikel', 'Articles')}</th>
                <th scope="col">{tr(l, 'Temuan', 'Findings')}</th>
                <th scope="col">{tr(l, 'Aktif', 'Active')}</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr>
                  <td>
                    <strong>{s.name}</strong>
                    <div class="muted">
                      {KIND_LABEL[s.kind]?.[l] ?? s.kind} ·{' '}
                      <a href={safeHref(s.url)} rel="noopener noreferrer nofollow">
                        {s.url}
                      </a>
                    </div>
                    <div class="muted">
                      {tr(l, `tiap ${s.intervalMinutes} menit`, `every ${s.intervalMinutes} minutes`)}
                    </div>
                  </td>
                  <td>{s.lastFetchAt ? formatDateTime(s.lastFetchAt, l) : tr(l, 'belum pernah', 'never')}</td>
                  <td>
                    {s.lastStatus ? (STATUS_LABEL[s.lastStatus]?.[l] ?? s.lastStatus) : '—'}
                    {s.lastError ? (
                      <div class="field-error">
                        {s.lastError}
                        {s.failures > 1
                          ? tr(l, ` (${s.failures}× berturut-turut)`, ` (${s.failures}× in a row)`)
                          : ''}
                        {s.nextFetchAt && s.active
                          ? tr(
                              l,
                              ` · dicoba lagi ${formatDateTime(s.nextFetchAt, l)}`,
                              ` · next try ${formatDateTime(s.nextFetchAt, l)}`,
                            )
                          : ''}
                      </div>
                    ) : null}
                    {s.itemErrors ? (
                      <div class="muted">
                        {tr(
                          l,
                          `${s.itemErrors} tautan gagal dimasukkan`,
                          `${s.itemErrors} links could not be taken in`,
                        )}
                        {s.itemRetries
                          ? tr(
                              l,
                              ` (${s.itemRetries} akan dicoba lagi)`,
                              ` (${s.itemRetries} will be tried again)`,
                            )
                          : ''}
                      </div>
                    ) : null}
                  </td>
                  <td class="num">{formatNumber(s.articles, l)}</td>
                  <td class="num">{formatNumber(s.findings, l)}</td>
                  <td>
                    <form method="post" action={`/kerja/sumber/${s.id}/aktif`} class="inline">
                      <Csrf token={csrf} />
                      <input type="hidden" name="active" value={s.active ? '0' : '1'} />
                      {s.active ? tr(l, 'ya', 'yes') : tr(l, 'dijeda', 'paused')}{' '}
                      <button type="submit" class="link">
                        {s.active ? tr(l, 'jeda', 'pause') : tr(l, 'lanjutkan', 'resume')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="card">{tr(l, 'Belum ada sumber yang dipantau.', 'No sources watched yet.')}</p>
      )}
      <form
        method="post"
        action="/kerja/sumber"
        class="stack"
        style="margin-top:1.5rem"
        aria-labelledby="h-add"
      >
        <h2 id="h-add">{tr(l, 'Daftarkan sumber', 'Register a source')}</h2>
        <ErrorSummary state={form} locale={l} />
        <Csrf token={csrf} />
        <div class="row">
          <TextField name="name" label={tr(l, 'Nama', 'Name')} state={form} required />
          <SelectField
            name="kind"
            label={tr(l, 'Jenis', 'Kind')}
            state={form}
            options={SOURCE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k]![l] }))}
          />
          <TextField
            name="intervalMinutes"
            type="number"
            label={tr(l, 'Tiap (menit)', 'Every (minutes)')}
            state={form}
            inputmode="numeric"
          />
        </div>
        <TextField
          name="url"
          type="url"
          label={tr(l, 'Alamat (URL)', 'Address (URL)')}
          state={form}
          required
          hint={tr(
            l,
            'mis. https://tangerangkota.go.id/berita/rss atau halaman daftar berita',
            'e.g. https://tangerangkota.go.id/berita/rss or a news list page',
          )}
        />
        <TextField
          name="outlet"
          label={tr(l, 'Media', 'Outlet')}
          state={form}
          hint={tr(l, 'opsional', 'optional')}
        />
        <button type="submit">{tr(l, 'Daftarkan', 'Register')}</button>
      </form>
    </>,
  );
}

export function sourcesPage(c: Context<AppEnv>) {
  return render(c, emptyForm({ intervalMinutes: '60', kind: 'feed' }));
}

export async function sourcesPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin', 'kurator']);
  const values = textValues(await readForm(c));
  const l = c.get('locale');
  try {
    const input = createSourceSchema.parse({
      url: values.url ?? '',
      kind: values.kind ?? '',
      name: values.name ?? '',
      outlet: values.outlet?.trim() || null,
      intervalMinutes: values.intervalMinutes?.trim() || 60,
    });
    const deps = c.get('deps');
    await createSource(deps.db.db, actor, input, { allowPrivate: deps.config.intakeWatchAllowPrivate });
  } catch (err) {
    return render(c, formErrors(err, values), 422);
  }
  return seeOther(c, '/kerja/sumber', tr(l, 'Sumber didaftarkan.', 'Source registered.'));
}

export async function sourceActivePost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin', 'kurator']);
  const values = textValues(await readForm(c));
  const l = c.get('locale');
  const active = values.active === '1';
  await updateSource(c.get('deps').db.db, actor, Number(c.req.param('id')), { active });
  return seeOther(
    c,
    '/kerja/sumber',
    active ? tr(l, 'Sumber dipantau lagi.', 'Source resumed.') : tr(l, 'Sumber dijeda.', 'Source paused.'),
  );
}
