import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { ZodError } from 'zod';
import { type Locale, tr } from '../../../domain/i18n.ts';
import { AppError, type ErrorDetail } from '../../../services/errors.ts';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';

// Form helpers: every input has a label, shows its own error next to it, and keeps what the
// user typed when the form comes back with errors (never lose input).

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string[]>;
  /** A message not tied to one field (e.g. a conflict). */
  message?: string;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

/**
 * Turns a service error into form errors. `alias` maps the service's field names to the
 * form's input names (e.g. awardingBodyCode → giver). Errors that are not input errors rethrow.
 */
export function formErrors(
  err: unknown,
  values: Record<string, string>,
  alias: Record<string, string> = {},
): FormState {
  let details: ErrorDetail[];
  let message: string;
  if (err instanceof ZodError) {
    details = err.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    message = 'Data tidak valid: perbaiki isian yang disebut.';
  } else if (err instanceof AppError && [400, 409, 413, 415, 422].includes(err.status)) {
    details = err.details;
    message = err.message;
  } else throw err;
  const errors: Record<string, string[]> = {};
  const loose: string[] = [];
  for (const d of details) {
    const raw = d.field ?? '';
    const name = alias[raw] ?? alias[raw.split('.')[0]] ?? raw;
    if (!name || (err instanceof AppError && err.status === 409)) loose.push(d.message);
    else {
      errors[name] = errors[name] ?? [];
      errors[name].push(d.message);
    }
  }
  const extra = loose.filter((m) => m !== message);
  return { values, errors, message: [message, ...extra].join(' ') };
}

/** Reads a posted form after checking the session's CSRF token. Only signed-in users post. */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string | File>> {
  requireActor(c);
  const body = await c.req.parseBody();
  if (c.get('authVia') === 'session' && body._csrf !== c.get('csrfToken'))
    throw new AppError('forbidden', 'Token CSRF hilang atau salah: muat ulang halaman lalu kirim lagi.');
  return body as Record<string, string | File>;
}

/** The text values of a form (files dropped), trimmed of nothing: what the user typed. */
export function textValues(body: Record<string, string | File>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

export const Csrf = ({ token }: { token: string | null }) => (
  <input type="hidden" name="_csrf" value={token ?? ''} />
);

export function ErrorSummary({ state, locale }: { state: FormState; locale: Locale }) {
  const count = Object.keys(state.errors).length;
  if (!state.message && count === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="kesalahan">
      <p>
        <strong>
          {state.message ??
            tr(locale, 'Periksa isian yang ditandai di bawah.', 'Please check the fields marked below.')}
        </strong>
      </p>
      {count ? (
        <ul>
          {Object.entries(state.errors).map(([name, msgs]) => (
            <li>
              <a href={`#f-${name}`}>{msgs.join(' ')}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface FieldBase {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  required?: boolean;
  class?: string;
}

function FieldShell(p: FieldBase & { children: Child }) {
  const errs = p.state.errors[p.name];
  return (
    <div class={`field ${errs ? 'has-error' : ''} ${p.class ?? ''}`}>
      <label for={`f-${p.name}`}>
        {p.label}
        {p.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`h-${p.name}`}>
          {p.hint}
        </p>
      ) : null}
      {errs ? (
        <p class="field-error" id={`e-${p.name}`}>
          {errs.join(' ')}
        </p>
      ) : null}
      {p.children}
    </div>
  );
}

const describedBy = (p: FieldBase) =>
  [p.hint ? `h-${p.name}` : '', p.state.errors[p.name] ? `e-${p.name}` : ''].filter(Boolean).join(' ') ||
  undefined;

export function TextField(
  p: FieldBase & {
    type?: string;
    list?: string;
    inputmode?: 'numeric' | 'decimal' | 'email' | 'search' | 'text';
    attrs?: Record<string, string>;
  },
) {
  return (
    <FieldShell {...p}>
      <input
        id={`f-${p.name}`}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.state.values[p.name] ?? ''}
        required={p.required}
        list={p.list}
        inputmode={p.inputmode}
        aria-invalid={p.state.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p)}
        {...(p.attrs ?? {})}
      />
    </FieldShell>
  );
}

export function TextArea(p: FieldBase & { rows?: number }) {
  return (
    <FieldShell {...p}>
      <textarea
        id={`f-${p.name}`}
        name={p.name}
        rows={p.rows ?? 4}
        required={p.required}
        aria-invalid={p.state.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.state.values[p.name] ?? ''}
      </textarea>
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  p: FieldBase & { options: Option[]; empty?: string; attrs?: Record<string, string> },
) {
  const current = p.state.values[p.name] ?? '';
  return (
    <FieldShell {...p}>
      <select
        id={`f-${p.name}`}
        name={p.name}
        required={p.required}
        aria-invalid={p.state.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p)}
        {...(p.attrs ?? {})}
      >
        {p.empty !== undefined ? <option value="">{p.empty}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Checkbox(p: FieldBase) {
  return (
    <div class="field checkbox">
      <input
        type="checkbox"
        id={`f-${p.name}`}
        name={p.name}
        value="1"
        checked={p.state.values[p.name] === '1'}
      />{' '}
      <label for={`f-${p.name}`}>{p.label}</label>
      {p.hint ? <p class="hint">{p.hint}</p> : null}
    </div>
  );
}
