import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { toErrorBody } from '../errors.ts';
import { type MessageKey, t } from './i18n.ts';
import { page } from './ui/page.tsx';

// Errors on pages become an HTML page that says what happened and what to do next.

const KNOWN = new Set([401, 403, 404, 409, 413, 415, 429]);

export function renderErrorPage(c: Context<AppEnv>, err: unknown) {
  const known = toErrorBody(err);
  const status = known?.status ?? 500;
  const locale = c.get('locale');
  const summary = t(
    locale,
    (KNOWN.has(status) ? `error.${status}` : status >= 500 ? 'error.500' : 'error.4xx') as MessageKey,
  );
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
    { title: `${status} · ${t(locale, 'error.title')}`, status },
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
            {t(locale, 'error.todo.login')}
          </a>
        ) : status >= 400 && status < 500 && ![401, 403, 404].includes(status) ? (
          <span>{t(locale, 'error.todo.back')} </span>
        ) : null}{' '}
        {actor ? (
          <a class="button secondary" href="/kerja">
            {t(locale, 'error.todo.home')}
          </a>
        ) : (
          <a class="button secondary" href="/">
            {t(locale, 'nav.showcase')}
          </a>
        )}
      </p>
    </section>,
  );
}
