import type { Context } from 'hono';
import { tr } from '../../../domain/i18n.ts';
import { EDIT_ROLES } from '../../../services/access.ts';
import type { Actor } from '../../../services/actor.ts';
import { getAward } from '../../../services/awards/read.ts';
import { createAward, updateAward } from '../../../services/awards/write.ts';
import { conflict } from '../../../services/errors.ts';
import type { AppEnv } from '../../env.ts';
import { intParam, requireRole } from '../ui/bits.tsx';
import { emptyForm, type FormState, formErrors, readForm, textValues } from '../ui/forms.tsx';
import { page, seeOther } from '../ui/page.tsx';
import { loadFields, loadGivers, loadScales, unitOptions } from '../workspace/lookups.ts';
import { AwardForm } from './form.tsx';
import { awardToForm, FIELD_ALIAS, parseAwardForm } from './form-data.ts';

// Create and edit an award. The form posts back to itself; on errors it is shown again
// with everything the user typed and each message next to its input.

async function options(c: Context<AppEnv>, actor: Actor) {
  const { db } = c.get('deps').db;
  const [givers, fields, units, scales] = await Promise.all([
    loadGivers(db),
    loadFields(db, c.get('locale')),
    unitOptions(db, actor.role === 'operator' ? actor.unitPath : null),
    loadScales(db),
  ]);
  return {
    givers,
    fields: fields.filter((f) => f.active).map((f) => ({ value: f.code, label: f.name })),
    units,
    scales: scales.map((s) => ({ value: s.id, label: s.name })),
  };
}

async function renderForm(
  c: Context<AppEnv>,
  actor: Actor,
  state: FormState,
  id: number | null,
  status = 200,
) {
  const l = c.get('locale');
  const title = id ? tr(l, 'Ubah penghargaan', 'Edit award') : tr(l, 'Tambah penghargaan', 'New award');
  // What the verifier asked for stays in view while the operator fixes it.
  const returned = id ? await getAward(c.get('deps').db.db, actor, id, l) : undefined;
  return page(
    c,
    { title, section: id ? 'awards' : 'new', status },
    <>
      <h1>{title}</h1>
      {returned?.state === 'returned' && returned.returnReason ? (
        <div class="notice" role="status">
          <strong>
            {tr(l, 'Dikembalikan oleh verifikator. Alasannya:', 'Returned by the verifier. Reason:')}
          </strong>
          <p class="reason">{returned.returnReason}</p>
        </div>
      ) : null}
      <p class="muted">
        {tr(
          l,
          'Isian bertanda * wajib. Bukti (sertifikat, foto, PDF) ditambahkan di halaman penghargaan setelah disimpan.',
          'Fields marked * are required. Evidence is added on the award page after saving.',
        )}
      </p>
      <AwardForm
        locale={l}
        action={id ? `/kerja/penghargaan/${id}/ubah` : '/kerja/penghargaan/baru'}
        csrf={c.get('csrfToken')}
        state={state}
        {...(await options(c, actor))}
        submitLabel={id ? tr(l, 'Simpan', 'Save') : tr(l, 'Simpan sebagai draf', 'Save as draft')}
        cancelHref={id ? `/kerja/penghargaan/${id}` : '/kerja/penghargaan'}
      />
    </>,
  );
}

export async function newAwardForm(c: Context<AppEnv>) {
  const actor = requireRole(c, [...EDIT_ROLES]);
  const defaults = {
    editionYear: String(new Date().getUTCFullYear()),
    recipientKind: actor.unitId ? 'unit' : 'region',
    unitId: actor.unitId ? String(actor.unitId) : '',
    isPublic: '1',
  };
  return renderForm(c, actor, emptyForm(defaults), null);
}

export async function createAwardPost(c: Context<AppEnv>) {
  const actor = requireRole(c, [...EDIT_ROLES]);
  const values = textValues(await readForm(c));
  const { db } = c.get('deps').db;
  try {
    const input = parseAwardForm(values, await loadGivers(db));
    const row = await createAward(db, actor, input);
    return seeOther(
      c,
      `/kerja/penghargaan/${row.id}`,
      tr(
        c.get('locale'),
        'Draf tersimpan. Tambahkan bukti, lalu ajukan untuk verifikasi.',
        'Draft saved. Add evidence, then submit it for verification.',
      ),
    );
  } catch (err) {
    return renderForm(c, actor, formErrors(err, values, FIELD_ALIAS), null, 422);
  }
}

export async function editAwardForm(c: Context<AppEnv>) {
  const actor = requireRole(c, [...EDIT_ROLES]);
  const id = intParam(c.req.param('id')) ?? 0;
  const award = await getAward(c.get('deps').db.db, actor, id, c.get('locale'));
  if (award.state === 'verified' || award.state === 'submitted')
    throw conflict(
      award.state === 'verified'
        ? 'Penghargaan sudah terverifikasi: minta verifikator membukanya kembali sebelum diubah.'
        : 'Penghargaan sedang menunggu verifikasi: minta verifikator mengembalikannya sebelum diubah.',
    );
  return renderForm(c, actor, emptyForm(awardToForm(award)), id);
}

export async function editAwardPost(c: Context<AppEnv>) {
  const actor = requireRole(c, [...EDIT_ROLES]);
  const id = intParam(c.req.param('id')) ?? 0;
  const values = textValues(await readForm(c));
  const { db } = c.get('deps').db;
  try {
    // Only what the form posted changes; a field it did not send keeps its stored value.
    const input = parseAwardForm(values, await loadGivers(db), { partial: true });
    const version = Number(values.version) || undefined;
    await updateAward(db, actor, id, { ...input, version });
    return seeOther(
      c,
      `/kerja/penghargaan/${id}`,
      tr(c.get('locale'), 'Perubahan tersimpan.', 'Changes saved.'),
    );
  } catch (err) {
    return renderForm(c, actor, formErrors(err, values, FIELD_ALIAS), id, 422);
  }
}
