import { type Kysely, type Migration, Migrator } from 'kysely';
import * as m001 from './migrations/001_initial.ts';
import * as m002 from './migrations/002_recap_indexes.ts';
import * as m004 from './migrations/004_intake_watch.ts';
import * as m005 from './migrations/005_scale_indexes.ts';
import * as m006 from './migrations/006_intake_provenance.ts';
import * as m007 from './migrations/007_public_cover.ts';
import * as m008 from './migrations/008_intake_retry_undo.ts';
import * as m009 from './migrations/009_region_tenants.ts';
import * as m010 from './migrations/010_region_security.ts';
import * as m011 from './migrations/011_public_counts.ts';
import * as m012 from './migrations/012_public_award_counts.ts';
import * as m013 from './migrations/013_shared_fetches_open_data.ts';
import * as m014 from './migrations/014_change_versions.ts';
import * as m015 from './migrations/015_prune_award_indexes.ts';
import * as m016 from './migrations/016_unit_series_latest.ts';
import * as m017 from './migrations/017_award_counts.ts';
import * as m018 from './migrations/018_region_security_once.ts';
import * as m019 from './migrations/019_unit_unverified_counts.ts';
import type { Database } from './schema.ts';

// Migrations are listed here, in order, rather than read from a folder at run time:
// the list is type-checked and works the same under tsx, vitest and a bundle.
const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_recap_indexes': m002,
  '004_intake_watch': m004,
  // 005 follows 004 from main: databases that already ran 004 must see only newer names.
  '005_scale_indexes': m005,
  '006_intake_provenance': m006,
  '007_public_cover': m007,
  '008_intake_retry_undo': m008,
  '009_region_tenants': m009,
  '010_region_security': m010,
  '011_public_counts': m011,
  '012_public_award_counts': m012,
  '013_shared_fetches_open_data': m013,
  '014_change_versions': m014,
  '015_prune_award_indexes': m015,
  '016_unit_series_latest': m016,
  '017_award_counts': m017,
  '018_region_security_once': m018,
  '019_unit_unverified_counts': m019,
};

/** Up to the newest migration, or only up to `upTo` (tests build a database as it was before a change). */
export async function migrateToLatest(db: Kysely<Database>, upTo?: string): Promise<string[]> {
  // 009 and 010 (many regions) landed after 011: a database that already ran 011 runs them then.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
