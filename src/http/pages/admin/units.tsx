import type { Context } from 'hono';
import { tr } from '../../../domain/i18n.ts';
import { UNIT_TYPE_LABELS, UNIT_TYPES, type UnitType } from '../../../reference/unit-types.ts';
import { createUnit, listUnits, updateUnit } from '../../../services/units.ts';
import type { AppEnv } from '../../env.ts';
import { intParam, requireRole } from '../ui/bits.tsx';
import {
  emptyForm,
  type FormState,
  formErrors,
  readForm,
  SelectField,
  TextField,
  textValues,
} from '../ui/forms.tsx';
import { seeOther } from '../ui/page.tsx';
import { unitLabel, unitOptions } from '../workspace/lookups.ts';
import { ActiveToggle, AddForm, adminPage } from './shell.tsx';

// Units: the tree (indented list), a form to add a unit under a parent, rename/deactivate.

async function render(c: Context<AppEnv>, state: FormState, status = 200) {
  const l = c.get('locale');
  const { db } = c.get('deps').db;
  const [units, parents] = await Promise.all([listUnits(db), unitOptions(db)]);
  const csrf = c.get('csrfToken');
  return adminPage(
    c,
    { area: 'units', status },
    <div class="two-col">
      <section class="card" aria-labelledby="h-tree">
        <h2 id="h-tree">{tr(l, 'Pohon unit', 'Unit tree')}</h2>
        <ul class="tree">
          {units.map((u) => (
            <li style={`padding-left:${u.depth * 1.25}rem`}>
              {u.depth ? '└ ' : ''}
              <strong class={u.active ? '' : 'muted'}>{unitLabel(u)}</strong>{' '}
              <span class="muted">
                ({UNIT_TYPE_LABELS[u.unitType as UnitType] ?? u.unitType}, id {u.id}
                {u.active ? '' : `, ${tr(l, 'nonaktif', 'inactive')}`})
              </span>{' '}
              <a
                href={`/kerja/admin/unit/${u.id}/ubah`}
                aria-label={`${tr(l, 'Ubah nama', 'Rename')} ${u.name}`}
              >
                {tr(l, 'ubah nama', 'rename')}
              </a>{' '}
              <ActiveToggle action={`/kerja/admin/unit/${u.id}`} active={u.active} locale={l} csrf={csrf} />
            </li>
          ))}
        </ul>
      </section>
      <AddForm
        action="/kerja/admin/unit"
        heading={tr(l, 'Tambah unit', 'Add a unit')}
        state={state}
        locale={l}
        csrf={csrf}
        standalone={false}
      >
        <SelectField
          name="parentId"
          label={tr(l, 'Unit induk', 'Parent unit')}
          state={state}
          empty={tr(l, '— (unit puncak)', '— (top level)')}
          options={parents}
        />
        <TextField name="name" label={tr(l, 'Nama', 'Name')} state={state} required />
        <TextField
          name="shortName"
          label={tr(l, 'Singkatan', 'Short name')}
          state={state}
          hint={tr(l, 'opsional', 'optional')}
        />
        <SelectField
          name="unitType"
          label={tr(l, 'Jenis', 'Kind')}
          state={state}
          options={UNIT_TYPES.map((k) => ({ value: k, label: UNIT_TYPE_LABELS[k] }))}
        />
      </AddForm>
    </div>,
  );
}

export function unitsPage(c: Context<AppEnv>) {
  requireRole(c, ['admin']);
  return render(c, emptyForm({ unitType: 'DINAS' }));
}

export async function unitsPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin']);
  const values = textValues(await readForm(c));
  const { db } = c.get('deps').db;
  try {
    const parentId = intParam(values.parentId);
    await createUnit(db, actor, {
      parentId,
      name: values.name ?? '',
      shortName: values.shortName || null,
      unitType: values.unitType as UnitType,
    });
  } catch (err) {
    return render(c, formErrors(err, values), 422);
  }
  return seeOther(c, '/kerja/admin/unit', tr(c.get('locale'), 'Unit ditambahkan.', 'Unit added.'));
}

export async function unitUpdatePost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin']);
  const values = textValues(await readForm(c));
  await updateUnit(c.get('deps').db.db, actor, intParam(c.req.param('id')) ?? 0, {
    active: values.active === '1',
  });
  return seeOther(c, '/kerja/admin/unit', tr(c.get('locale'), 'Unit diperbarui.', 'Unit updated.'));
}
