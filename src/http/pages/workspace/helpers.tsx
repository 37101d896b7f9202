import type { Context } from 'hono';
import { parseNumber } from '../../../domain/format.ts';
import { tr } from '../../../domain/i18n.ts';
import { AppError } from '../../../services/errors.ts';
import { gradeForAward } from '../../../services/grading.ts';
import { requireActor } from '../../auth/session.ts';
import type { AppEnv } from '../../env.ts';
import { ZoneDot } from '../ui/bits.tsx';
import { loadGivers, searchGivers } from './lookups.ts';

// Fragments for htmx: the grade as the score is typed, and the giver look-up by alias.

/** GET /kerja/nilai?scaleId&editionYear&score&statusLabel → the grade the record will get. */
export async function gradePreview(c: Context<AppEnv>) {
  requireActor(c);
  const locale = c.get('locale');
  const q = c.req.query();
  if (!q.scaleId)
    return c.html(
      <span class="muted">
        {tr(locale, 'Pilih skala untuk menghitung nilai.', 'Choose a scale to compute the grade.')}
      </span>,
    );
  const score = parseNumber(q.score ?? '');
  const year = Number(q.editionYear);
  if (Number.isNaN(score))
    return c.html(
      <span class="field-error">
        {tr(locale, 'Skor harus angka, mis. 94,76', 'The score must be a number, e.g. 94.76')}
      </span>,
    );
  if (!Number.isInteger(year))
    return c.html(
      <span class="muted">{tr(locale, 'Isi tahun edisi dulu.', 'Enter the edition year first.')}</span>,
    );
  try {
    const g = await gradeForAward(c.get('deps').db.db, {
      scaleId: q.scaleId,
      editionYear: year,
      score,
      statusLabel: q.statusLabel || null,
    });
    if (!g.grade_code)
      return c.html(
        <span class="muted">
          {tr(
            locale,
            'Isi skor (atau status, untuk opini BPK).',
            'Enter a score (or the status, for BPK opinions).',
          )}
        </span>,
      );
    return c.html(
      <span>
        <ZoneDot zone={g.grade_zone} />
        {g.grade_label}
        {g.grade_zone ? ` · Zona ${g.grade_zone}` : ''}{' '}
        <span class="muted">
          ({g.scale_id} {g.scale_version})
        </span>
      </span>,
    );
  } catch (err) {
    if (err instanceof AppError)
      return c.html(
        <span class="field-error">{err.details.map((d) => d.message).join(' ') || err.message}</span>,
      );
    throw err;
  }
}

/** GET /kerja/pemberi/cari?giver=… → matching givers, aliases and renames included. */
export async function giverSearch(c: Context<AppEnv>) {
  requireActor(c);
  const locale = c.get('locale');
  const typed = c.req.query('giver') ?? c.req.query('q') ?? '';
  const givers = await loadGivers(c.get('deps').db.db);
  const hits = searchGivers(givers, typed);
  if (!hits.length)
    return c.html(
      typed.trim().length >= 2 ? (
        <p class="hint">{tr(locale, 'Tidak ada pemberi yang cocok.', 'No matching giver.')}</p>
      ) : (
        <span></span>
      ),
    );
  return c.html(
    <ul class="hits" aria-live="polite">
      {hits.map((g) => {
        const successor = g.successor;
        return (
          <li>
            <strong>{g.abbreviation}</strong> — {g.name}
            {g.aliases.length ? <span> ({g.aliases.join(', ')})</span> : null}
            {successor ? (
              <span>
                {' '}
                → {tr(locale, 'kini', 'now')} {successor.abbreviation}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>,
  );
}
