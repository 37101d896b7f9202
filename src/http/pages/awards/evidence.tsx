import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Context, Next } from 'hono';
import { formatBytes, formatDate } from '../../../domain/format.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';
import type { Evidence, EvidenceArticle } from '../../../services/awards/model.ts';
import { AppError, invalid } from '../../../services/errors.ts';
import {
  addFileEvidence,
  addLinkEvidence,
  awardOfEvidence,
  deleteEvidence,
  evidenceFile,
  linkEvidenceSchema,
} from '../../../services/evidence.ts';
import { webUrlOrNull } from '../../../services/safe-url.ts';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';
import { intParam } from '../ui/bits.tsx';
import { Csrf, formErrors, readForm } from '../ui/forms.tsx';
import { flash, seeOther } from '../ui/page.tsx';

// Evidence on the award page: list with previews, the upload and link forms, and the file
// itself (same visibility as the award). Size and type are judged by the evidence service,
// by content; its message comes back as a flash next to the form.

export function EvidenceList({
  items,
  locale,
  canEdit,
  csrf,
}: {
  items: Evidence[];
  locale: Locale;
  canEdit: boolean;
  csrf: string | null;
}) {
  if (!items.length) return <p class="muted">{tr(locale, 'Belum ada bukti.', 'No evidence yet.')}</p>;
  return (
    <ul class="evidence">
      {items.map((e) => (
        <li class="card">
          {e.kind === 'file' ? (
            <>
              {e.mediaType?.startsWith('image/') ? (
                <img src={`/kerja/bukti/${e.id}`} alt={e.caption ?? e.fileName ?? ''} loading="lazy" />
              ) : null}
              <a href={`/kerja/bukti/${e.id}`}>{e.fileName}</a>{' '}
              <span class="muted">
                ({e.mediaType}, {formatBytes(e.sizeBytes, locale)})
              </span>
            </>
          ) : e.article ? (
            <ArticleLine article={e.article} locale={locale} />
          ) : webUrlOrNull(e.url) ? (
            <a href={webUrlOrNull(e.url) ?? undefined} rel="noopener noreferrer nofollow">
              {e.url}
            </a>
          ) : e.url ? (
            <span>{e.url}</span>
          ) : (
            <strong>{tr(locale, 'Berita', 'News report')}</strong>
          )}
          {e.caption ? <p>{e.caption}</p> : null}
          {e.quote ? <blockquote>{e.quote}</blockquote> : null}
          {canEdit ? (
            <form method="post" action={`/kerja/bukti/${e.id}/hapus`} class="inline">
              <Csrf token={csrf} />
              <button type="submit" class="link">
                {tr(locale, 'Hapus bukti', 'Remove')}
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function EvidenceForms({
  id,
  locale,
  csrf,
  maxMb,
  tooLarge = false,
}: {
  id: number;
  locale: Locale;
  csrf: string | null;
  maxMb: number;
  /** The last upload was refused for its size (see `uploadTooLarge`). */
  tooLarge?: boolean;
}) {
  return (
    <div class="grid">
      <form
        method="post"
        action={`/kerja/penghargaan/${id}/bukti`}
        enctype="multipart/form-data"
        class="stack"
      >
        <Csrf token={csrf} />
        <div class={`field ${tooLarge ? 'has-error' : ''}`}>
          <label for="f-file">{tr(locale, 'Unggah berkas bukti', 'Upload an evidence file')}</label>
          <p class="hint" id="h-file">
            {tr(
              locale,
              `PDF, PNG, JPEG atau WEBP, paling besar ${maxMb} MB.`,
              `PDF, PNG, JPEG or WEBP, at most ${maxMb} MB.`,
            )}
          </p>
          {tooLarge ? (
            <p class="field-error" id="e-file" role="alert">
              {tr(
                locale,
                `Berkas terlalu besar: batasnya ${maxMb} MB. Perkecil berkasnya (mis. pindai ulang dengan resolusi lebih rendah) lalu unggah lagi.`,
                `File too large: the limit is ${maxMb} MB. Make it smaller (e.g. scan again at a lower resolution) and upload again.`,
              )}
            </p>
          ) : null}
          <input
            id="f-file"
            name="file"
            type="file"
            accept="application/pdf,image/png,image/jpeg,image/webp"
            required
            aria-invalid={tooLarge ? 'true' : undefined}
            aria-describedby={tooLarge ? 'h-file e-file' : 'h-file'}
            data-preview="#file-preview"
          />
          <div id="file-preview" class="preview" aria-live="polite"></div>
        </div>
        <div class="field">
          <label for="f-caption">{tr(locale, 'Keterangan', 'Caption')}</label>
          <input id="f-caption" name="caption" type="text" maxlength={500} />
        </div>
        <button type="submit">{tr(locale, 'Unggah', 'Upload')}</button>
      </form>
      <form method="post" action={`/kerja/penghargaan/${id}/tautan`} class="stack">
        <Csrf token={csrf} />
        <div class="field">
          <label for="f-url">{tr(locale, 'Tautan berita atau dokumen', 'Link to news or a document')}</label>
          <input id="f-url" name="url" type="url" placeholder="https://" required />
        </div>
        <div class="field">
          <label for="f-lcaption">{tr(locale, 'Keterangan', 'Caption')}</label>
          <input id="f-lcaption" name="caption" type="text" maxlength={500} />
        </div>
        <button type="submit" class="secondary">
          {tr(locale, 'Tambah tautan', 'Add link')}
        </button>
      </form>
    </div>
  );
}

/**
 * Turns a refused upload into a flash message on the award page (the form has nothing else to
 * keep). Rights (403) and an award the user cannot see (404, e.g. another region's) are error
 * pages, as for the workflow buttons: a redirect back to a page the user cannot open says less.
 */
function refused(c: Context<AppEnv>, id: number, err: unknown) {
  if (err instanceof AppError && (err.status === 403 || err.status === 404)) throw err;
  const state = formErrors(err, {});
  const extra = Object.values(state.errors).flat().join(' ');
  flash(c, [state.message, extra].filter(Boolean).join(' '), 'error');
  return c.redirect(`/kerja/penghargaan/${id}#bukti`, 303);
}

export async function uploadEvidence(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const id = intParam(c.req.param('id')) ?? 0;
  const body = await readForm(c);
  const { db, config } = c.get('deps');
  const file = body.file;
  try {
    if (!(file instanceof File) || file.size === 0)
      throw formErrorsInput('Pilih berkas yang akan diunggah (PDF, PNG, JPEG atau WEBP).');
    const caption =
      typeof body.caption === 'string' && body.caption.trim() ? body.caption.trim().slice(0, 500) : null;
    await addFileEvidence(
      db.db,
      actor,
      config,
      id,
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      caption,
    );
  } catch (err) {
    if (err instanceof AppError && err.status === 413) return c.redirect(tooLargeUrl(id), 303);
    return refused(c, id, err);
  }
  return seeOther(
    c,
    `/kerja/penghargaan/${id}#bukti`,
    tr(c.get('locale'), 'Bukti terunggah.', 'Evidence uploaded.'),
  );
}

/** Marker in the award page's URL: the evidence form then says the last file was too large. */
export const TOO_LARGE_QUERY = ['bukti', 'terlalu-besar'] as const;
const tooLargeUrl = (id: number) => `/kerja/penghargaan/${id}?${TOO_LARGE_QUERY.join('=')}#bukti`;

/**
 * Mounted in app.ts BEFORE the global body limit, on the upload route only. The body limit
 * refuses an oversized upload before any handler runs (from Content-Length, or while the body
 * streams in), which would show the bare 413 error page; here the 413 becomes a redirect back
 * to the award page, whose evidence form then names the limit. Nothing is stored, so it is
 * safe before sign-in and CSRF are checked; the API's 413 is untouched.
 */
export async function uploadTooLarge(c: Context<AppEnv>, next: Next) {
  await next();
  const id = intParam(/^\/kerja\/penghargaan\/(\d+)\/bukti$/.exec(c.req.path)?.[1]);
  if (c.req.method === 'POST' && id && c.error instanceof AppError && c.error.status === 413) {
    c.res = undefined; // drop the error page and its headers instead of merging them
    c.res = new Response(null, { status: 303, headers: { Location: tooLargeUrl(id) } });
  }
}

export async function addLink(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const id = intParam(c.req.param('id')) ?? 0;
  const body = await readForm(c);
  try {
    const input = linkEvidenceSchema.parse({ url: body.url, caption: body.caption || null });
    await addLinkEvidence(c.get('deps').db.db, actor, id, input);
  } catch (err) {
    return refused(c, id, err);
  }
  return seeOther(
    c,
    `/kerja/penghargaan/${id}#bukti`,
    tr(c.get('locale'), 'Tautan ditambahkan.', 'Link added.'),
  );
}

export async function removeEvidence(c: Context<AppEnv>) {
  const actor = requireActor(c);
  await readForm(c);
  const { db, config } = c.get('deps');
  const id = intParam(c.req.param('id')) ?? 0;
  const awardId = await awardOfEvidence(db.db, id);
  try {
    await deleteEvidence(db.db, actor, config, id);
  } catch (err) {
    if (awardId === null) throw err;
    return refused(c, awardId, err);
  }
  return seeOther(
    c,
    `/kerja/penghargaan/${awardId}#bukti`,
    tr(c.get('locale'), 'Bukti dihapus.', 'Evidence removed.'),
  );
}

/** GET /kerja/bukti/:id: the file, inline, never sniffed as HTML. */
export async function serveEvidence(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const { db, config } = c.get('deps');
  const { row, path } = await evidenceFile(db.db, actor, config, intParam(c.req.param('id')) ?? 0);
  c.header('Content-Type', row.media_type ?? 'application/octet-stream');
  c.header('Content-Disposition', `inline; filename="${row.file_name ?? 'bukti'}"`);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
  c.header('Cache-Control', 'private, max-age=300');
  return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream);
}

const formErrorsInput = (message: string) => invalid([{ field: 'file', message }], message);

/** A news report as evidence: its headline (a safe link when it has a web address), outlet, date. */
function ArticleLine({ article, locale }: { article: EvidenceArticle; locale: Locale }) {
  const href = webUrlOrNull(article.url);
  const title = article.title ?? tr(locale, 'Berita', 'News report');
  const source = [
    article.outlet,
    article.publishedOn ? formatDate(article.publishedOn, locale) : null,
  ].filter(Boolean);
  return (
    <>
      <span class="muted">{tr(locale, 'Berita', 'News')}: </span>
      {href ? (
        <a href={href} rel="noopener noreferrer nofollow">
          {title}
        </a>
      ) : (
        <strong>{title}</strong>
      )}
      {source.length ? <span class="muted"> · {source.join(', ')}</span> : null}
    </>
  );
}
