import { AWARD_LEVELS } from '../../../reference/unit-types.ts';
import type { Award } from '../../../services/awards/model.ts';
import type { Page } from '../../../services/awards/read.ts';
import type { FilterOptions } from '../../../services/showcase/options.ts';
import { AwardItem, levelLabel } from './components.tsx';
import { formatNum, href, pathIn } from './format.ts';
import { Layout } from './layout.tsx';
import { type ListParams, paramsToLink } from './list-query.ts';
import type { View } from './view.ts';

export function ListPage(props: {
  v: View;
  result: Page<Award>;
  params: ListParams;
  ignored: string[];
  options: FilterOptions;
}) {
  const { v, result, params, options } = props;
  const { t, locale } = v;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const heading = [
    t.listTitle,
    params.tahun ? String(params.tahun) : null,
    params.bidang ? options.fields.find((f) => f.code === params.bidang)?.name : null,
    params.pemberi ? options.givers.find((g) => g.code === params.pemberi)?.abbreviation : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Layout
      v={v}
      title={heading}
      description={`${t.results(formatNum(result.total, locale))} — ${v.site.name}`}
      section="list"
    >
      <h1>{heading}</h1>
      <form class="filters" method="get" action={pathIn(v, '/penghargaan')} aria-labelledby="filters-title">
        <h2 id="filters-title" class="filters-title">
          {t.filters}
        </h2>
        {locale === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <div class="filter-grid">
          <p class="field">
            <label for="f-tahun">{t.year}</label>
            <select id="f-tahun" name="tahun">
              <option value="">{t.any}</option>
              {options.years.map((y) => (
                <option value={String(y)} selected={params.tahun === y}>
                  {y}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="f-bidang">{t.field}</label>
            <select id="f-bidang" name="bidang">
              <option value="">{t.any}</option>
              {options.fields.map((f) => (
                <option value={f.code} selected={params.bidang === f.code}>
                  {f.name}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="f-tingkat">{t.level}</label>
            <select id="f-tingkat" name="tingkat">
              <option value="">{t.any}</option>
              {AWARD_LEVELS.map((l) => (
                <option value={l} selected={params.tingkat === l}>
                  {levelLabel(v, l)}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="f-unit">{t.unit}</label>
            <select id="f-unit" name="unit">
              <option value="">{t.any}</option>
              {options.units.map((u) => (
                <option value={String(u.id)} selected={params.unit === u.id}>
                  {`${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="f-pemberi">{t.giver}</label>
            <select id="f-pemberi" name="pemberi">
              <option value="">{t.any}</option>
              {options.givers.map((g) => (
                <option value={g.code} selected={params.pemberi === g.code}>
                  {g.abbreviation}
                </option>
              ))}
            </select>
          </p>
          <p class="field field-wide">
            <label for="f-q">{t.search}</label>
            <input
              id="f-q"
              type="search"
              name="q"
              value={params.q ?? ''}
              maxlength={200}
              aria-describedby="f-q-hint"
            />
            <span id="f-q-hint" class="hint">
              {t.searchHint}
            </span>
          </p>
        </div>
        <p class="filter-actions">
          <button type="submit">{t.apply}</button> <a href={href(v, '/penghargaan')}>{t.reset}</a>
        </p>
      </form>

      {props.ignored.length ? (
        <div class="notice" role="status">
          {props.ignored.map((name) => (
            <p>{t.badFilter(name)}</p>
          ))}
        </div>
      ) : null}

      <p class="count" role="status">
        <strong>{t.results(`${formatNum(result.total, locale)}${result.totalExact ? '' : '+'}`)}</strong>
        {pages > 1 ? ` · ${t.page(result.page, pages)}` : ''}
      </p>
      {result.items.length ? (
        <ul class="awards">
          {result.items.map((a) => (
            <AwardItem v={v} a={a} />
          ))}
        </ul>
      ) : (
        <p class="empty">{t.noResults}</p>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label={t.pagination}>
          {result.page > 1 ? (
            <a rel="prev" href={href(v, '/penghargaan', paramsToLink(params, result.page - 1))}>
              ← {t.prev}
            </a>
          ) : (
            <span />
          )}
          <span>{t.page(result.page, pages)}</span>
          {result.page < pages ? (
            <a rel="next" href={href(v, '/penghargaan', paramsToLink(params, result.page + 1))}>
              {t.next} →
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Layout>
  );
}
