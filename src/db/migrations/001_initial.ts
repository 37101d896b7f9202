import type { CreateTableBuilder } from 'kysely';
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// One schema for both databases. Portable types only: integer, text, real/double.
// Booleans are integer 0/1, dates ISO text (see db/schema.ts for why).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not follow schema.ts
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: same
type Table = CreateTableBuilder<any, any>;

export const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

function withId(db: AnyDb, table: Table): Table {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

const real = (db: AnyDb) => (isPostgres(db) ? 'double precision' : 'real');

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('founded_on', 'text')
    .addColumn('emblem_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('org_units'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('unit_type', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_units_path').on('org_units').column('path').execute();
  await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();

  await withId(db, db.schema.createTable('awarding_bodies'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('abbreviation', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('successor_id', 'integer', (c) => c.references('awarding_bodies.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('fields'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_id', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('password_hash', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await withId(db, db.schema.createTable('awards'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('programme', 'text')
    .addColumn('edition_year', 'integer', (c) => c.notNull())
    .addColumn('awarding_body_id', 'integer', (c) => c.references('awarding_bodies.id'))
    .addColumn('awarding_body_text', 'text')
    .addColumn('level', 'text')
    .addColumn('field_id', 'integer', (c) => c.references('fields.id'))
    .addColumn('category', 'text')
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('unit_path', 'text')
    .addColumn('recipient_note', 'text')
    .addColumn('received_on', 'text')
    .addColumn('place', 'text')
    .addColumn('rank', 'text')
    .addColumn('rank_position', 'integer')
    .addColumn('score', real(db))
    .addColumn('scale_id', 'text')
    .addColumn('scale_version', 'text')
    .addColumn('grade_code', 'text')
    .addColumn('grade_label', 'text')
    .addColumn('grade_zone', 'text')
    .addColumn('status_label', 'text')
    .addColumn('legal_basis', 'text')
    .addColumn('description', 'text')
    .addColumn('series_key', 'text')
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('import_key', 'text', (c) => c.unique())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('updated_by', 'integer')
    .addColumn('submitted_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The recap and list queries filter by region, state and year first.
  await db.schema
    .createIndex('awards_region_state_year')
    .on('awards')
    .columns(['region_code', 'state', 'edition_year'])
    .execute();
  await db.schema.createIndex('awards_unit_path').on('awards').column('unit_path').execute();
  await db.schema.createIndex('awards_series').on('awards').column('series_key').execute();

  await withId(db, db.schema.createTable('award_team_members'))
    .addColumn('award_id', 'integer', (c) => c.notNull().references('awards.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('person_name', 'text')
    .addColumn('role', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('team_award').on('award_team_members').column('award_id').execute();

  await withId(db, db.schema.createTable('articles'))
    .addColumn('url', 'text')
    .addColumn('outlet', 'text')
    .addColumn('title', 'text')
    .addColumn('published_on', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('evidence'))
    .addColumn('award_id', 'integer', (c) => c.notNull().references('awards.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('file_name', 'text')
    .addColumn('media_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('caption', 'text')
    .addColumn('quote', 'text')
    .addColumn('article_id', 'integer', (c) => c.references('articles.id'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_award').on('evidence').column('award_id').execute();

  await withId(db, db.schema.createTable('audit_events'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('audit_entity')
    .on('audit_events')
    .columns(['entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('scales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('giver_code', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('scale_versions'))
    .addColumn('scale_id', 'text', (c) => c.notNull().references('scales.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('valid_from_year', 'integer')
    .addColumn('valid_to_year', 'integer')
    .addColumn('precision', real(db), (c) => c.notNull())
    .addColumn('legal_basis', 'text')
    .addColumn('source', 'text')
    .addColumn('bands_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('scale_versions_unique', ['scale_id', 'version'])
    .execute();

  await withId(db, db.schema.createTable('findings'))
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('proposal_json', 'text', (c) => c.notNull())
    .addColumn('confidence', real(db), (c) => c.notNull())
    .addColumn('matched_award_id', 'integer', (c) => c.references('awards.id'))
    .addColumn('award_id', 'integer', (c) => c.references('awards.id'))
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('finding_sources'))
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addUniqueConstraint('finding_sources_unique', ['finding_id', 'article_id'])
    .execute();

  await withId(db, db.schema.createTable('claims'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('subject', 'text')
    .addColumn('quote', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('import_batches'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull())
    .addColumn('rows_created', 'integer', (c) => c.notNull())
    .addColumn('rows_skipped', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Audit events are append-only: enforce it in the database, not only in code.
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('001_initial cannot be undone; restore a backup instead');
}
