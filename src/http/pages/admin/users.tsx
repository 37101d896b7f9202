import type { Context } from 'hono';
import { adminCreateUser, createUserSchema, listUsers, updateUser } from '../../../auth/accounts.ts';
import { tr } from '../../../domain/i18n.ts';
import { roleLabel } from '../../../domain/labels.ts';
import { ROLES } from '../../../services/actor.ts';
import { listUnits } from '../../../services/units.ts';
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

// Users: accounts with role and unit, a form to add one, and (de)activation.

async function render(c: Context<AppEnv>, state: FormState, status = 200) {
  const l = c.get('locale');
  const actor = requireRole(c, ['admin']);
  const { db } = c.get('deps').db;
  const [users, units, options] = await Promise.all([listUsers(db, actor), listUnits(db), unitOptions(db)]);
  const unitName = new Map(units.map((u) => [u.id, unitLabel(u)]));
  const csrf = c.get('csrfToken');
  return adminPage(
    c,
    { area: 'users', status },
    <>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">{tr(l, 'Nama', 'Name')}</th>
              <th scope="col">{tr(l, 'Peran', 'Role')}</th>
              <th scope="col">{tr(l, 'Unit', 'Unit')}</th>
              <th scope="col">{tr(l, 'Status', 'State')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>{u.email}</td>
                <td>{u.name}</td>
                <td>{roleLabel(l, u.role)}</td>
                <td>{u.unitId ? unitName.get(u.unitId) : '—'}</td>
                <td>
                  {u.active ? tr(l, 'aktif', 'active') : tr(l, 'nonaktif', 'inactive')}{' '}
                  {u.id !== actor.id ? (
                    <ActiveToggle
                      action={`/kerja/admin/pengguna/${u.id}`}
                      active={u.active}
                      locale={l}
                      csrf={csrf}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddForm
        action="/kerja/admin/pengguna"
        heading={tr(l, 'Tambah pengguna', 'Add a user')}
        state={state}
        locale={l}
        csrf={csrf}
      >
        <div class="row">
          <TextField name="email" type="email" label="Email" state={state} required />
          <TextField name="name" label={tr(l, 'Nama', 'Name')} state={state} />
        </div>
        <div class="row">
          <SelectField
            name="role"
            label={tr(l, 'Peran', 'Role')}
            state={state}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(l, r) }))}
          />
          <SelectField
            name="unitId"
            label={tr(l, 'Unit (wajib untuk operator)', 'Unit (required for operators)')}
            state={state}
            empty="—"
            options={options}
          />
          <TextField
            name="password"
            type="password"
            label={tr(l, 'Kata sandi awal', 'Initial password')}
            state={{ ...state, values: {} }}
            required
            attrs={{ autocomplete: 'new-password' }}
          />
        </div>
      </AddForm>
    </>,
  );
}

export function usersPage(c: Context<AppEnv>) {
  return render(c, emptyForm({ role: 'operator' }));
}

export async function usersPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin']);
  const values = textValues(await readForm(c));
  try {
    const input = createUserSchema.parse({
      email: values.email ?? '',
      name: values.name || undefined,
      role: values.role,
      unitId: intParam(values.unitId),
      password: values.password || undefined,
    });
    await adminCreateUser(c.get('deps').db.db, actor, input);
  } catch (err) {
    const { password: _drop, ...kept } = values;
    return render(c, formErrors(err, kept), 422);
  }
  return seeOther(c, '/kerja/admin/pengguna', tr(c.get('locale'), 'Pengguna ditambahkan.', 'User added.'));
}

export async function userTogglePost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin']);
  const values = textValues(await readForm(c));
  await updateUser(c.get('deps').db.db, actor, intParam(c.req.param('id')) ?? 0, {
    active: values.active === '1',
  });
  return seeOther(c, '/kerja/admin/pengguna', tr(c.get('locale'), 'Pengguna diperbarui.', 'User updated.'));
}
