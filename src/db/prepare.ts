import type { Kysely } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import { loadReferenceData } from './reference.ts';
import { loadBuiltinScales } from './scales.ts';
import type { Database } from './schema.ts';

/** Brings any database up to date: migrations, then the shipped reference data. */
export async function prepareDatabase(db: Kysely<Database>): Promise<string[]> {
  const applied = await migrateToLatest(db);
  await loadReferenceData(db);
  await loadBuiltinScales(db);
  return applied;
}
