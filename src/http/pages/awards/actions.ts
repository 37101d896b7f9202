import type { Context } from 'hono';
import { type Words, words } from '../../../domain/i18n.ts';
import { reopenAward, returnAward, submitAward, verifyAward } from '../../../services/awards/workflow.ts';
import { deleteAward } from '../../../services/awards/write.ts';
import { AppError } from '../../../services/errors.ts';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';
import { intParam } from '../ui/bits.tsx';
import { readForm } from '../ui/forms.tsx';
import { flash, seeOther } from '../ui/page.tsx';

// Workflow buttons: submit, verify, return (with a reason), reopen, delete. Each posts here
// and goes back to where it came from with a message. Refusals for state (409) or a missing
// reason (422) come back as a message too; rights (403) and unknown ids (404) are error pages.

type Step = 'submit' | 'verify' | 'return' | 'reopen' | 'delete';

const DONE: Record<Step, Words> = {
  submit: words('Diajukan untuk verifikasi.', 'Submitted for verification.'),
  verify: words(
    'Terverifikasi. Bila publik, kini tampil di etalase.',
    'Verified. If public, it is now on the showcase.',
  ),
  return: words('Dikembalikan kepada operator dengan alasan.', 'Returned to the operator with the reason.'),
  reopen: words('Dibuka kembali; operator dapat mengubahnya.', 'Reopened; the operator can change it.'),
  delete: words('Draf dihapus.', 'Draft deleted.'),
};

export function workflowAction(step: Step) {
  return async (c: Context<AppEnv>) => {
    const actor = requireActor(c);
    const body = await readForm(c);
    const id = intParam(c.req.param('id')) ?? 0;
    const reason = typeof body.reason === 'string' ? body.reason : '';
    const back = safeBack(body.back, `/kerja/penghargaan/${id}`);
    const { db } = c.get('deps').db;
    const l = c.get('locale');
    try {
      if (step === 'submit') await submitAward(db, actor, id);
      else if (step === 'verify') await verifyAward(db, actor, id);
      else if (step === 'return') await returnAward(db, actor, id, reason);
      else if (step === 'reopen') await reopenAward(db, actor, id, reason);
      else await deleteAward(db, actor, id);
    } catch (err) {
      if (err instanceof AppError && (err.status === 409 || err.status === 422)) {
        const detail = err.details
          .map((d) => d.message)
          .filter((m) => m !== err.message && !['draft', 'submitted', 'returned', 'verified'].includes(m));
        flash(c, [err.message, ...detail].join(' '), 'error');
        return c.redirect(back, 303);
      }
      throw err;
    }
    return seeOther(c, step === 'delete' ? '/kerja/penghargaan' : back, DONE[step][l]);
  };
}

function safeBack(raw: unknown, fallback: string): string {
  return typeof raw === 'string' && raw.startsWith('/kerja') && !raw.includes('//') ? raw : fallback;
}
