import type { Context } from 'hono';
import { tr, type Words, words } from '../../domain/i18n.ts';
import type { AppEnv } from '../env.ts';
import { toErrorBody } from '../errors.ts';
import { page } from './ui/page.tsx';

// Errors on pages become an HTML page that says what happened and what to do next.

/** What happened, by status, in words a reader acts on (the detail below says exactly what). */
const SUMMARIES: Record<number, Words> = {
  401: words('Anda perlu masuk dulu untuk membuka halaman ini.', 'Please sign in to open this page.'),
  403: words(
    'Anda tidak punya hak untuk membuka atau mengubah ini.',
    'You do not have the right to open or change this.',
  ),
  404: words(
    'Halaman atau data yang dicari tidak ada.',
    'The page or record you are looking for does not exist.',
  ),
  409: words(
    'Data ini sedang dalam status yang tidak mengizinkan langkah tersebut.',
    'The record is in a state that does not allow this step.',
  ),
  413: words('Berkas terlalu besar.', 'The file is too large.'),
  415: words('Jenis berkas tidak didukung.', 'This file type is not supported.'),
  429: words(
    'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
    'Too many attempts. Wait a little and try again.',
  ),
  500: words(
    'Terjadi kesalahan di server. Kesalahan ini sudah dicatat; coba lagi nanti.',
    'A server error happened. It has been logged; please try again later.',
  ),
};
const OTHER_4XX = words('Permintaan tidak bisa diproses.', 'The request could not be processed.');

export function renderErrorPage(c: Context<AppEnv>, err: unknown) {
  const known = toErrorBody(err);
  const status = known?.status ?? 500;
  const locale = c.get('locale');
  const summary = (SUMMARIES[status] ?? (status >= 500 ? SUMMARIES[500]! : OTHER_4XX))[locale];
  const detail = known?.body.error.message;
  const details = known?.body.error.details ?? [];
  if (c.req.header('hx-request'))
    return c.html(
      <p class="field-error" role="alert">
        {detail ?? summary}
      </p>,
      status as 400,
    );
  const actor = c.get('actor');
  const here = new URL(c.req.url);
  const next = `${here.pathname}${here.search}`;
  return page(
    c,
    { title: `${status} · ${tr(locale, 'Terjadi masalah', 'Something went wrong')}`, status },
    <section class="error-page" aria-labelledby="error-title">
      <p class="status-code">{status}</p>
      <h1 id="error-title">{summary}</h1>
      {detail && detail !== summary ? <p class="lead">{detail}</p> : null}
      {details.length ? (
        <ul>
          {details.map((d) => (
            <li>{d.field ? `${d.field}: ${d.message}` : d.message}</li>
          ))}
        </ul>
      ) : null}
      <p>
        {[401, 403, 404].includes(status) && !actor ? (
          <a class="button" href={`/masuk?ke=${encodeURIComponent(next)}`}>
            {tr(locale, 'Masuk dengan akun Anda', 'Sign in with your account')}
          </a>
        ) : status >= 400 && status < 500 && ![401, 403, 404].includes(status) ? (
          <span>
            {tr(
              locale,
              'Kembali ke halaman sebelumnya dan periksa isian.',
              'Go back to the previous page and check what you entered.',
            )}{' '}
          </span>
        ) : null}{' '}
        {actor ? (
          <a class="button secondary" href="/kerja">
            {tr(locale, 'Kembali ke beranda kerja', 'Back to the workspace')}
          </a>
        ) : (
          <a class="button secondary" href="/">
            {tr(locale, 'Etalase publik', 'Public showcase')}
          </a>
        )}
      </p>
    </section>,
  );
}
