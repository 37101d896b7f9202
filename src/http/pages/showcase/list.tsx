import { formatNumber } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import { AWARD_LEVELS } from '../../../reference/unit-types.ts';
import type { Award } from '../../../services/awards/model.ts';
import type { Page } from '../../../services/awards/read.ts';
import type { FilterOptions } from '../../../services/showcase/options.ts';
import { AwardItem, levelLabel } from './components.tsx';
import { Layout } from './layout.tsx';
import { href, pathIn } from './links.ts';
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
  const { locale } = v;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const total = formatNumber(result.total, locale);
  const more = result.totalExact ? '' : '+';
  const heading = [
    tr(locale, 'Daftar penghargaan', 'Awards'),
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
      description={`${tr(locale, `${total} penghargaan`, `${total} awards`)} — ${v.site.name}`}
      section="list"
    >
      <h1>{heading}</h1>
      <form class="filters" method="get" action={pathIn(v, '/penghargaan')} aria-labelledby="filters-title">
        <h2 id="filters-title" class="filters-title">
          {tr(locale, 'Saring daftar', 'Filter the list')}
        </h2>
        {locale === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <div class="filter-grid">
          <p class="field">
            <label for="f-tahun">{tr(locale, 'Tahun', 'Year')}</label>
            <select id="f-tahun" name="tahun">
              <option value="">{tr(locale, 'Semua', 'All')}</option>
              {options.years.map((y) => (
                <option value={String(y)} selected={params.tahun === y}>
                  {y}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="f-bidang">{tr(locale, 'Bidang', 'Field')}</label>
            <select id="f-bidang" name="bidang">
              <option value="">{tr(locale, 'Semua', 'All')}</option>
              {options.fields.map((f) => (
                <option value={f.code} selected={params.bidang === f.code}>
                  {f.name}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="f-tingkat">{tr(locale, 'Tingkat', 'Level')}</label>
            <select id="f-tingkat" name="tingkat">
              <option value="">{tr(locale, 'Semua', 'All')}</option>
              {AWARD_LEVELS.map((l) => (
                <option value={l} selected={params.tingkat === l}>
                  {levelLabel(v, l)}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="f-unit">{tr(locale, 'Unit', 'Unit')}</label>
            <select id="f-unit" name="unit">
              <option value="">{tr(locale, 'Semua', 'All')}</option>
              {options.units.map((u) => (
                <option value={String(u.id)} selected={params.unit === u.id}>
                  {`${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="f-pemberi">{tr(locale, 'Pemberi', 'Awarding body')}</label>
            <select id="f-pemberi" name="pemberi">
              <option value="">{tr(locale, 'Semua', 'All')}</option>
              {options.givers.map((g) => (
                <option value={g.code} selected={params.pemberi === g.code}>
                  {g.abbreviation}
                </option>
              ))}
            </select>
          </p>
          <p class="field field-wide">
            <label for="f-q">{tr(locale, 'Cari kata', 'Search')}</label>
            <input
              id="f-q"
              type="search"
              name="q"
              value={params.q ?? ''}
              maxlength={200}
              aria-describedby="f-q-hint"
            />
            <span id="f-q-hint" class="hint">
              {tr(locale, 'Judul, program atau keterangan', 'Title, programme or description')}
            </span>
          </p>
        </div>
        <p class="filter-actions">
          <button type="submit">{tr(locale, 'Terapkan', 'Apply')}</button>{' '}
          <a href={href(v, '/penghargaan')}>{tr(locale, 'Hapus saringan', 'Clear filters')}</a>
        </p>
      </form>

      {props.ignored.length ? (
        <div class="notice" role="status">
          {props.ignored.map((name) => (
            <p>
              {tr(
                locale,
                `Saringan "${name}" tidak dikenali dan diabaikan.`,
                `The filter "${name}" was not understood and is ignored.`,
              )}
            </p>
          ))}
        </div>
      ) : null}

      <p class="count" role="status">
        <strong>{tr(locale, `${total}${more} penghargaan`, `${total}${more} awards`)}</strong>
        {pages > 1
          ? ` · ${tr(locale, `Halaman ${result.page} dari ${pages}`, `Page ${result.page} of ${pages}`)}`
          : ''}
      </p>
      {result.items.length ? (
        <ul class="awards">
          {result.items.map((a) => (
            <AwardItem v={v} a={a} />
          ))}
        </ul>
      ) : (
        <p class="empty">
          {tr(
            locale,
            'Tidak ada penghargaan yang cocok dengan saringan ini.',
            'No award matches these filters.',
          )}
        </p>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label={tr(locale, 'Halaman', 'Pages')}>
          {result.page > 1 ? (
            <a rel="prev" href={href(v, '/penghargaan', paramsToLink(params, result.page - 1))}>
              ← {tr(locale, 'Sebelumnya', 'Previous')}
            </a>
          ) : (
            <span />
          )}
          <span>{tr(locale, `Halaman ${result.page} dari ${pages}`, `Page ${result.page} of ${pages}`)}</span>
          {result.page < pages ? (
            <a rel="next" href={href(v, '/penghargaan', paramsToLink(params, result.page + 1))}>
              {tr(locale, 'Berikutnya', 'Next')} →
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Layout>
  );
}
