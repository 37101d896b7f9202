import { columnName } from '../../../domain/awards/fields.ts';
import { formatDateTime } from '../../../domain/format.ts';
import { type Locale, tr, type Words, words } from '../../../domain/i18n.ts';
import type { AuditEvent } from '../../../services/audit.ts';

// The record's history from the audit trail: who did what, when, why, and which fields changed.

/**
 * A changed column as the history and the resubmission note name it: the field's catalogue
 * name in lower case, as inside a sentence ('received_on' → 'tanggal diterima').
 */
export function changedFieldName(column: string, locale: Locale): string {
  const name = columnName(column, locale);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

const ACTIONS: Record<string, Words> = {
  create: words('Dibuat', 'Created'),
  update: words('Diubah', 'Changed'),
  submit: words('Diajukan untuk verifikasi', 'Submitted for verification'),
  return: words('Dikembalikan', 'Returned'),
  verify: words('Diverifikasi', 'Verified'),
  reopen: words('Dibuka kembali', 'Reopened'),
  delete: words('Dihapus', 'Deleted'),
  'evidence.add': words('Bukti ditambahkan', 'Evidence added'),
  'evidence.remove': words('Bukti dihapus', 'Evidence removed'),
};

const IGNORED = new Set([
  'version',
  'unit_path',
  'grade_zone',
  'grade_label',
  'updated_at',
  'updated_by',
  'submitted_at',
  'verified_at',
  'verified_by',
  'state',
  'return_reason',
]);

/** Names of the columns whose value differs between before and after. */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a).filter((k) => !IGNORED.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export function History({ events, locale }: { events: AuditEvent[]; locale: Locale }) {
  if (!events.length) return <p class="muted">{tr(locale, 'Belum ada riwayat.', 'No history yet.')}</p>;
  return (
    <ol class="history">
      {[...events].reverse().map((e) => {
        const action = ACTIONS[e.action]?.[locale] ?? e.action;
        const changed = e.action === 'update' ? changedFields(e.before, e.after) : [];
        const file = e.action.startsWith('evidence')
          ? ((e.after ?? e.before) as { file_name?: string; url?: string } | null)
          : null;
        return (
          <li>
            <time datetime={e.at}>{formatDateTime(e.at, locale)}</time>
            <strong>{action}</strong> {tr(locale, 'oleh', 'by')} {e.actor}
            {e.reason ? (
              <div>
                {tr(locale, 'Alasan', 'Reason')}: <em>{e.reason}</em>
              </div>
            ) : null}
            {changed.length ? (
              <div class="muted">
                {[...new Set(changed.map((f) => changedFieldName(f, locale)))].join(', ')}
              </div>
            ) : null}
            {file ? <div class="muted">{file.file_name ?? file.url}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
