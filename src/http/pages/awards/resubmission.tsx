import { formatDate, formatDateTime, formatNumber } from '../../../domain/format.ts';
import { type Locale, tr } from '../../../domain/i18n.ts';
import type { AuditEvent } from '../../../services/audit.ts';
import { changedFieldName, changedFields } from './history.tsx';

// A record that comes back to the verifier after a return: marked as resubmitted, with the
// earlier reason and what changed since — read from the audit trail, field by field, so the
// verifier checks the fix instead of the whole record again.

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface Resubmission {
  reason: string | null;
  returnedAt: string;
  changes: FieldChange[];
  evidenceAdded: string[];
  evidenceRemoved: string[];
}

/** Null unless the record was returned and submitted again afterwards. */
export function resubmissionOf(events: AuditEvent[]): Resubmission | null {
  const last = events.findLastIndex((e) => e.action === 'return');
  if (last < 0 || !events.slice(last + 1).some((e) => e.action === 'submit')) return null;
  const firstBefore = new Map<string, unknown>();
  const lastAfter = new Map<string, unknown>();
  const evidenceAdded: string[] = [];
  const evidenceRemoved: string[] = [];
  for (const e of events.slice(last + 1)) {
    if (e.action === 'update') {
      const before = e.before as Record<string, unknown>;
      const after = e.after as Record<string, unknown>;
      for (const f of changedFields(before, after)) {
        if (!firstBefore.has(f)) firstBefore.set(f, before[f]);
        lastAfter.set(f, after[f]);
      }
    } else if (e.action === 'evidence.add' || e.action === 'evidence.remove') {
      const row = (e.after ?? e.before) as { file_name?: string | null; url?: string | null } | null;
      const name = row?.file_name ?? row?.url ?? '—';
      (e.action === 'evidence.add' ? evidenceAdded : evidenceRemoved).push(name);
    }
  }
  const changes = [...lastAfter.entries()]
    .map(([field, after]) => ({ field, before: firstBefore.get(field), after }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
  return {
    reason: events[last]!.reason,
    returnedAt: events[last]!.at,
    changes,
    evidenceAdded,
    evidenceRemoved,
  };
}

/** A value as a person reads it; ids of other records are not shown (the field name says enough). */
function show(field: string, v: unknown, l: Locale): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field.endsWith('_id')) return tr(l, '(pilihan lain)', '(another choice)');
  if (field === 'is_public') return v ? tr(l, 'Ya', 'Yes') : tr(l, 'Tidak', 'No');
  if (typeof v === 'number') return formatNumber(v, l);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, l);
  return String(v);
}

export function ResubmissionNote({ r, locale: l }: { r: Resubmission; locale: Locale }) {
  return (
    <div class="notice resubmitted" role="status">
      <p>
        <strong>{tr(l, 'Diajukan ulang', 'Resubmitted')}</strong>{' '}
        {tr(l, 'setelah dikembalikan pada', 'after it was returned on')} {formatDateTime(r.returnedAt, l)}.
      </p>
      {r.reason ? (
        <p>
          {tr(l, 'Alasan waktu itu', 'The reason then')}: <em>{r.reason}</em>
        </p>
      ) : null}
      {r.changes.length ? (
        <div class="table-wrap">
          <table class="diff">
            <caption>{tr(l, 'Yang berubah sejak dikembalikan', 'What changed since the return')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(l, 'Isian', 'Field')}</th>
                <th scope="col">{tr(l, 'Sebelumnya', 'Before')}</th>
                <th scope="col">{tr(l, 'Sekarang', 'Now')}</th>
              </tr>
            </thead>
            <tbody>
              {r.changes.map((c) => (
                <tr>
                  <th scope="row">{changedFieldName(c.field, l)}</th>
                  <td>
                    <del>{show(c.field, c.before, l)}</del>
                  </td>
                  <td>
                    <ins>{show(c.field, c.after, l)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {r.evidenceAdded.length ? (
        <p>
          {tr(l, 'Bukti ditambahkan', 'Evidence added')}: {r.evidenceAdded.join(', ')}
        </p>
      ) : null}
      {r.evidenceRemoved.length ? (
        <p>
          {tr(l, 'Bukti dihapus', 'Evidence removed')}: {r.evidenceRemoved.join(', ')}
        </p>
      ) : null}
      {!r.changes.length && !r.evidenceAdded.length && !r.evidenceRemoved.length ? (
        <p>{tr(l, 'Tidak ada isian yang diubah.', 'No field was changed.')}</p>
      ) : null}
    </div>
  );
}
