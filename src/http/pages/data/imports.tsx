import type { Context } from 'hono';
import { formatDate, formatNumber } from '../../../domain/format.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';
import { AppError } from '../../../services/errors.ts';
import { type ImportReport, importAwards } from '../../../services/imports/run.ts';
import type { AppEnv } from '../../env.ts';
import { requireRole } from '../ui/bits.tsx';
import { Csrf, formErrors, readForm } from '../ui/forms.tsx';
import { page, seeOther } from '../ui/page.tsx';
import { dropPending, keepPending, takePending } from './pending.ts';

// The import wizard: 1. upload a spreadsheet, 2. read the dry-run report (every problem with
// row, column and fix; nothing written), 3. confirm, and the rows are written all-or-nothing.

const ROLES = ['admin', 'verifikator', 'operator', 'kurator'] as const;

function Upload({ c, error }: { c: Context<AppEnv>; error?: string }) {
  const l = c.get('locale');
  const actor = c.get('actor');
  const maxMb = Math.round(c.get('deps').config.maxUploadBytes / 1048576);
  return (
    <form method="post" action="/kerja/impor" enctype="multipart/form-data" class="stack">
      <Csrf token={c.get('csrfToken')} />
      <ol>
        <li>
          {tr(l, 'Unduh templat: ', 'Download the template: ')}
          <a href="/api/v1/imports/template.xlsx">Excel (.xlsx)</a> ·{' '}
          <a href="/api/v1/imports/template.csv">CSV</a>
        </li>
        <li>
          {tr(
            l,
            'Isi satu baris per penghargaan (judul Indonesia, tanggal seperti 23/5/2025, pemberi dengan nama atau singkatan).',
            'One row per award (Indonesian headers, dates like 23/5/2025, givers by name or abbreviation).',
          )}
        </li>
        <li>
          {tr(
            l,
            'Unggah untuk uji coba: belum ada yang disimpan.',
            'Upload for a dry run: nothing is saved yet.',
          )}
        </li>
      </ol>
      <div class={`field ${error ? 'has-error' : ''}`}>
        <label for="f-file">{tr(l, 'Berkas .xlsx atau .csv', 'An .xlsx or .csv file')}</label>
        <p class="hint" id="h-file">
          {tr(l, `Paling besar ${maxMb} MB.`, `At most ${maxMb} MB.`)}
        </p>
        {error ? (
          <p class="field-error" id="e-file" role="alert">
            {error}
          </p>
        ) : null}
        <input
          id="f-file"
          name="file"
          type="file"
          accept=".xlsx,.csv,text/csv"
          required
          aria-describedby={error ? 'h-file e-file' : 'h-file'}
        />
      </div>
      {actor && (actor.role === 'admin' || actor.role === 'verifikator') ? (
        <div class="field checkbox">
          <input type="checkbox" id="f-verified" name="verified" value="1" />{' '}
          <label for="f-verified">
            {tr(
              l,
              'Catat sebagai terverifikasi (data lama yang sudah diperiksa)',
              'Enter as verified (old records already checked)',
            )}
          </label>
        </div>
      ) : null}
      <button type="submit">{tr(l, 'Uji coba impor', 'Dry run')}</button>
    </form>
  );
}

function Report({
  r,
  l,
  token,
  csrf,
}: {
  r: ImportReport;
  l: Locale;
  token: string | null;
  csrf: string | null;
}) {
  const n = (x: number) => formatNumber(x, l);
  return (
    <section aria-labelledby="h-report">
      <h2 id="h-report">{tr(l, `Hasil uji coba: ${r.fileName}`, `Dry-run report: ${r.fileName}`)}</h2>
      <div class="grid">
        <div class="card">
          <p class="stat">{n(r.rows)}</p>
          <p class="stat-label">{tr(l, 'baris data', 'data rows')}</p>
        </div>
        <div class="card">
          <p class="stat">{n(r.ready)}</p>
          <p class="stat-label">{tr(l, 'siap disimpan', 'ready to save')}</p>
        </div>
        <div class="card">
          <p class="stat">{n(r.skipped)}</p>
          <p class="stat-label">
            {tr(l, 'dilewati (sudah ada, baris JUMLAH)', 'skipped (already there, total rows)')}
          </p>
        </div>
        <div class="card">
          <p class="stat">{n(r.problems.length + r.problemsNotListed)}</p>
          <p class="stat-label">{tr(l, 'masalah', 'problems')}</p>
        </div>
      </div>
      {r.notes.length || r.skippedRows.length ? (
        <ul>
          {r.notes.map((x) => (
            <li>{x}</li>
          ))}
          {r.skippedRows.slice(0, 50).map((s) => (
            <li>{tr(l, `Baris ${s.row} dilewati: ${s.reason}`, `Row ${s.row} skipped: ${s.reason}`)}</li>
          ))}
        </ul>
      ) : null}
      {r.readRows.length ? <Readings r={r} l={l} /> : null}
      {r.problems.length ? (
        <>
          <p class="notice" role="alert">
            {tr(
              l,
              'Perbaiki masalah di bawah pada berkas Anda lalu unggah lagi. Tidak ada yang disimpan.',
              'Fix the problems below in your file and upload it again. Nothing was saved.',
            )}
          </p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{tr(l, 'Baris', 'Row')}</th>
                  <th scope="col">{tr(l, 'Kolom', 'Column')}</th>
                  <th scope="col">{tr(l, 'Isi', 'Value')}</th>
                  <th scope="col">{tr(l, 'Masalah dan cara memperbaiki', 'Problem and fix')}</th>
                </tr>
              </thead>
              <tbody>
                {r.problems.map((p) => (
                  <tr>
                    <td>{p.row}</td>
                    <td>{[p.column, p.header].filter(Boolean).join(' · ') || '—'}</td>
                    <td>{p.value ?? '—'}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : token && r.ready > 0 ? (
        <form method="post" action="/kerja/impor/simpan" class="actions">
          <Csrf token={csrf} />
          <input type="hidden" name="token" value={token} />
          <button type="submit">{tr(l, `Simpan ${r.ready} penghargaan`, `Save ${r.ready} awards`)}</button>
          <a href="/kerja/impor">{tr(l, 'Batal', 'Cancel')}</a>
        </form>
      ) : (
        <p class="card">{tr(l, 'Tidak ada baris baru untuk disimpan.', 'No new rows to save.')}</p>
      )}
    </section>
  );
}

const YEAR_FROM = {
  column: ['kolom Tahun', 'Tahun column'],
  title: ['judul', 'title'],
  date: ['tanggal', 'date'],
} as const;

/** How each importable row was read: the person checks the matching before saving. */
function Readings({ r, l }: { r: ImportReport; l: Locale }) {
  // Open for a file of office size, so the reading is seen before saving; folded for a long one.
  return (
    <details open={r.readRows.length <= 100 ? true : undefined}>
      <summary>
        {tr(
          l,
          `Cara ${formatNumber(r.readRows.length, l)} baris dibaca (unit, pemberi, bidang, tahun, predikat)`,
          `How ${formatNumber(r.readRows.length, l)} rows were read (unit, giver, field, year, grade)`,
        )}
      </summary>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{tr(l, 'Baris', 'Row')}</th>
              <th scope="col">{tr(l, 'Judul', 'Title')}</th>
              <th scope="col">{tr(l, 'Penerima', 'Recipient')}</th>
              <th scope="col">{tr(l, 'Pemberi', 'Giver')}</th>
              <th scope="col">{tr(l, 'Bidang', 'Field')}</th>
              <th scope="col">{tr(l, 'Tanggal', 'Date')}</th>
              <th scope="col">{tr(l, 'Tahun edisi', 'Edition year')}</th>
              <th scope="col">{tr(l, 'Predikat dihitung', 'Computed grade')}</th>
            </tr>
          </thead>
          <tbody>
            {r.readRows.map((x) => (
              <tr>
                <td>{x.row}</td>
                <td>{x.title}</td>
                <td>{x.unit ?? '—'}</td>
                <td>{x.giver ?? '—'}</td>
                <td>{x.field ?? '—'}</td>
                <td>{formatDate(x.date, l)}</td>
                <td>
                  {x.year} ({tr(l, `dari ${YEAR_FROM[x.yearFrom][0]}`, `from ${YEAR_FROM[x.yearFrom][1]}`)})
                </td>
                <td>{x.grade ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function importPage(c: Context<AppEnv>) {
  requireRole(c, [...ROLES]);
  const l = c.get('locale');
  return page(
    c,
    { title: tr(l, 'Impor spreadsheet', 'Import a spreadsheet'), section: 'import' },
    <>
      <h1>{tr(l, 'Impor spreadsheet', 'Import a spreadsheet')}</h1>
      <Upload c={c} />
    </>,
  );
}

export async function dryRunPost(c: Context<AppEnv>) {
  const actor = requireRole(c, [...ROLES]);
  const l = c.get('locale');
  const body = await readForm(c);
  const file = body.file;
  const title = tr(l, 'Impor spreadsheet', 'Import a spreadsheet');
  const again = (error: string, status = 422) =>
    page(
      c,
      { title, section: 'import', status },
      <>
        <h1>{title}</h1>
        <Upload c={c} error={error} />
      </>,
    );
  if (!(file instanceof File) || file.size === 0)
    return again(tr(l, 'Pilih berkas .xlsx atau .csv.', 'Choose an .xlsx or .csv file.'));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const verified = body.verified === '1';
  let report: ImportReport;
  try {
    report = await importAwards(c.get('deps').db.db, actor, {
      fileName: file.name,
      buffer: bytes,
      dryRun: true,
      verified,
    });
  } catch (err) {
    const state = formErrors(err, {});
    return again(
      [state.message, ...Object.values(state.errors).flat()].filter(Boolean).join(' '),
      err instanceof AppError ? err.status : 422,
    );
  }
  const token =
    report.problems.length === 0 && report.ready > 0
      ? keepPending(
          c.get('deps').config.uploadDir,
          { userId: actor.id, fileName: file.name, verified },
          bytes,
        )
      : null;
  return page(
    c,
    { title, section: 'import' },
    <>
      <h1>{title}</h1>
      <Report r={report} l={l} token={token} csrf={c.get('csrfToken')} />
      <h2>{tr(l, 'Unggah berkas lain', 'Upload another file')}</h2>
      <Upload c={c} />
    </>,
  );
}

export async function confirmPost(c: Context<AppEnv>) {
  const actor = requireRole(c, [...ROLES]);
  const l = c.get('locale');
  const body = await readForm(c);
  const token = typeof body.token === 'string' ? body.token : '';
  const { uploadDir } = c.get('deps').config;
  const pending = takePending(uploadDir, token, actor.id);
  const report = await importAwards(c.get('deps').db.db, actor, {
    fileName: pending.fileName,
    buffer: pending.bytes,
    verified: pending.verified,
  });
  dropPending(uploadDir, token);
  if (report.problems.length)
    return page(
      c,
      { title: tr(l, 'Impor spreadsheet', 'Import a spreadsheet'), section: 'import', status: 422 },
      <>
        <h1>{tr(l, 'Impor spreadsheet', 'Import a spreadsheet')}</h1>
        <Report r={report} l={l} token={null} csrf={null} />
      </>,
    );
  return seeOther(
    c,
    '/kerja/penghargaan?sort=createdAt',
    tr(
      l,
      `${report.created} penghargaan diimpor (${report.skipped} dilewati karena sudah ada).`,
      `${report.created} awards imported (${report.skipped} skipped as already there).`,
    ),
  );
}
