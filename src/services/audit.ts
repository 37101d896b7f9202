import type { Kysely } from 'kysely';
import { nowIso } from '../db/now.ts';
import type { AuditEventRow, Database } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { writeRegionId } from './regions.ts';

export interface AuditInput {
  entityType: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** The region of the record changed; defaults to the actor's region (see services/regions.ts). */
  regionId?: number;
}

/** Appends one event. Call inside the same transaction as the change it records. */
export async function recordAudit(db: Kysely<Database>, actor: Actor, e: AuditInput): Promise<void> {
  const regionId = e.regionId ?? (await writeRegionId(db, actor));
  await db
    .insertInto('audit_events')
    .values({
      region_id: regionId,
      at: nowIso(),
      actor_id: actor.id,
      actor_label: actor.label,
      entity_type: e.entityType,
      entity_id: String(e.entityId),
      action: e.action,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
    })
    .execute();
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export async function listAudit(
  db: Kysely<Database>,
  entityType: string,
  entityId: string | number,
): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}

const toEvent = (r: AuditEventRow): AuditEvent => ({
  id: r.id,
  at: r.at,
  actor: r.actor_label,
  action: r.action,
  reason: r.reason,
  before: r.before_json ? JSON.parse(r.before_json) : null,
  after: r.after_json ? JSON.parse(r.after_json) : null,
});
