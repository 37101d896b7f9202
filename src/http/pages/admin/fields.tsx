import type { Context } from 'hono';
import { tr } from '../../../domain/i18n.ts';
import { createField, createFieldSchema, listFields } from '../../../services/fields.ts';
import type { AppEnv } from '../../env.ts';
import { requireRole } from '../ui/bits.tsx';
import { emptyForm, type FormState, formErrors, readForm, TextField, textValues } from '../ui/forms.tsx';
import { seeOther } from '../ui/page.tsx';
import { AddForm, adminPage } from './shell.tsx';

// Fields (bidang): the taxonomy, retired ones included, a form to add one, and a link per
// field to its edit page (field-edit.tsx).

async function render(c: Context<AppEnv>, state: FormState, status = 200) {
  const l = c.get('locale');
  const fields = await listFields(c.get('deps').db.db, l, true);
  return adminPage(
    c,
    { area: 'fields', status },
    <>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{tr(l, 'Kode', 'Code')}</th>
              <th scope="col">Bahasa Indonesia</th>
              <th scope="col">English</th>
              <th scope="col">{tr(l, 'Status', 'State')}</th>
              <th scope="col">{tr(l, 'Ubah', 'Edit')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr>
                <td>{f.code}</td>
                <td>{f.nameId}</td>
                <td>{f.nameEn}</td>
                <td>{f.active ? tr(l, 'aktif', 'active') : tr(l, 'dipensiunkan', 'retired')}</td>
                <td>
                  <a
                    href={`/kerja/admin/bidang/${f.id}/ubah`}
                    aria-label={`${tr(l, 'Ubah', 'Edit')} ${f.nameId}`}
                  >
                    {tr(l, 'ubah', 'edit')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddForm
        action="/kerja/admin/bidang"
        heading={tr(l, 'Tambah bidang', 'Add a field')}
        state={state}
        locale={l}
        csrf={c.get('csrfToken')}
      >
        <div class="row">
          <TextField name="code" label={tr(l, 'Kode', 'Code')} state={state} required />
          <TextField
            name="nameId"
            label={tr(l, 'Nama (Bahasa Indonesia)', 'Name (Indonesian)')}
            state={state}
            required
          />
          <TextField name="nameEn" label={tr(l, 'Nama (English)', 'Name (English)')} state={state} required />
        </div>
      </AddForm>
    </>,
  );
}

export function fieldsPage(c: Context<AppEnv>) {
  requireRole(c, ['admin']);
  return render(c, emptyForm());
}

export async function fieldsPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin']);
  const values = textValues(await readForm(c));
  try {
    const input = createFieldSchema.parse({
      code: values.code ?? '',
      nameId: values.nameId ?? '',
      nameEn: values.nameEn ?? '',
    });
    await createField(c.get('deps').db.db, actor, input, c.get('locale'));
  } catch (err) {
    return render(c, formErrors(err, values), 422);
  }
  return seeOther(c, '/kerja/admin/bidang', tr(c.get('locale'), 'Bidang ditambahkan.', 'Field added.'));
}
