import type { Context } from 'hono';
import { formatDate } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import { levelLabel } from '../../../domain/labels.ts';
import { createGiver, createGiverSchema, listGivers } from '../../../services/givers.ts';
import type { AppEnv } from '../../env.ts';
import { requireRole } from '../ui/bits.tsx';
import { emptyForm, type FormState, formErrors, readForm, TextField, textValues } from '../ui/forms.tsx';
import { seeOther } from '../ui/page.tsx';
import { GiverNameFields } from './giver-fields.tsx';
import { AddForm, adminPage } from './shell.tsx';

// Awarding bodies: the list with aliases and renames (Kominfo → Komdigi), a form to add one,
// and a link per giver to its edit page (giver-edit.tsx).

async function render(c: Context<AppEnv>, state: FormState, status = 200) {
  const l = c.get('locale');
  const givers = await listGivers(c.get('deps').db.db);
  return adminPage(
    c,
    { area: 'givers', status },
    <>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{tr(l, 'Singkatan', 'Abbreviation')}</th>
              <th scope="col">{tr(l, 'Nama', 'Name')}</th>
              <th scope="col">{tr(l, 'Alias', 'Aliases')}</th>
              <th scope="col">{tr(l, 'Tingkat', 'Level')}</th>
              <th scope="col">{tr(l, 'Berlaku', 'Valid')}</th>
              <th scope="col">{tr(l, 'Ubah', 'Edit')}</th>
            </tr>
          </thead>
          <tbody>
            {givers.map((g) => (
              <tr>
                <td>
                  <strong>{g.abbreviation}</strong>
                  <br />
                  <span class="muted">{g.code}</span>
                </td>
                <td>{g.name}</td>
                <td>{g.aliases.join(', ') || '—'}</td>
                <td>{levelLabel(l, g.level)}</td>
                <td>
                  {g.validFrom || g.validTo
                    ? `${formatDate(g.validFrom, l)} – ${g.validTo ? formatDate(g.validTo, l) : tr(l, 'kini', 'now')}`
                    : '—'}
                  {g.successor ? <div>→ {g.successor.abbreviation}</div> : null}
                </td>
                <td>
                  <a
                    href={`/kerja/admin/pemberi/${g.id}/ubah`}
                    aria-label={`${tr(l, 'Ubah', 'Edit')} ${g.abbreviation}`}
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
        action="/kerja/admin/pemberi"
        heading={tr(l, 'Tambah pemberi', 'Add a giver')}
        state={state}
        locale={l}
        csrf={c.get('csrfToken')}
      >
        <GiverNameFields
          state={state}
          l={l}
          first={
            <TextField
              name="code"
              label={tr(l, 'Kode', 'Code')}
              state={state}
              required
              hint={tr(l, 'huruf kecil, mis. "komdigi"', 'lower case, e.g. "komdigi"')}
            />
          }
        />
        <TextField
          name="aliases"
          label={tr(l, 'Alias (pisahkan dengan koma)', 'Aliases (comma separated)')}
          state={state}
        />
      </AddForm>
    </>,
  );
}

export function giversPage(c: Context<AppEnv>) {
  requireRole(c, ['admin']);
  return render(c, emptyForm({ level: 'nasional' }));
}

export async function giversPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin']);
  const values = textValues(await readForm(c));
  try {
    const input = createGiverSchema.parse({
      code: values.code ?? '',
      abbreviation: values.abbreviation ?? '',
      name: values.name ?? '',
      level: values.level,
      aliases: (values.aliases ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    });
    await createGiver(c.get('deps').db.db, actor, input);
  } catch (err) {
    return render(c, formErrors(err, values), 422);
  }
  return seeOther(c, '/kerja/admin/pemberi', tr(c.get('locale'), 'Pemberi ditambahkan.', 'Giver added.'));
}
