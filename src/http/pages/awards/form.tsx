import { levelLabel } from '../../../domain/labels.ts';
import { AWARD_LEVELS } from '../../../reference/unit-types.ts';
import { type Locale, t, tr } from '../i18n.ts';
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

export function AwardForm(p: AwardFormProps) {
  const { locale: l, state } = p;
  const teamRows = Math.max(
    TEAM_ROWS_MIN,
    Object.keys(state.values).filter((k) => k.startsWith('team_unit_')).length + 1,
  );
  const gradeInclude = '[name=scaleId],[name=editionYear],[name=score],[name=statusLabel]';
  return (
    <form method="post" action={p.action} class="stack" novalidate>
      <ErrorSummary state={state} locale={l} />
      <Csrf token={p.csrf} />
      {state.values.version ? <input type="hidden" name="version" value={state.values.version} /> : null}
      <fieldset>
        <legend>{tr(l, 'Penghargaan', 'Award')}</legend>
        <TextField
          name="title"
          label={tr(l, 'Judul penghargaan', 'Award title')}
          state={state}
          required
          hint={tr(
            l,
            'Seperti tertulis di sertifikat, mis. "Opini Kualitas Tertinggi Kepatuhan Pelayanan Publik"',
            'As on the certificate',
          )}
        />
        <div class="row">
          <TextField
            name="programme"
            label={tr(l, 'Program / ajang', 'Programme')}
            state={state}
            hint={tr(l, 'mis. SPM Awards', 'e.g. SPM Awards')}
          />
          <TextField
            name="editionYear"
            label={tr(l, 'Tahun edisi', 'Edition year')}
            state={state}
            required
            inputmode="numeric"
            attrs={{
              'hx-get': '/kerja/nilai',
              'hx-trigger': 'input changed delay:300ms',
              'hx-target': '#grade-preview',
              'hx-include': gradeInclude,
            }}
          />
        </div>
        <div class="row">
          <div>
            <TextField
              name="giver"
              label={tr(l, 'Pemberi penghargaan', 'Awarding body')}
              state={state}
              list="givers"
              hint={tr(
                l,
                'Ketik singkatan, nama atau nama lama (mis. Kominfo → Komdigi).',
                'Type an abbreviation, name or former name.',
              )}
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
          <TextField
            name="awardingBodyText"
            label={tr(l, 'Nama pemberi seperti tertulis', 'Giver as written')}
            state={state}
            hint={t(l, 'form.optional')}
          />
        </div>
        <div class="row">
          <SelectField
            name="level"
            label={t(l, 'col.level')}
            state={state}
            empty="—"
            options={AWARD_LEVELS.map((v) => ({ value: v, label: levelLabel(l, v) }))}
          />
          <SelectField
            name="fieldCode"
            label={t(l, 'col.field')}
            state={state}
            empty="—"
            options={p.fields}
          />
          <TextField
            name="category"
            label={tr(l, 'Kategori', 'Category')}
            state={state}
            hint={tr(l, 'mis. kategori kota', 'e.g. city category')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t(l, 'col.unit')}</legend>
        <SelectField
          name="recipientKind"
          label={tr(l, 'Jenis penerima', 'Recipient kind')}
          state={state}
          options={(['region', 'unit', 'team'] as const).map((k) => ({
            value: k,
            label: t(l, `recipient.${k}`),
          }))}
        />
        <SelectField
          name="unitId"
          label={tr(l, 'Unit', 'Unit')}
          state={state}
          empty="—"
          options={p.units}
          hint={tr(
            l,
            'Unit penerima, atau unit yang mengurus penghargaan pemda.',
            'The receiving unit, or the unit filing a region-wide award.',
          )}
        />
        <TextField
          name="recipientNote"
          label={tr(l, 'Catatan penerima', 'Recipient note')}
          state={state}
          hint={t(l, 'form.optional')}
        />
        <fieldset>
          <legend>{tr(l, 'Anggota tim (untuk penerima "tim")', 'Team members (for a team)')}</legend>
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
      </fieldset>
      <fieldset>
        <legend>{tr(l, 'Hasil', 'Result')}</legend>
        <div class="row">
          <TextField name="receivedOn" type="date" label={t(l, 'col.received')} state={state} />
          <TextField name="place" label={tr(l, 'Tempat', 'Place')} state={state} />
        </div>
        <div class="row">
          <TextField
            name="rank"
            label={tr(l, 'Peringkat / juara', 'Rank')}
            state={state}
            hint={tr(l, 'mis. Juara 1, Peringkat II', 'e.g. 1st place')}
          />
          <TextField
            name="rankPosition"
            label={tr(l, 'Peringkat (angka)', 'Rank (number)')}
            state={state}
            inputmode="numeric"
          />
        </div>
        <div class="row">
          <SelectField
            name="scaleId"
            label={tr(l, 'Skala penilaian', 'Grading scale')}
            state={state}
            empty="—"
            options={p.scales}
            attrs={{
              'hx-get': '/kerja/nilai',
              'hx-trigger': 'change',
              'hx-target': '#grade-preview',
              'hx-include': gradeInclude,
            }}
          />
          <TextField
            name="score"
            label={tr(l, 'Skor', 'Score')}
            state={state}
            inputmode="decimal"
            hint={tr(l, 'Koma atau titik, mis. 94,76', 'Comma or point, e.g. 94.76')}
            attrs={{
              'hx-get': '/kerja/nilai',
              'hx-trigger': 'input changed delay:300ms',
              'hx-target': '#grade-preview',
              'hx-include': gradeInclude,
            }}
          />
          <TextField
            name="statusLabel"
            label={tr(l, 'Status / predikat', 'Status label')}
            state={state}
            hint={tr(l, 'mis. WTP, WBK', 'e.g. WTP')}
            attrs={{
              'hx-get': '/kerja/nilai',
              'hx-trigger': 'input changed delay:300ms',
              'hx-target': '#grade-preview',
              'hx-include': gradeInclude,
            }}
          />
        </div>
        <p>
          <strong>{tr(l, 'Nilai (dihitung): ', 'Grade (computed): ')}</strong>
          <output id="grade-preview" class="grade-preview" aria-live="polite">
            {tr(l, 'dihitung dari skala dan skor saat disimpan', 'computed from scale and score on save')}
          </output>
        </p>
      </fieldset>
      <fieldset>
        <legend>{tr(l, 'Keterangan', 'Details')}</legend>
        <TextField
          name="legalBasis"
          label={tr(l, 'Dasar hukum (SK/Keppres)', 'Legal basis')}
          state={state}
          hint={t(l, 'form.optional')}
        />
        <TextArea name="description" label={tr(l, 'Uraian', 'Description')} state={state} />
        <Checkbox
          name="isPublic"
          label={tr(
            l,
            'Tampilkan di etalase publik setelah terverifikasi',
            'Show on the public showcase once verified',
          )}
          state={state}
        />
      </fieldset>
      <div class="actions">
        <button type="submit">{p.submitLabel}</button>
        <a href={p.cancelHref}>{t(l, 'form.cancel')}</a>
      </div>
    </form>
  );
}
