// Which tables belong to a region (tenant tables) and which are shared by all regions, in one
// place: migration 010 puts row-level security on exactly TENANT_TABLES, and the catalog test
// (test/db/tenancy.int.test.ts) checks the PostgreSQL schema against both lists.
//
// Every tenant table has `region_id` (the numeric Kemendagri code, see domain/region-code.ts).
// On PostgreSQL its primary key and unique constraints start with region_id and its foreign keys
// to other tenant tables include it, so a national operator can distribute it with Citus
// (create_distributed_table('<table>', 'region_id')) without redesign. On SQLite a tenant table
// keeps `id integer primary key` (the rowid alias AUTOINCREMENT needs) with region_id beside it.

export const TENANT_TABLES = [
  'org_units',
  'users',
  'api_tokens',
  'sessions',
  'awards',
  'award_team_members',
  'evidence',
  'audit_events',
  'findings',
  'finding_sources',
  'import_batches',
  'news_sources',
  'source_items',
  'award_counts',
] as const;

/**
 * Shared by every region (Citus reference tables): the catalogues (regions, givers, fields,
 * scales) and the news articles with what was read from them, which are about any region and
 * are fetched once (source_fetches: one conditional-GET record per watched address, whatever
 * number of regions' sources subscribe to it). A region's claim on an article is its findings and evidence, which are tenant rows.
 */
export const SHARED_TABLES = [
  'regions',
  'awarding_bodies',
  'fields',
  'scales',
  'scale_versions',
  'articles',
  'article_bands',
  'claims',
  'other_region_events',
  'source_fetches',
] as const;

/** Kept on the coordinator only (never distributed): sign-in throttling and the migration log. */
export const LOCAL_TABLES = ['login_attempts', 'kysely_migration', 'kysely_migration_lock'] as const;

export type TenantTable = (typeof TENANT_TABLES)[number];
