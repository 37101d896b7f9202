import type { Context } from 'hono';
import { formatDate, formatNumber } from '../../../domain/format.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';
import { findingStateLabel } from '../../../domain/labels.ts';
import { ingest } from '../../../services/intake/ingest.ts';
import { listFindings, listSetAside } from '../../../services/intake/read.ts';
import { SET_ASIDE_LABEL, type SetAsideReason } from '../../../services/intake/region.ts';
import { FINDING_STATES } from '../../../services/intake/schemas.ts';
import type { AppEnv } from '../../env.ts';
import { requireRole } from '../ui/bits.tsx';
import {
  Csrf,
  ErrorSummary,
  emptyForm,
  type FormState,
  formErrors,
  readForm,
  TextArea,
  TextField,
  textValues,
} from '../ui/forms.tsx';
import { page, seeOther } from '../ui/page.tsx';

// Findings from the news: the queue (pending first) and a form to take in an article by
// pasting its text. Curators and admins only.

// The tab of events kept out of the queue: other regions' awards, visible when asked for.
const OTHER = 'lain';

function Tabs({ l, current }: { l: Locale; current: string }) {
  return (
    <>
      {[...FINDING_STATES, OTHER].map((s) => (
        <li>
          <a href={`/kerja/temuan?status=${s}`} aria-current={s === current ? 'page' : undefined}>
            {s === OTHER ? tr(l, 'Daerah lain', 'Other regions') : findingStateLabel(l, s)}
          </a>
        </li>
      ))}
    </>
  );
}

async function renderSetAside(c: Context<AppEnv>, actor: Parameters<typeof listSetAside>[1]) {
  const l = c.get('locale');
  const { items, total } = await listSetAside(c.get('deps').db.db, actor, { limit: 200 });
  return page(
    c,
    { title: tr(l, 'Temuan berita', 'News findings'), section: 'intake' },
    <>
      <h1>{tr(l, 'Temuan berita', 'News findings')}</h1>
      <nav aria-label={tr(l, 'Status temuan', 'Finding states')}>
        <ul class="tabs">
          <Tabs l={l} current={OTHER} />
        </ul>
      </nav>
      <p>
        {tr(
          l,
          `${total} penghargaan dalam berita yang bukan milik daerah ini; tidak diusulkan.`,
          `${total} awards in the news that belong to another region; not proposed.`,
        )}
      </p>
      {items.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(l, 'Penghargaan', 'Award')}</th>
                <th scope="col">{tr(l, 'Penerima', 'Recipient')}</th>
                <th scope="col">{tr(l, 'Alasan', 'Reason')}</th>
                <th scope="col">{tr(l, 'Berita', 'Article')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr>
                  <td>
                    {e.proposal.title}
                    <div class="muted">{e.quote.slice(0, 200)}</div>
                  </td>
                  <td>{e.region.name ?? e.proposal.recipient ?? '—'}</td>
                  <td>{SET_ASIDE_LABEL[e.reason as SetAsideReason]?.[l] ?? e.reason}</td>
                  <td>{e.outlet ?? e.articleTitle ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="card">{tr(l, 'Tidak ada.', 'None.')}</p>
      )}
    </>,
  );
}

async function render(c: Context<AppEnv>, form: FormState, status = 200) {
  const actor = requireRole(c, ['admin', 'kurator']);
  const l = c.get('locale');
  const asked = c.req.query('status');
  if (asked === OTHER) return renderSetAside(c, actor);
  const state = (FINDING_STATES as readonly string[]).includes(asked ?? '')
    ? (asked as (typeof FINDING_STATES)[number])
    : 'pending';
  const { items, total } = await listFindings(c.get('deps').db.db, actor, { state, limit: 200 });
  return page(
    c,
    { title: tr(l, 'Temuan berita', 'News findings'), section: 'intake', status },
    <>
      <h1>{tr(l, 'Temuan berita', 'News findings')}</h1>
      <p>
        <a href="/kerja/sumber">{tr(l, 'Sumber berita yang dipantau →', 'Watched news sources →')}</a>
      </p>
      <nav aria-label={tr(l, 'Status temuan', 'Finding states')}>
        <ul class="tabs">
          <Tabs l={l} current={state} />
        </ul>
      </nav>
      <p>{tr(l, `${total} temuan.`, `${total} findings.`)}</p>
      {items.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(l, 'Usulan', 'Proposal')}</th>
                <th scope="col">{tr(l, 'Pemberi', 'Giver')}</th>
                <th scope="col">{tr(l, 'Penerima', 'Recipient')}</th>
                <th scope="col">{tr(l, 'Tanggal diterima', 'Received on')}</th>
                <th scope="col">{tr(l, 'Sumber', 'Sources')}</th>
                <th scope="col">{tr(l, 'Keyakinan', 'Confidence')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr>
                  <td>
                    <a href={`/kerja/temuan/${f.id}`}>{f.proposal.title}</a>
                    {f.matchedAwardId ? (
                      <div class="muted">
                        {tr(
                          l,
                          `cocok dengan penghargaan #${f.matchedAwardId}`,
                          `matches award #${f.matchedAwardId}`,
                        )}
                      </div>
                    ) : null}
                    {f.pendingEvidence.length ? (
                      <div class="muted">
                        {tr(
                          l,
                          `${f.pendingEvidence.length} berita baru ditawarkan sebagai bukti`,
                          `${f.pendingEvidence.length} new article(s) offered as evidence`,
                        )}
                      </div>
                    ) : null}
                  </td>
                  <td>{f.proposal.awardingBody ?? f.proposal.awardingBodyName ?? '—'}</td>
                  <td>{f.proposal.recipient ?? '—'}</td>
                  <td>{formatDate(f.proposal.date, l)}</td>
                  <td>{f.sources.map((s) => s.outlet ?? s.articleTitle ?? '—').join(', ')}</td>
                  <td class="num">{formatNumber(Math.round(f.confidence * 100), l)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="card">{tr(l, 'Tidak ada temuan di sini.', 'No findings here.')}</p>
      )}
      <form
        method="post"
        action="/kerja/temuan"
        class="stack"
        style="margin-top:1.5rem"
        aria-labelledby="h-ingest"
      >
        <h2 id="h-ingest">{tr(l, 'Tambah berita', 'Add a news article')}</h2>
        <p class="hint">
          {tr(
            l,
            'Tempel teks berita atau siaran pers; Prestasi mencari penghargaan yang diterima di dalamnya.',
            'Paste the text of a news item or press release; Prestasi finds the awards received in it.',
          )}
        </p>
        <ErrorSummary state={form} locale={l} />
        <Csrf token={c.get('csrfToken')} />
        <div class="row">
          <TextField name="title" label={tr(l, 'Judul berita', 'Headline')} state={form} />
          <TextField name="outlet" label={tr(l, 'Media', 'Outlet')} state={form} />
          <TextField
            name="published"
            type="date"
            label={tr(l, 'Tanggal terbit', 'Published on')}
            state={form}
          />
        </div>
        <TextField
          name="url"
          type="url"
          label={tr(l, 'Alamat (URL)', 'Address (URL)')}
          state={form}
          hint={tr(l, 'opsional', 'optional')}
        />
        <TextArea name="text" label={tr(l, 'Teks berita', 'Article text')} state={form} rows={8} required />
        <button type="submit">{tr(l, 'Cari penghargaan', 'Find awards')}</button>
      </form>
    </>,
  );
}

export function findingsPage(c: Context<AppEnv>) {
  return render(c, emptyForm());
}

export async function ingestPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin', 'kurator']);
  const values = textValues(await readForm(c));
  const l = c.get('locale');
  let found = 0;
  let duplicate = false;
  try {
    if (!values.text?.trim()) throw Object.assign(new Error('empty'), { empty: true });
    const results = await ingest(c.get('deps').db.db, actor, {
      content: values.text,
      name: 'tempel.txt',
      format: 'text',
      url: values.url?.trim() || null,
      outlet: values.outlet?.trim() || null,
      title: values.title?.trim() || null,
      published: values.published?.trim() || null,
      sourceKind: 'api',
    });
    found = results.reduce((n, r) => n + r.findings.length, 0);
    duplicate = results.every((r) => r.duplicate);
  } catch (err) {
    if ((err as { empty?: boolean }).empty)
      return render(
        c,
        { values, errors: { text: [tr(l, 'Tempel teks berita di sini.', 'Paste the article text here.')] } },
        422,
      );
    return render(c, formErrors(err, values), 422);
  }
  return seeOther(
    c,
    '/kerja/temuan',
    duplicate
      ? tr(l, 'Berita ini sudah pernah dimasukkan.', 'This article was already taken in.')
      : tr(l, `${found} temuan dari berita ini.`, `${found} findings from this article.`),
  );
}
