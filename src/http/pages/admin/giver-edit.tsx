import type { Context } from 'hono';
import { tr } from '../../../domain/i18n.ts';
import { getGiver, listGivers, updateGiver, updateGiverSchema } from '../../../services/givers.ts';
import type { AppEnv } from '../../env.ts';
import { intParam, requireRole } from '../ui/bits.tsx';
import {
  emptyForm,
  type FormState,
  formErrors,
  readForm,
  SelectField,
  TextArea,
  TextField,
  textValues,
} from '../ui/forms.tsx';
import { seeOther } from '../ui/page.tsx';
import { GiverNameFields } from './giver-fields.tsx';
import { adminPage, EditForm } from './shell.tsx';

// Editing one giver: names, aliases, level, validity and successor (a rename such as
// Kominfo → Komdigi is recorded by ending the old body's validity and naming its successor).
// The givers service validates the successor (exists, no cycle) and audits the change.

/** Aliases typed one per line or separated by commas. */
const splitAliases = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

async function render(c: Context<AppEnv>, id: number, state: FormState, status = 200) {
  const l = c.get('locale');
  const { db } = c.get('deps').db;
  const [giver, all] = await Promise.all([getGiver(db, id), listGivers(db)]);
  const back = '/kerja/admin/pemberi';
  return adminPage(
    c,
    { area: 'givers', status },
    <EditForm
      action={`/kerja/admin/pemberi/${id}/ubah`}
      heading={`${tr(l, 'Ubah pemberi', 'Edit giver')}: ${giver.abbreviation} (${giver.code})`}
      back={back}
      state={state}
      locale={l}
      csrf={c.get('csrfToken')}
    >
      <GiverNameFields state={state} l={l} />
      <TextArea
        name="aliases"
        label={tr(l, 'Alias', 'Aliases')}
        hint={tr(l, 'satu per baris atau pisahkan dengan koma', 'one per line or comma separated')}
        state={state}
        rows={4}
      />
      <div class="row">
        <TextField
          name="validFrom"
          type="date"
          label={tr(l, 'Berlaku sejak', 'Valid from')}
          hint={tr(l, 'opsional', 'optional')}
          state={state}
        />
        <TextField
          name="validTo"
          type="date"
          label={tr(l, 'Berlaku sampai', 'Valid to')}
          hint={tr(l, 'kosong = masih berlaku', 'empty = still valid')}
          state={state}
        />
        <SelectField
          name="successorCode"
          label={tr(l, 'Penerus (nama baru)', 'Successor (new name)')}
          state={state}
          empty="—"
          options={all
            .filter((g) => g.id !== id)
            .map((g) => ({ value: g.code, label: `${g.abbreviation} (${g.code})` }))}
        />
      </div>
    </EditForm>,
  );
}

export async function giverEditPage(c: Context<AppEnv>) {
  requireRole(c, ['admin']);
  const id = intParam(c.req.param('id')) ?? 0;
  const g = await getGiver(c.get('deps').db.db, id);
  return render(
    c,
    id,
    emptyForm({
      abbreviation: g.abbreviation,
      name: g.name,
      aliases: g.aliases.join('\n'),
      level: g.level,
      validFrom: g.validFrom ?? '',
      validTo: g.validTo ?? '',
      successorCode: g.successor?.code ?? '',
    }),
  );
}

export async function giverEditPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin']);
  const id = intParam(c.req.param('id')) ?? 0;
  const values = textValues(await readForm(c));
  const { db } = c.get('deps').db;
  const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  try {
    const patch = updateGiverSchema.parse({
      abbreviation: values.abbreviation ?? '',
      name: values.name ?? '',
      aliases: splitAliases(values.aliases ?? ''),
      level: values.level,
      validFrom: orNull(values.validFrom),
      validTo: orNull(values.validTo),
      successorCode: orNull(values.successorCode),
    });
    await updateGiver(db, actor, id, patch);
  } catch (err) {
    return render(c, id, formErrors(err, values, { aliases: 'aliases' }), 422);
  }
  return seeOther(c, '/kerja/admin/pemberi', tr(c.get('locale'), 'Pemberi diperbarui.', 'Giver updated.'));
}
