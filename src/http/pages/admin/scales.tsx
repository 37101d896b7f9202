import type { Context } from 'hono';
import { formatNumber } from '../../../domain/format.ts';
import { scaleVersionSchema } from '../../../domain/grading/index.ts';
import { tr, type Words } from '../../../domain/i18n.ts';
import { invalid } from '../../../services/errors.ts';
import { listScales } from '../../../services/scales/read.ts';
import { addScaleVersion } from '../../../services/scales/write.ts';
import type { AppEnv } from '../../env.ts';
import { requireRole } from '../ui/bits.tsx';
import { Csrf, formErrors, readForm, textValues } from '../ui/forms.tsx';
import { seeOther } from '../ui/page.tsx';
import { VersionForm, versionFromForm, versionValues } from './scale-form.tsx';
import { adminPage } from './shell.tsx';

// Grading scales: every scale with its versions and bands, and a form to add a version with
// its bands as a table (scale-form.tsx); gaps and overlaps are refused with the offending
// bands named, and what was typed comes back untouched.

/** A schema problem in words: "Baris 2, batas bawah: …" rather than "bands.1.lower". */
const COLUMN_WORDS: Record<string, string> = {
  code: 'kode',
  label: 'predikat',
  lower: 'batas bawah',
  upper: 'batas atas',
  ordinal: 'urutan',
  version: 'nama versi',
  validFromYear: 'tahun mulai',
  validToYear: 'tahun akhir',
  legalBasis: 'dasar hukum',
  source: 'sumber',
};
function issueDetail(i: { path: PropertyKey[]; message: string }) {
  const [head, row, column] = i.path.map(String);
  const where =
    head === 'bands' && row !== undefined
      ? `Baris ${Number(row) + 1}${column ? `, ${COLUMN_WORDS[column] ?? column}` : ''}`
      : (COLUMN_WORDS[head] ?? head);
  return { field: 'version', message: `${where}: ${i.message}` };
}

const edge = (n: number, inclusive: boolean, lower: boolean) =>
  `${lower ? (inclusive ? '[' : '(') : ''}${formatNumber(n)}${lower ? '' : inclusive ? ']' : ')'}`;

// How sure the shipped bands are (shared/reference/rubrics.md), in words.
const CONFIDENCE: Record<string, Words> = {
  CONFIRMED: { id: 'sumber resmi', en: 'official source' },
  CORROBORATED: { id: 'dikuatkan beberapa sumber', en: 'corroborated' },
  UNCONFIRMED: { id: 'belum dipastikan', en: 'unconfirmed' },
};

async function render(
  c: Context<AppEnv>,
  failed: { id: string; values: Record<string, string>; message: string } | null = null,
) {
  const l = c.get('locale');
  const scales = await listScales(c.get('deps').db.db);
  const csrf = c.get('csrfToken');
  return adminPage(
    c,
    { area: 'scales', status: failed ? 422 : 200 },
    scales.map((s) => {
      const last = s.versions[s.versions.length - 1];
      const mine = failed?.id === s.id ? failed : null;
      return (
        <details class="card" style="margin-bottom:0.75rem" open={mine ? true : undefined}>
          <summary>
            <strong>{s.name}</strong>{' '}
            <span class="muted">
              ({s.kind === 'ordinal' ? tr(l, 'predikat berurutan', 'ordered grades') : tr(l, 'skor', 'score')}{' '}
              · {CONFIDENCE[s.confidence]?.[l] ?? ''} · {s.versions.length} {tr(l, 'versi', 'versions')})
            </span>
          </summary>
          {s.versions.map((v) => (
            <section>
              <h3>
                {tr(l, 'Versi', 'Version')} {v.version} · {v.validFromYear ?? '…'}–
                {v.validToYear ?? tr(l, 'kini', 'now')}
              </h3>
              <p class="muted">
                {v.legalBasis} {v.source ? `· ${v.source}` : ''}
              </p>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{tr(l, 'Kode', 'Code')}</th>
                      <th scope="col">{tr(l, 'Label', 'Label')}</th>
                      <th scope="col">{tr(l, 'Rentang', 'Range')}</th>
                      <th scope="col">{tr(l, 'Zona', 'Zone')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.bands.map((b) => (
                      <tr>
                        <td>{b.code}</td>
                        <td>{b.label}</td>
                        <td>
                          {edge(b.lower, b.lowerInclusive, true)} – {edge(b.upper, b.upperInclusive, false)}
                        </td>
                        <td>{b.zone ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
          <form
            method="post"
            action={`/kerja/admin/skala/${encodeURIComponent(s.id)}/versi`}
            class="stack"
            style="margin-top:1rem"
          >
            <Csrf token={csrf} />
            {mine ? (
              <p class="field-error" role="alert" id={`e-${s.id}`}>
                {mine.message}
              </p>
            ) : null}
            <h3>{tr(l, 'Tambah versi', 'Add a version')}</h3>
            <input
              type="hidden"
              name="precision"
              value={(mine?.values ?? versionValues(last)).precision ?? ''}
            />
            <VersionForm scale={s} values={mine?.values ?? versionValues(last)} l={l} />
            <label>
              <input type="checkbox" name="supersede" value="1" />{' '}
              {tr(
                l,
                'Akhiri versi terbuka sebelumnya setahun sebelum versi ini',
                'End the previous open version the year before',
              )}
            </label>
            <div class="actions">
              <button type="submit">{tr(l, 'Simpan versi', 'Save version')}</button>
            </div>
          </form>
        </details>
      );
    }),
  );
}

export function scalesPage(c: Context<AppEnv>) {
  requireRole(c, ['admin']);
  return render(c);
}

export async function scaleVersionPost(c: Context<AppEnv>) {
  const actor = requireRole(c, ['admin']);
  const values = textValues(await readForm(c));
  const id = c.req.param('id') ?? '';
  const scale = (await listScales(c.get('deps').db.db)).find((x) => x.id === id);
  const last = scale?.versions[scale.versions.length - 1];
  let result: Awaited<ReturnType<typeof addScaleVersion>>;
  try {
    const version = scaleVersionSchema.safeParse(versionFromForm(values, last));
    if (!version.success) throw invalid(version.error.issues.map(issueDetail));
    result = await addScaleVersion(c.get('deps').db.db, actor, id, version.data, {
      supersede: values.supersede === '1',
    });
  } catch (err) {
    const state = formErrors(err, values);
    const detail = Object.values(state.errors)
      .flat()
      .filter((m) => m !== state.message)
      .join(' · ');
    return render(c, { id, values, message: [state.message, detail].filter(Boolean).join(' — ') });
  }
  return seeOther(
    c,
    '/kerja/admin/skala',
    tr(
      c.get('locale'),
      `Versi tersimpan; ${result.regraded.length} penghargaan dinilai ulang.`,
      `Version saved; ${result.regraded.length} awards re-graded.`,
    ),
  );
}
