import type { Context } from 'hono';
import { levelLabel } from '../../../domain/labels.ts';
import { AWARD_LEVELS } from '../../../reference/unit-types.ts';
import { listAwards } from '../../../services/awards/read.ts';
import { listAwardsQuerySchema } from '../../../services/awards/schemas.ts';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';
import { formatDate, formatNumber } from '../format.ts';
import { t, tr } from '../i18n.ts';
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
const SORTS = ['receivedOn', 'editionYear', 'title', 'updatedAt', 'score'] as const;

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
  const all = t(l, 'filter.all');
  // The heading names the year the list is filtered on, as the year box does (and only then).
  const heading = query.year ? `${t(l, 'list.title')} · ${query.year}` : t(l, 'list.title');
  return page(
    c,
    { title: heading, section: 'awards' },
    <>
      <div class="toolbar">
        <h1>{heading}</h1>
        {['admin', 'operator', 'kurator'].includes(actor.role) ? (
          <a class="button" href="/kerja/penghargaan/baru">
            {t(l, 'nav.new')}
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
            <TextField name="q" type="search" label={t(l, 'filter.text')} state={state} />
            <TextField name="year" label={t(l, 'col.year')} state={state} inputmode="numeric" />
            <SelectField
              name="state"
              label={t(l, 'col.state')}
              state={state}
              empty={all}
              options={(['draft', 'submitted', 'returned', 'verified'] as const).map((s) => ({
                value: s,
                label: t(l, `state.${s}`),
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
                label={t(l, 'col.field')}
                state={state}
                empty={all}
                options={fields.map((f) => ({ value: f.code, label: f.name }))}
              />
              <SelectField
                name="level"
                label={t(l, 'col.level')}
                state={state}
                empty={all}
                options={AWARD_LEVELS.map((v) => ({ value: v, label: levelLabel(l, v) }))}
              />
              <SelectField
                name="giver"
                label={t(l, 'col.giver')}
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
                label={t(l, 'filter.sort')}
                state={state}
                options={SORTS.map((s) => ({ value: s, label: t(l, `sort.${s}`) }))}
              />
              <SelectField
                name="order"
                label={t(l, 'filter.order')}
                state={state}
                options={[
                  { value: 'desc', label: t(l, 'order.desc') },
                  { value: 'asc', label: t(l, 'order.asc') },
                ]}
              />
            </div>
          </details>
          <div class="actions">
            <button type="submit">{t(l, 'list.filter')}</button>
            <a href="/kerja/penghargaan">{t(l, 'list.reset')}</a>
          </div>
        </form>
      </search>
      <p aria-live="polite">
        <strong>{t(l, 'list.count', { total: formatNumber(result.total, l) })}</strong>
      </p>
      {result.items.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'col.title')}</th>
                <th scope="col">{t(l, 'col.year')}</th>
                <th scope="col">{t(l, 'col.giver')}</th>
                <th scope="col">{t(l, 'col.unit')}</th>
                <th scope="col">{t(l, 'col.grade')}</th>
                <th scope="col">{t(l, 'col.received')}</th>
                <th scope="col">{t(l, 'col.state')}</th>
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
        <p class="card">{t(l, 'list.empty')}</p>
      )}
      <nav class="pager" aria-label={tr(l, 'Halaman', 'Pages')}>
        {result.page > 1 ? (
          <a href={link(result.page - 1)} rel="prev">
            ← {t(l, 'list.prev')}
          </a>
        ) : (
          <span></span>
        )}
        <span>{t(l, 'list.page', { page: result.page, pages })}</span>
        {result.page < pages ? (
          <a href={link(result.page + 1)} rel="next">
            {t(l, 'list.next')} →
          </a>
        ) : (
          <span></span>
        )}
      </nav>
    </>,
  );
}
