import type { Context } from 'hono';
import { formatDate, formatNumber } from '../../../domain/format.ts';
import { tr, type Words, words } from '../../../domain/i18n.ts';
import { levelLabel, stateLabel } from '../../../domain/labels.ts';
import { AWARD_LEVELS } from '../../../reference/unit-types.ts';
import { listAwards } from '../../../services/awards/read.ts';
import { listAwardsQuerySchema } from '../../../services/awards/schemas.ts';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';
import { gradeText, recipientText, StateBadge } from '../ui/bits.tsx';
import { type FormState, SelectField, TextField } from '../ui/forms.tsx';
import { page } from '../ui/page.tsx';
import { loadFields, loadGivers, unitOptions } from '../workspace/lookups.ts';

// The award list: filters in a GET form, so every view is a shareable URL
// (/kerja/penghargaan?year=2025&field=kesehatan&sort=title&order=asc&page=2).

const FILTERS = [
  'year',
  'field',
  'level',
  'giver',
  'unit',
  'state',
  'q',
  'sort',
  'order',
  'pageSize',
] as const;
const SORTS: Record<string, Words> = {
  receivedOn: words('Tanggal diterima', 'Date received'),
  editionYear: words('Tahun edisi', 'Edition year'),
  title: words('Judul', 'Title'),
  updatedAt: words('Terakhir diubah', 'Last changed'),
  score: words('Skor', 'Score'),
};

export async function awardList(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const l = c.get('locale');
  const { db } = c.get('deps').db;
  const raw: Record<string, string> = {};
  for (const k of FILTERS) {
    const v = c.req.query(k);
    if (v !== undefined && v !== '') raw[k] = v;
  }
  const page_ = c.req.query('page');
  const parsed = listAwardsQuerySchema.safeParse({ ...raw, ...(page_ ? { page: page_ } : {}) });
  const errors: Record<string, string[]> = {};
  if (!parsed.success)
    for (const i of parsed.error.issues) {
      const key = String(i.path[0]);
      errors[key] = [...(errors[key] ?? []), i.message];
    }
  const query = parsed.success ? parsed.data : listAwardsQuerySchema.parse({});
  const [result, fields, givers, units] = await Promise.all([
    listAwards(db, actor, query, l),
    loadFields(db, l),
    loadGivers(db),
    unitOptions(db),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const state: FormState = { values: raw, errors };
  const link = (p: number) => {
    const u = new URLSearchParams(raw);
    u.set('page', String(p));
    return `/kerja/penghargaan?${u}`;
  };
  const all = tr(l, 'Semua', 'All');
  // The heading names the year the list is filtered on, as the year box does (and only then).
  const heading = query.year
    ? `${tr(l, 'Daftar penghargaan', 'Awards')} · ${query.year}`
    : tr(l, 'Daftar penghargaan', 'Awards');
  return page(
    c,
    { title: heading, section: 'awards' },
    <>
      <div class="toolbar">
        <h1>{heading}</h1>
        {['admin', 'operator', 'kurator'].includes(actor.role) ? (
          <a class="button" href="/kerja/penghargaan/baru">
            {tr(l, 'Tambah penghargaan', 'New award')}
          </a>
        ) : null}
      </div>
      <search>
        <form method="get" action="/kerja/penghargaan" class="filters">
          {Object.keys(errors).length ? (
            <p class="field-error" role="alert">
              {tr(
                l,
                'Sebagian saringan tidak sah dan diabaikan.',
                'Some filters were not valid and were ignored.',
              )}
            </p>
          ) : null}
          <div class="row">
            <TextField
              name="q"
              type="search"
              label={tr(l, 'Cari judul atau uraian', 'Search title or description')}
              state={state}
            />
            <TextField name="year" label={tr(l, 'Tahun', 'Year')} state={state} inputmode="numeric" />
            <SelectField
              name="state"
              label={tr(l, 'Status', 'State')}
              state={state}
              empty={all}
              options={(['draft', 'submitted', 'returned', 'verified'] as const).map((s) => ({
                value: s,
                label: stateLabel(l, s),
              }))}
            />
          </div>
          <details
            class="more"
            open={['field', 'level', 'giver', 'unit', 'sort', 'order'].some((k) => raw[k]) || undefined}
          >
            <summary>{tr(l, 'Saringan lain dan urutan', 'More filters and sorting')}</summary>
            <div class="row">
              <SelectField
                name="field"
                label={tr(l, 'Bidang', 'Field')}
                state={state}
                empty={all}
                options={fields.map((f) => ({ value: f.code, label: f.name }))}
              />
              <SelectField
                name="level"
                label={tr(l, 'Tingkat', 'Level')}
                state={state}
                empty={all}
                options={AWARD_LEVELS.map((v) => ({ value: v, label: levelLabel(l, v) }))}
              />
              <SelectField
                name="giver"
                label={tr(l, 'Pemberi', 'Giver')}
                state={state}
                empty={all}
                options={givers.map((g) => ({ value: g.code, label: g.abbreviation }))}
              />
              <SelectField
                name="unit"
                label={tr(l, 'Unit (dengan sub-unit)', 'Unit (with sub-units)')}
                state={state}
                empty={all}
                options={units}
              />
            </div>
            <div class="row">
              <SelectField
                name="sort"
                label={tr(l, 'Urutkan', 'Sort by')}
                state={state}
                options={Object.entries(SORTS).map(([value, label]) => ({ value, label: label[l] }))}
              />
              <SelectField
                name="order"
                label={tr(l, 'Arah', 'Order')}
                state={state}
                options={[
                  { value: 'desc', label: tr(l, 'Menurun', 'Descending') },
                  { value: 'asc', label: tr(l, 'Menaik', 'Ascending') },
                ]}
              />
            </div>
          </details>
          <div class="actions">
            <button type="submit">{tr(l, 'Saring', 'Filter')}</button>
            <a href="/kerja/penghargaan">{tr(l, 'Hapus saringan', 'Clear filters')}</a>
          </div>
        </form>
      </search>
      <p aria-live="polite">
        <strong>
          {tr(l, `${formatNumber(result.total, l)} penghargaan`, `${formatNumber(result.total, l)} awards`)}
        </strong>
      </p>
      {result.items.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(l, 'Judul', 'Title')}</th>
                <th scope="col">{tr(l, 'Tahun', 'Year')}</th>
                <th scope="col">{tr(l, 'Pemberi', 'Giver')}</th>
                <th scope="col">{tr(l, 'Penerima', 'Recipient')}</th>
                <th scope="col">{tr(l, 'Nilai / predikat', 'Grade')}</th>
                <th scope="col">{tr(l, 'Tanggal diterima', 'Received on')}</th>
                <th scope="col">{tr(l, 'Status', 'State')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((a) => (
                <tr>
                  <td>
                    <a href={`/kerja/penghargaan/${a.id}`}>{a.title}</a>
                  </td>
                  <td>{a.editionYear}</td>
                  <td>{a.awardingBody?.abbreviation ?? a.awardingBodyText ?? '—'}</td>
                  <td>{recipientText(a, l)}</td>
                  <td>{gradeText(a, l)}</td>
                  <td>{formatDate(a.receivedOn, l)}</td>
                  <td>
                    <StateBadge state={a.state} locale={l} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="card">
          {tr(l, 'Tidak ada penghargaan yang cocok dengan saringan ini.', 'No award matches these filters.')}
        </p>
      )}
      <nav class="pager" aria-label={tr(l, 'Halaman', 'Pages')}>
        {result.page > 1 ? (
          <a href={link(result.page - 1)} rel="prev">
            ← {tr(l, 'Sebelumnya', 'Previous')}
          </a>
        ) : (
          <span></span>
        )}
        <span>{tr(l, `Halaman ${result.page} dari ${pages}`, `Page ${result.page} of ${pages}`)}</span>
        {result.page < pages ? (
          <a href={link(result.page + 1)} rel="next">
            {tr(l, 'Berikutnya', 'Next')} →
          </a>
        ) : (
          <span></span>
        )}
      </nav>
    </>,
  );
}
