import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { tr } from '../../../domain/i18n.ts';
import { notFound } from '../../../services/errors.ts';
import { listFields, updateField, updateFieldSchema } from '../../../services/fields.ts';
import type { AppEnv } from '../../env.ts';
import { intParam, requireRole } from '../ui/bits.tsx';
import {
  Checkbox,
  emptyForm,
  type FormState,
  formErrors,
  readForm,
  TextField,
  textValues,
} from '../ui/forms.tsx';
import { seeOther } from '../ui/page.tsx';
import { adminPage, EditForm } from './shell.tsx';

// Editing one field (bidang): its two names and whether it is offered on the award form.
// Retiring keeps the field on old records; the code never changes (imports and URLs use it).

async function findField(db: Kysely<Database>, id: number) {
  const field = (await listFields(db, 'id', true)).find((f) => f.id === id);
  if (!field) throw notFound('Bidang', id);
  return field;
}

async function render(c: Context<AppEnv>, id: number, state: FormState, status = 200) {
  const l = c.get('locale');
  const field = await findField(c.get('deps').db.db, id);
  return adminPage(
    c,
    { area: 'fields', status },
    <EditForm
      action={`/kerja/admin/bidang/${id}/ubah`}
      heading={`${tr(l, 'Ubah bidang', 'Edit field')}: ${field.code}`}
      back="/kerja/admin/bidang"
      state={state}
      locale={l}
      csrf={c.get('csrfToken')}
    >
      <TextField
        name="nameId"
        label={tr(l, 'Nama (Bahasa Indonesia)', 'Name (Indonesian)')}
        state={state}
        required
      />
      <TextField name="nameEn" label={tr(l, 'Nama (English)', 'Name (English)')} state={state} required />
      <Checkbox
        name="active"
        label={tr(l, 'Aktif (ditawarkan di formulir penghargaan)', 'Active (offered on the award form)')}
        hint={tr(
          l,
          'Bidang yang dipensiunkan tetap ada pada catatan lama dan rekap.',
          'A retired field stays on old records and in recaps.',
        )}
        state={state}
      />
    </EditForm>,
  );
}

export async function fieldEditPage(c: Context<AppEnv>) {
  requireRole(c, ['admin']);
  const id = intParam(c.req.param('id')) ?? 0;
  const f = await findField(c.get('deps').db.db, id);
  return render(c, id, emptyForm({ nameId: f.nameId, nameEn: f.nameEn, active: f.active ? '1' : '' }));
}

export async function fieldEditPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin']);
  const id = intParam(c.req.param('id')) ?? 0;
  const values = textValues(await readForm(c));
  try {
    const patch = updateFieldSchema.parse({
      nameId: values.nameId ?? '',
      nameEn: values.nameEn ?? '',
      active: values.active === '1',
    });
    await updateField(c.get('deps').db.db, actor, id, patch, c.get('locale'));
  } catch (err) {
    return render(c, id, formErrors(err, values), 422);
  }
  return seeOther(c, '/kerja/admin/bidang', tr(c.get('locale'), 'Bidang diperbarui.', 'Field updated.'));
}
