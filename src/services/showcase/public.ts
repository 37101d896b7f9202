import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The one rule of the public showcase: only verified records marked public are shown, on every
// page and in every download. Every showcase query starts from `publicAwards`.

export function publicAwards(db: Kysely<Database>) {
  return db.selectFrom('awards').where('awards.state', '=', 'verified').where('awards.is_public', '=', 1);
}
