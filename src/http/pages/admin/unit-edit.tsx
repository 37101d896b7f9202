import type { Context } from 'hono';
import { z } from 'zod';
import { tr } from '../../../domain/i18n.ts';
import { getUnit, unitNameSchema, unitShortNameSchema, updateUnit } from '../../../services/units.ts';
import type { AppEnv } from '../../env.ts';
import { intParam, requireRole } from '../ui/bits.tsx';
import { emptyForm, type FormState, formErrors, readForm, TextField, textValues } from '../ui/forms.tsx';
import { seeOther } from '../ui/page.tsx';
import { adminPage, EditForm } from './shell.tsx';

// Renaming one unit (name and short name). Moving a unit in the tree is not offered: its
// path is part of every award's scope. updateUnit audits the change.

const renameSchema = z.object({ name: unitNameSchema, shortName: unitShortNameSchema });

async function render(c: Context<AppEnv>, id: number, state: FormState, status = 200) {
  const l = c.get('locale');
  const unit = await getUnit(c.get('deps').db.db, id);
  return adminPage(
    c,
    { area: 'units', status },
    <EditForm
      action={`/kerja/admin/unit/${id}/ubah`}
      heading={`${tr(l, 'Ubah nama unit', 'Rename unit')}: ${unit.name}`}
      back="/kerja/admin/unit"
      state={state}
      locale={l}
      csrf={c.get('csrfToken')}
    >
      <TextField name="name" label={tr(l, 'Nama', 'Name')} state={state} required />
      <TextField
        name="shortName"
        label={tr(l, 'Singkatan', 'Short name')}
        state={state}
        hint={tr(l, 'opsional', 'optional')}
      />
    </EditForm>,
  );
}

export async function unitEditPage(c: Context<AppEnv>) {
  requireRole(c, ['admin']);
  const id = intParam(c.req.param('id')) ?? 0;
  const u = await getUnit(c.get('deps').db.db, id);
  return render(c, id, emptyForm({ name: u.name, shortName: u.shortName ?? '' }));
}

export async function unitEditPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin']);
  const id = intParam(c.req.param('id')) ?? 0;
  const values = textValues(await readForm(c));
  try {
    const input = renameSchema.parse({ name: values.name ?? '', shortName: values.shortName ?? '' });
    await updateUnit(c.get('deps').db.db, actor, id, {
      name: input.name,
      shortName: input.shortName || null,
    });
  } catch (err) {
    return render(c, id, formErrors(err, values), 422);
  }
  return seeOther(c, '/kerja/admin/unit', tr(c.get('locale'), 'Unit diperbarui.', 'Unit updated.'));
}
