import type { Context } from 'hono';
import type { AwardState } from '../../../db/schema.ts';
import { formatDate, formatNumber } from '../../../domain/format.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';
import { findingStateLabel } from '../../../domain/labels.ts';
import type { Actor } from '../../../services/actor.ts';
import type { CreateAward } from '../../../services/awards/schemas.ts';
import { AppError } from '../../../services/errors.ts';
import {
  acceptFinding,
  attachLateSources,
  dismissLateSource,
  dismissMatch,
  mergeFinding,
  rejectFinding,
  restoreLateSource,
  restoreMatch,
} from '../../../services/intake/decide.ts';
import { type Finding, getFinding } from '../../../services/intake/read.ts';
import { proposalToAward } from '../../../services/intake/to-award.ts';
import type { AppEnv } from '../../env.ts';
import { AwardForm } from '../awards/form.tsx';
import { FIELD_ALIAS, parseAwardForm } from '../awards/form-data.ts';
import { intParam, requireRole, StateBadge } from '../ui/bits.tsx';
import { Csrf, emptyForm, type FormState, formErrors, readForm, textValues } from '../ui/forms.tsx';
import { flash, page, seeOther } from '../ui/page.tsx';
import { type Giver, loadFields, loadGivers, loadScales, unitOptions } from '../workspace/lookups.ts';
import { ArticleWithQuote } from './highlight.tsx';

// Reviewing one finding: the article(s) with the found sentence highlighted on the left, the
// proposed record as an editable award form on the right. Accept (creates a draft with the
// articles as evidence), merge into an award on record, or reject with a reason.

/** The proposal as form values; what the service would create if accepted unchanged. */
function proposalValues(input: Partial<CreateAward>, givers: Giver[]): Record<string, string> {
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const giver = givers.find((g) => g.code === input.awardingBodyCode);
  return {
    title: s(input.title),
    programme: s(input.programme),
    editionYear: s(input.editionYear),
    giver: giver?.abbreviation ?? '',
    awardingBodyText: s(input.awardingBodyText),
    level: s(input.level),
    category: s(input.category),
    recipientKind: s(input.recipientKind ?? 'region'),
    unitId: s(input.unitId),
    recipientNote: s(input.recipientNote),
    receivedOn: s(input.receivedOn),
    rank: s(input.rank),
    rankPosition: s(input.rankPosition),
    score: input.score === null || input.score === undefined ? '' : String(input.score).replace('.', ','),
    statusLabel: s(input.statusLabel),
    isPublic: '1',
  };
}

async function render(c: Context<AppEnv>, state: FormState | null, status = 200) {
  const actor = requireRole(c, ['admin', 'kurator']);
  const l = c.get('locale');
  const { db } = c.get('deps').db;
  const id = intParam(c.req.param('id')) ?? 0;
  const finding = await getFinding(db, actor, id);
  const [givers, fields, units, scales] = await Promise.all([
    loadGivers(db),
    loadFields(db, l),
    unitOptions(db),
    loadScales(db),
  ]);
  let form = state;
  if (!form) {
    try {
      form = emptyForm(
        proposalValues(
          await proposalToAward(db, finding.proposal, finding.sources[0]?.publishedOn ?? null, {}),
          givers,
        ),
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // Incomplete proposals (no year, say) still fill what they can; the curator completes them.
      const p = finding.proposal;
      form = emptyForm(
        proposalValues(
          {
            title: p.title,
            editionYear: p.year ?? undefined,
            level: null,
            receivedOn: p.date,
            rank: p.rank,
            score: p.score,
            statusLabel: p.grade,
            recipientNote: p.recipient,
            awardingBodyText: p.awardingBodyName ?? p.awardingBody,
          } as Partial<CreateAward>,
          givers,
        ),
      );
    }
  }
  const pending = finding.state === 'pending';
  const csrf = c.get('csrfToken');
  return page(
    c,
    { title: `${tr(l, 'Temuan', 'Finding')} #${id}`, section: 'intake', status },
    <>
      <p>
        <a href="/kerja/temuan">← {tr(l, 'Temuan berita', 'News findings')}</a>
      </p>
      <h1>{finding.proposal.title}</h1>
      <p class="muted">
        {tr(l, 'Keyakinan', 'Confidence')} {formatNumber(Math.round(finding.confidence * 100), l)}% ·{' '}
        {tr(l, 'Status', 'State')}: {findingStateLabel(l, finding.state)}
        {finding.awardId ? (
          <>
            {' '}
            ·{' '}
            <a href={`/kerja/penghargaan/${finding.awardId}`}>
              {tr(l, 'penghargaan', 'award')} #{finding.awardId}
            </a>
          </>
        ) : null}
        {finding.decisionReason ? ` · ${finding.decisionReason}` : null}
      </p>
      <EvidenceOffer finding={finding} locale={l} csrf={csrf} />
      <Dismissed finding={finding} locale={l} csrf={csrf} />
      <div class="two-col intake">
        <section aria-labelledby="h-sources">
          <h2 id="h-sources">{tr(l, 'Berita sumber', 'Source articles')}</h2>
          {finding.sources.map((s, i) => (
            <ArticleWithQuote source={s} locale={l} index={i} />
          ))}
        </section>
        <section aria-labelledby="h-proposal">
          <h2 id="h-proposal">{tr(l, 'Usulan catatan', 'Proposed record')}</h2>
          {pending ? (
            <>
              <AwardForm
                locale={l}
                action={`/kerja/temuan/${id}/terima`}
                csrf={csrf}
                state={form}
                givers={givers}
                fields={fields.filter((f) => f.active).map((f) => ({ value: f.code, label: f.name }))}
                units={units}
                scales={scales.map((s) => ({ value: s.id, label: s.name }))}
                submitLabel={tr(l, 'Terima sebagai draf', 'Accept as a draft')}
                cancelHref="/kerja/temuan"
              />
              <form method="post" action={`/kerja/temuan/${id}/gabung`} class="stack" style="margin-top:1rem">
                <Csrf token={csrf} />
                <div class="field">
                  <label for="f-awardId">
                    {tr(l, 'Gabungkan ke penghargaan nomor', 'Merge into award number')}
                  </label>
                  <p class="hint">
                    {tr(
                      l,
                      'Berita menjadi bukti tambahan penghargaan yang sudah ada.',
                      'The articles become evidence of that award.',
                    )}
                  </p>
                  <input
                    id="f-awardId"
                    name="awardId"
                    type="number"
                    min="1"
                    value={finding.matchedAwardId ? String(finding.matchedAwardId) : ''}
                    required
                  />
                </div>
                <button type="submit" class="secondary">
                  {tr(l, 'Gabungkan', 'Merge')}
                </button>
              </form>
              <form method="post" action={`/kerja/temuan/${id}/tolak`} class="stack" style="margin-top:1rem">
                <Csrf token={csrf} />
                <div class="field">
                  <label for="f-reason">{tr(l, 'Alasan menolak', 'Reason to reject')}</label>
                  <input id="f-reason" name="reason" type="text" required minlength={5} />
                </div>
                <button type="submit" class="danger">
                  {tr(l, 'Tolak', 'Reject')}
                </button>
              </form>
            </>
          ) : (
            <p class="card">{tr(l, 'Temuan ini sudah diputuskan.', 'This finding has been decided.')}</p>
          )}
        </section>
      </div>
    </>,
  );
}

/**
 * What this finding offers as evidence of an award on record, with the two answers: a pending
 * finding that matches an award ("add the articles as its evidence" / "not the same award"), and
 * a decided one that later outlets reported ("take this article as evidence" / "not evidence").
 */
function EvidenceOffer({
  finding,
  locale: l,
  csrf,
}: {
  finding: Finding;
  locale: Locale;
  csrf: string | null;
}) {
  const award = (id: number | null) => finding.awards?.find((a) => a.id === id);
  const AwardName = ({ id }: { id: number }) => {
    const a = award(id);
    return (
      <>
        <a href={`/kerja/penghargaan/${id}`}>{a ? `${a.title} (${a.editionYear})` : `#${id}`}</a>
        {a ? (
          <>
            {' '}
            <StateBadge state={a.state as AwardState} locale={l} />
          </>
        ) : null}
      </>
    );
  };
  if (finding.state === 'pending' && finding.matchedAwardId) {
    const id = finding.matchedAwardId;
    return (
      <section class="card offer" aria-labelledby="h-offer">
        <h2 id="h-offer">{tr(l, 'Sudah ada di catatan?', 'Already on record?')}</h2>
        <p>
          {tr(
            l,
            'Temuan ini cocok dengan penghargaan yang sudah dicatat: ',
            'This finding matches an award already on record: ',
          )}
          <AwardName id={id} />.{' '}
          {tr(
            l,
            'Beritanya bisa menjadi bukti penghargaan itu, tanpa membuat catatan baru.',
            'Its articles can become evidence of that award, without a new record.',
          )}
        </p>
        <div class="actions">
          <form method="post" action={`/kerja/temuan/${finding.id}/gabung`}>
            <Csrf token={csrf} />
            <input type="hidden" name="awardId" value={String(id)} />
            <button type="submit">
              {tr(l, 'Jadikan bukti penghargaan ini', 'Add as evidence of this award')}
            </button>
          </form>
          <form method="post" action={`/kerja/temuan/${finding.id}/bukan-sama`}>
            <Csrf token={csrf} />
            <button type="submit" class="secondary">
              {tr(l, 'Bukan penghargaan yang sama', 'Not the same award')}
            </button>
          </form>
        </div>
      </section>
    );
  }
  if (!finding.awardId || !finding.pendingEvidence.length) return null;
  const offered = finding.sources.filter((s) => finding.pendingEvidence.includes(s.articleId));
  return (
    <section class="card offer" aria-labelledby="h-offer">
      <h2 id="h-offer">{tr(l, 'Berita baru untuk penghargaan ini', 'New reports of this award')}</h2>
      <p>
        {tr(
          l,
          'Media lain memberitakan penghargaan ini setelah temuannya diputuskan. Jadikan beritanya bukti tambahan untuk ',
          'Other outlets reported this award after its finding was decided. Add their articles as evidence of ',
        )}
        <AwardName id={finding.awardId} />?
      </p>
      <ul class="offers">
        {offered.map((s) => (
          <li data-article={String(s.articleId)}>
            <strong>{s.articleTitle ?? tr(l, 'Artikel tanpa judul', 'Untitled article')}</strong>
            {s.outlet ? ` — ${s.outlet}` : null} · {formatDate(s.publishedOn, l)}
            <div class="actions">
              <form method="post" action={`/kerja/temuan/${finding.id}/bukti`}>
                <Csrf token={csrf} />
                <input type="hidden" name="articleId" value={String(s.articleId)} />
                <button type="submit">{tr(l, 'Jadikan bukti', 'Add as evidence')}</button>
              </form>
              <form method="post" action={`/kerja/temuan/${finding.id}/bukti/tolak`}>
                <Csrf token={csrf} />
                <input type="hidden" name="articleId" value={String(s.articleId)} />
                <button type="submit" class="secondary">
                  {tr(l, 'Bukan bukti', 'Not evidence')}
                </button>
              </form>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What a curator dismissed on this finding — a match ("not the same award") while it is pending,
 * late reports ("not evidence") once it has an award — each with a button that undoes it.
 */
function Dismissed({ finding, locale: l, csrf }: { finding: Finding; locale: Locale; csrf: string | null }) {
  const matchId =
    finding.state === 'pending' && !finding.matchedAwardId ? finding.dismissedMatchAwardId : null;
  const sources = finding.awardId ? finding.sources.filter((s) => s.offerDismissed) : [];
  if (!matchId && !sources.length) return null;
  const award = finding.awards?.find((a) => a.id === matchId);
  return (
    <section class="card dismissed" aria-labelledby="h-dismissed">
      <h2 id="h-dismissed">{tr(l, 'Sudah ditolak', 'Dismissed')}</h2>
      {matchId ? (
        <div class="actions" data-dismissed-match={String(matchId)}>
          <p>
            {tr(l, 'Bukan penghargaan yang sama: ', 'Not the same award: ')}
            <a href={`/kerja/penghargaan/${matchId}`}>
              {award ? `${award.title} (${award.editionYear})` : `#${matchId}`}
            </a>
          </p>
          <form method="post" action={`/kerja/temuan/${finding.id}/bukan-sama/batal`}>
            <Csrf token={csrf} />
            <button type="submit" class="secondary">
              {tr(l, 'Batalkan: tawarkan lagi kecocokannya', 'Undo: offer the match again')}
            </button>
          </form>
        </div>
      ) : null}
      {sources.length ? (
        <ul class="offers">
          {sources.map((s) => (
            <li data-dismissed-article={String(s.articleId)}>
              {tr(l, 'Bukan bukti: ', 'Not evidence: ')}
              <strong>{s.articleTitle ?? tr(l, 'Artikel tanpa judul', 'Untitled article')}</strong>
              {s.outlet ? ` — ${s.outlet}` : null}
              <form method="post" action={`/kerja/temuan/${finding.id}/bukti/batal`}>
                <Csrf token={csrf} />
                <input type="hidden" name="articleId" value={String(s.articleId)} />
                <button type="submit" class="secondary">
                  {tr(l, 'Batalkan: tawarkan lagi sebagai bukti', 'Undo: offer it as evidence again')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function findingPage(c: Context<AppEnv>) {
  return render(c, null);
}

export async function acceptPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin', 'kurator']);
  const values = textValues(await readForm(c));
  const { db } = c.get('deps').db;
  const id = intParam(c.req.param('id')) ?? 0;
  try {
    const edits = parseAwardForm(values, await loadGivers(db));
    const decision = await acceptFinding(db, actor, id, edits);
    return seeOther(
      c,
      `/kerja/penghargaan/${decision.award.id}`,
      tr(
        c.get('locale'),
        'Temuan diterima: draf penghargaan dibuat dengan berita sebagai bukti.',
        'Accepted: a draft award was created with the articles as evidence.',
      ),
    );
  } catch (err) {
    return render(c, formErrors(err, values, FIELD_ALIAS), 422);
  }
}

export async function mergePost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin', 'kurator']);
  const values = textValues(await readForm(c));
  const id = intParam(c.req.param('id')) ?? 0;
  const awardId = intParam(values.awardId);
  try {
    if (!awardId)
      throw new AppError(
        'validation_failed',
        tr(c.get('locale'), 'Isi nomor penghargaan tujuan.', 'Enter the target award number.'),
      );
    await mergeFinding(c.get('deps').db.db, actor, id, awardId);
  } catch (err) {
    if (err instanceof AppError && [404, 409, 422].includes(err.status)) {
      flash(c, err.message, 'error');
      return c.redirect(`/kerja/temuan/${id}`, 303);
    }
    throw err;
  }
  return seeOther(
    c,
    `/kerja/penghargaan/${awardId}#bukti`,
    tr(
      c.get('locale'),
      'Digabungkan: berita menjadi bukti penghargaan ini.',
      'Merged: the articles are now evidence of this award.',
    ),
  );
}

export async function rejectPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin', 'kurator']);
  const values = textValues(await readForm(c));
  const id = intParam(c.req.param('id')) ?? 0;
  try {
    await rejectFinding(c.get('deps').db.db, actor, id, values.reason ?? '');
  } catch (err) {
    if (err instanceof AppError && [409, 422].includes(err.status)) {
      flash(c, [err.message, ...err.details.map((d) => d.message)].join(' '), 'error');
      return c.redirect(`/kerja/temuan/${id}`, 303);
    }
    throw err;
  }
  return seeOther(c, '/kerja/temuan', tr(c.get('locale'), 'Temuan ditolak.', 'Finding rejected.'));
}

/** A decision the service refused for a reason the curator can act on: said on the page. */
async function onReview(c: Context<AppEnv>, id: number, act: () => Promise<string>) {
  try {
    return seeOther(c, `/kerja/temuan/${id}`, await act());
  } catch (err) {
    if (err instanceof AppError && [404, 409, 422].includes(err.status)) {
      flash(c, [err.message, ...err.details.map((d) => d.message)].join(' '), 'error');
      return c.redirect(`/kerja/temuan/${id}`, 303);
    }
    throw err;
  }
}

/**
 * The review page's small decisions, for curators and admins: each reads the finding id (and,
 * for one article among its sources, `articleId`), runs the service and says what happened.
 */
function reviewAction(
  perArticle: boolean,
  run: (c: Context<AppEnv>, actor: Actor, id: number, articleId: number) => Promise<string>,
) {
  return async (c: Context<AppEnv>) => {
    const actor = requireRole(c, ['admin', 'kurator']);
    const values = textValues(await readForm(c));
    const id = intParam(c.req.param('id')) ?? 0;
    const articleId = intParam(values.articleId) ?? 0;
    return onReview(c, id, async () => {
      if (perArticle && !articleId)
        throw new AppError('validation_failed', tr(c.get('locale'), 'Pilih beritanya.', 'Pick the article.'));
      return run(c, actor, id, articleId);
    });
  };
}

export const notSameAwardPost = reviewAction(false, async (c, actor, id) => {
  await dismissMatch(c.get('deps').db.db, actor, id);
  return tr(
    c.get('locale'),
    'Dicatat: bukan penghargaan yang sama. Temuan tetap menunggu keputusan.',
    'Noted: not the same award. The finding still waits for a decision.',
  );
});

export const attachEvidencePost = reviewAction(true, async (c, actor, id, articleId) => {
  const d = await attachLateSources(c.get('deps').db.db, actor, id, [articleId]);
  return tr(
    c.get('locale'),
    `Berita menjadi bukti penghargaan #${d.award.id}.`,
    `The article is now evidence of award #${d.award.id}.`,
  );
});

export const dismissEvidencePost = reviewAction(true, async (c, actor, id, articleId) => {
  await dismissLateSource(c.get('deps').db.db, actor, id, articleId);
  return tr(
    c.get('locale'),
    'Dicatat: berita itu bukan bukti penghargaan ini dan tidak ditawarkan lagi.',
    'Noted: that article is not evidence of this award and is no longer offered.',
  );
});

export const restoreMatchPost = reviewAction(false, async (c, actor, id) => {
  await restoreMatch(c.get('deps').db.db, actor, id);
  return tr(
    c.get('locale'),
    'Dibatalkan: kecocokan dengan penghargaan tercatat ditawarkan lagi.',
    'Undone: the match with the recorded award is offered again.',
  );
});

export const restoreEvidencePost = reviewAction(true, async (c, actor, id, articleId) => {
  await restoreLateSource(c.get('deps').db.db, actor, id, articleId);
  return tr(
    c.get('locale'),
    'Dibatalkan: berita itu ditawarkan lagi sebagai bukti.',
    'Undone: that article is offered as evidence again.',
  );
});
