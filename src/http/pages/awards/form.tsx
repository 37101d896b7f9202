import { AWARD_FIELDS, type AwardFieldDecl, type FormPlace } from '../../../domain/awards/fields.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';
import {
  Checkbox,
  Csrf,
  ErrorSummary,
  type FormState,
  type Option,
  SelectField,
  TextArea,
  TextField,
} from '../ui/forms.tsx';
import type { Giver } from '../workspace/lookups.ts';
import { TEAM_ROWS_MIN } from './form-data.ts';

// The award form (create and edit). Without JavaScript it is a plain form: the giver list is a
// <datalist>, the grade is computed on save. With htmx, the giver look-up shows aliases and
// renames as you type and the grade appears as the score is typed.

export interface AwardFormProps {
  locale: Locale;
  action: string;
  csrf: string | null;
  state: FormState;
  givers: Giver[];
  fields: Option[];
  units: Option[];
  scales: Option[];
  submitLabel: string;
  cancelHref: string;
}

type Decl = AwardFieldDecl & { form: FormPlace };

const SECTIONS: { section: FormPlace['section']; legend: (l: Locale) => string }[] = [
  { section: 'award', legend: (l) => tr(l, 'Penghargaan', 'Award') },
  { section: 'recipient', legend: (l) => tr(l, 'Penerima', 'Recipient') },
  { section: 'result', legend: (l) => tr(l, 'Hasil', 'Result') },
  { section: 'details', legend: (l) => tr(l, 'Keterangan', 'Details') },
];

/** The inputs that change the computed grade: each asks the server for a preview as it changes. */
const GRADE_INPUTS = ['editionYear', 'scaleId', 'score', 'statusLabel'];
const gradeInclude = GRADE_INPUTS.map((n) => `[name=${n}]`).join(',');
const gradeAttrs = (name: string) =>
  GRADE_INPUTS.includes(name)
    ? {
        'hx-get': '/kerja/nilai',
        'hx-trigger': name === 'scaleId' ? 'change' : 'input changed delay:300ms',
        'hx-target': '#grade-preview',
        'hx-include': gradeInclude,
      }
    : undefined;

/** The fields of the form, section by section, grouped into rows, in catalogue order. */
function sectionRows(section: FormPlace['section']): Decl[][] {
  const rows: Decl[][] = [];
  for (const f of (AWARD_FIELDS as readonly AwardFieldDecl[]).filter(
    (f): f is Decl => f.form?.section === section,
  )) {
    const last = rows.at(-1);
    if (f.form.row && last?.[0]?.form.row === f.form.row) last.push(f);
    else rows.push([f]);
  }
  return rows;
}

export function AwardForm(p: AwardFormProps) {
  const { locale: l } = p;
  return (
    <form method="post" action={p.action} class="stack" novalidate>
      <ErrorSummary state={p.state} locale={l} />
      <Csrf token={p.csrf} />
      {p.state.values.version ? <input type="hidden" name="version" value={p.state.values.version} /> : null}
      {SECTIONS.map(({ section, legend }) => (
        <fieldset>
          <legend>{legend(l)}</legend>
          {sectionRows(section).map((row) =>
            row.length > 1 ? (
              <div class="row">{row.map((f) => fieldInput(p, f))}</div>
            ) : (
              fieldInput(p, row[0]!)
            ),
          )}
        </fieldset>
      ))}
      <div class="actions">
        <button type="submit">{p.submitLabel}</button>
        <a href={p.cancelHref}>{tr(l, 'Batal', 'Cancel')}</a>
      </div>
    </form>
  );
}

/** One field's input, by its declared widget. */
function fieldInput(p: AwardFormProps, f: Decl) {
  const { locale: l, state } = p;
  const label = f.label[l];
  const hint = f.hint?.[l];
  switch (f.form.widget) {
    case 'giver':
      return <GiverInput p={p} label={label} hint={hint} />;
    case 'team':
      return <TeamInputs p={p} label={label} />;
    case 'grade':
      return (
        <p>
          <strong>{tr(l, 'Nilai (dihitung): ', 'Grade (computed): ')}</strong>
          <output id="grade-preview" class="grade-preview" aria-live="polite">
            {tr(l, 'dihitung dari skala dan skor saat disimpan', 'computed from scale and score on save')}
          </output>
        </p>
      );
    case 'textarea':
      return <TextArea name={f.key} label={label} state={state} />;
    case 'checkbox':
      // The hidden "0" is posted when the box is unticked, so an edit can tell "unticked"
      // from "not on this form" (the box's own "1" comes later and wins when ticked).
      return (
        <>
          <input type="hidden" name={f.key} value="0" />
          <Checkbox name={f.key} label={label} state={state} />
        </>
      );
    case 'select': {
      const name = FORM_NAME[f.key] ?? f.key;
      const options =
        f.key === 'field'
          ? p.fields
          : f.key === 'unit'
            ? p.units
            : f.key === 'scaleId'
              ? p.scales
              : f.kind === 'value' && f.choices
                ? f.choices.map((c) => ({ value: c, label: f.choiceWords?.[c]?.[l] ?? c }))
                : [];
      const required = f.kind === 'value' && f.required;
      return (
        <SelectField
          name={name}
          label={label}
          state={state}
          empty={required ? undefined : '—'}
          options={options}
          hint={hint}
          attrs={gradeAttrs(name)}
        />
      );
    }
    default: {
      const required = f.kind === 'value' && f.required;
      const integer = f.kind === 'value' && f.type === 'integer';
      return (
        <TextField
          name={f.key}
          type={f.form.widget === 'date' ? 'date' : undefined}
          label={label}
          state={state}
          required={required}
          inputmode={f.form.widget === 'number' ? (integer ? 'numeric' : 'decimal') : undefined}
          hint={hint ?? (f.form.widget === 'text' && !required ? tr(l, 'opsional', 'optional') : undefined)}
          attrs={gradeAttrs(f.key)}
        />
      );
    }
  }
}

/** Form input names of the references (the form posts a giver's name, a field's code). */
const FORM_NAME: Record<string, string> = { awardingBody: 'giver', field: 'fieldCode', unit: 'unitId' };

function GiverInput({ p, label, hint }: { p: AwardFormProps; label: string; hint: string | undefined }) {
  return (
    <div>
      <TextField
        name="giver"
        label={label}
        state={p.state}
        list="givers"
        hint={hint}
        attrs={{
          autocomplete: 'off',
          'hx-get': '/kerja/pemberi/cari',
          'hx-trigger': 'input changed delay:250ms',
          'hx-target': '#giver-hits',
        }}
      />
      <div id="giver-hits"></div>
      <datalist id="givers">
        {p.givers.map((g) => (
          <option
            value={g.abbreviation}
          >{`${g.name}${g.aliases.length ? ` (${g.aliases.join(', ')})` : ''}`}</option>
        ))}
      </datalist>
    </div>
  );
}

function TeamInputs({ p, label }: { p: AwardFormProps; label: string }) {
  const { locale: l, state } = p;
  const teamRows = Math.max(
    TEAM_ROWS_MIN,
    Object.keys(state.values).filter((k) => k.startsWith('team_unit_')).length + 1,
  );
  return (
    <fieldset>
      <legend>{`${label} (${tr(l, 'untuk penerima "tim"', 'for a team')})`}</legend>
      {state.errors.team ? <p class="field-error">{state.errors.team.join(' ')}</p> : null}
      {Array.from({ length: teamRows }, (_, i) => (
        <div class="row">
          <SelectField
            name={`team_unit_${i}`}
            label={`${tr(l, 'Unit', 'Unit')} ${i + 1}`}
            state={state}
            empty="—"
            options={p.units}
          />
          <TextField
            name={`team_person_${i}`}
            label={`${tr(l, 'Nama orang', 'Person')} ${i + 1}`}
            state={state}
          />
          <TextField name={`team_role_${i}`} label={`${tr(l, 'Peran', 'Role')} ${i + 1}`} state={state} />
        </div>
      ))}
    </fieldset>
  );
}
