import type { Child } from 'hono/jsx';
import { type Locale, tr } from '../../../domain/i18n.ts';
import { levelLabel } from '../../../domain/labels.ts';
import { AWARD_LEVELS } from '../../../reference/unit-types.ts';
import { type FormState, SelectField, TextField } from '../ui/forms.tsx';

/** What names a giver, on the add and the edit form: abbreviation, level and full name. */
export function GiverNameFields({ state, l, first }: { state: FormState; l: Locale; first?: Child }) {
  return (
    <>
      <div class="row">
        {first}
        <TextField name="abbreviation" label={tr(l, 'Singkatan', 'Abbreviation')} state={state} required />
        <SelectField
          name="level"
          label={tr(l, 'Tingkat', 'Level')}
          state={state}
          options={AWARD_LEVELS.map((v) => ({ value: v, label: levelLabel(l, v) }))}
        />
      </div>
      <TextField name="name" label={tr(l, 'Nama lengkap', 'Full name')} state={state} required />
    </>
  );
}
