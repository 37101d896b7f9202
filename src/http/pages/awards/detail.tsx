import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { type AwardFieldKey, fieldName } from '../../../domain/awards/fields.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../domain/format.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';
import { gradeWords, levelLabel, scaleWords } from '../../../domain/labels.ts';
import { assertCanVerify } from '../../../services/access.ts';
import type { Actor } from '../../../services/actor.ts';
import { listAudit } from '../../../services/audit.ts';
import type { AwardDetail } from '../../../services/awards/read.ts';
import { canEditAward, getAward } from '../../../services/awards/read.ts';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';
import { intParam, recipientText, StateBadge, ZoneDot } from '../ui/bits.tsx';
import { Csrf } from '../ui/forms.tsx';
import { page } from '../ui/page.tsx';
import { EvidenceForms, EvidenceList, TOO_LARGE_QUERY } from './evidence.tsx';
import { History } from './history.tsx';
import { ResubmissionNote, resubmissionOf } from './resubmission.tsx';
import { VerifyForms } from './verify-forms.tsx';

// One award: its facts, state (with the return reason the operator must act on), evidence,
// the workflow buttons this actor may use, and the history from the audit trail.

const allowed = (check: () => void) => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

function Facts({ a, locale: l }: { a: AwardDetail; locale: Locale }) {
  // Each row is named by the award field catalogue, as on the showcase and in the history.
  const name = (key: AwardFieldKey) => fieldName(key, l);
  const rows: [string, Child][] = [
    [name('programme'), a.programme],
    [name('editionYear'), String(a.editionYear)],
    [
      name('awardingBody'),
      a.awardingBody ? `${a.awardingBody.name} (${a.awardingBody.abbreviation})` : a.awardingBodyText,
    ],
    [name('level'), levelLabel(l, a.level) || null],
    [name('field'), a.field?.name ?? null],
    [name('category'), a.category],
    [name('unit'), recipientText(a, l)],
    [name('recipientNote'), a.recipientNote],
    [name('receivedOn'), a.receivedOn ? formatDate(a.receivedOn, l) : null],
    [name('place'), a.place],
    [name('rank'), a.rank],
    [name('score'), a.score === null ? null : formatNumber(a.score, l)],
    [
      name('grade'),
      a.grade ? (
        <>
          <ZoneDot zone={a.grade.zone} />
          {gradeWords(a.grade.code, a.grade.label)}
        </>
      ) : null,
    ],
    [name('statusLabel'), a.statusLabel && a.statusLabel !== a.grade?.label ? a.statusLabel : null],
    [name('scaleId'), a.scaleId ? scaleWords(l, a.scaleId, a.scaleVersion) : null],
    [name('legalBasis'), a.legalBasis],
    [
      name('isPublic'),
      a.isPublic ? tr(l, 'Ya, setelah terverifikasi', 'Yes, once verified') : tr(l, 'Tidak', 'No'),
    ],
  ];
  return (
    <dl class="facts">
      {rows
        .filter(([, v]) => v && v !== '—')
        .map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
    </dl>
  );
}

function Workflow({
  a,
  actor,
  locale: l,
  csrf,
}: {
  a: AwardDetail & { canEdit: boolean };
  actor: Actor;
  locale: Locale;
  csrf: string | null;
}) {
  const canVerify = allowed(() => assertCanVerify(actor));
  const editable = a.state === 'draft' || a.state === 'returned';
  const base = `/kerja/penghargaan/${a.id}`;
  return (
    <div class="actions">
      {editable && a.canEdit ? (
        <>
          <a class="button secondary" href={`${base}/ubah`}>
            {tr(l, 'Ubah', 'Edit')}
          </a>
          <form method="post" action={`${base}/ajukan`} class="inline">
            <Csrf token={csrf} />
            <button type="submit">
              {a.state === 'returned'
                ? tr(l, 'Ajukan ulang', 'Resubmit')
                : tr(l, 'Ajukan untuk verifikasi', 'Submit for verification')}
            </button>
          </form>
        </>
      ) : null}
      {a.state === 'submitted' && canVerify ? (
        <VerifyForms id={a.id} locale={l} csrf={csrf} back={base} />
      ) : null}
      {a.state === 'verified' && canVerify ? (
        <details class="reopen">
          <summary>{tr(l, 'Buka kembali…', 'Reopen…')}</summary>
          <form method="post" action={`${base}/buka-kembali`}>
            <Csrf token={csrf} />
            <div class="field">
              <label for="reopen-reason">{tr(l, 'Alasan membuka kembali', 'Reason to reopen')}</label>
              <input id="reopen-reason" name="reason" type="text" required minlength={5} />
            </div>
            <button type="submit" class="secondary">
              {tr(l, 'Buka kembali', 'Reopen')}
            </button>
          </form>
        </details>
      ) : null}
      {editable && a.canEdit ? (
        <form method="post" action={`${base}/hapus`} class="inline">
          <Csrf token={csrf} />
          <button type="submit" class="link">
            {tr(l, 'Hapus draf', 'Delete draft')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

export async function awardDetail(c: Context<AppEnv>) {
  const actor = requireActor(c);
  const l = c.get('locale');
  const { db, config } = c.get('deps');
  const id = intParam(c.req.param('id')) ?? 0;
  const award = await getAward(db.db, actor, id, l);
  const [canEdit, events] = await Promise.all([
    canEditAward(db.db, actor, id),
    listAudit(db.db, 'award', id),
  ]);
  const a = { ...award, canEdit };
  const csrf = c.get('csrfToken');
  const resubmitted = award.state === 'submitted' ? resubmissionOf(events) : null;
  return page(
    c,
    { title: award.title, section: 'awards' },
    <>
      <p>
        <a href="/kerja/penghargaan">← {tr(l, 'Daftar penghargaan', 'Awards')}</a>
      </p>
      <h1>{award.title}</h1>
      <p>
        <StateBadge state={award.state} locale={l} />{' '}
        <span class="muted">
          {tr(l, 'Versi', 'Version')} {award.version} · {tr(l, 'diubah', 'changed')}{' '}
          {formatDateTime(award.updatedAt, l)}
        </span>
        {award.state === 'verified' && award.isPublic ? (
          <>
            {' · '}
            <a href={`/penghargaan/${award.id}`}>
              {tr(l, 'Lihat di etalase publik', 'See it on the public showcase')}
            </a>
          </>
        ) : null}
      </p>
      {award.state === 'returned' && award.returnReason ? (
        <div class="notice" role="status">
          <strong>
            {tr(l, 'Dikembalikan oleh verifikator. Alasannya:', 'Returned by the verifier. Reason:')}
          </strong>
          <p class="reason">{award.returnReason}</p>
          <p>{tr(l, 'Perbaiki lalu ajukan ulang.', 'Fix it, then resubmit.')}</p>
        </div>
      ) : null}
      {resubmitted ? <ResubmissionNote r={resubmitted} locale={l} /> : null}
      <Workflow a={a} actor={actor} locale={l} csrf={csrf} />
      <div class="two-col">
        <div>
          <section class="card" aria-labelledby="h-facts">
            <h2 id="h-facts">{tr(l, 'Data penghargaan', 'Award data')}</h2>
            <Facts a={award} locale={l} />
            {award.description ? <p>{award.description}</p> : null}
          </section>
          <section id="bukti" aria-labelledby="h-evidence">
            <h2 id="h-evidence">{tr(l, 'Bukti', 'Evidence')}</h2>
            <EvidenceList
              items={award.evidence}
              locale={l}
              canEdit={canEdit && (award.state === 'draft' || award.state === 'returned')}
              csrf={csrf}
            />
            {canEdit && award.state !== 'verified' && award.state !== 'submitted' ? (
              <EvidenceForms
                id={id}
                locale={l}
                csrf={csrf}
                maxMb={Math.round(config.maxUploadBytes / 1048576)}
                tooLarge={c.req.query(TOO_LARGE_QUERY[0]) === TOO_LARGE_QUERY[1]}
              />
            ) : null}
          </section>
        </div>
        <section aria-labelledby="h-history">
          <h2 id="h-history">{tr(l, 'Riwayat', 'History')}</h2>
          <History events={events} locale={l} />
        </section>
      </div>
    </>,
  );
}
