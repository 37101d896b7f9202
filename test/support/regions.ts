import type { Kysely } from 'kysely';
import type { AwardState, Database } from '../../src/db/schema.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { addRegionFromGazetteer } from '../../src/services/regions.ts';
import { CACHE_RULES } from '../../src/services/showcase/version.ts';
import { createUnit } from '../../src/services/units.ts';
import { addAward } from '../recap/support.ts';
import { seedRegions } from '../showcase/regions.ts';
import { createTestApp, sampleAward, type TestApp } from './app.ts';

// Set-ups with more than one region, shared by the tests of region scope and of per-region caching.

/**
 * Kota Tangerang (36.71) and Kabupaten Tangerang (36.03) from the gazetteer, each with a unit
 * "Dinkes <code>" and one award titled "<title> <code>" taken to `state`. Answers the unit id
 * by region id (3671, 3603).
 */
export async function seedTwoRegions(
  db: Kysely<Database>,
  title: string,
  state: AwardState = 'verified',
): Promise<Record<number, number>> {
  const units: Record<number, number> = {};
  for (const code of ['36.71', '36.03']) {
    await addRegionFromGazetteer(db, SYSTEM_ACTOR, code);
    const unit = await createUnit(db, SYSTEM_ACTOR, {
      regionCode: code,
      name: `Dinkes ${code}`,
      unitType: 'DINAS',
    });
    units[Number(code.replace('.', ''))] = unit.id;
    await addAward(db, sampleAward(unit.id, { title: `${title} ${code}` }), state);
  }
  return units;
}

/**
 * The test app with the regions of test/showcase/regions.ts, and the deployment's data version
 * read on every request (it is trusted for a second in production), so a change is seen at once.
 * `close` puts the cache rules back as they were.
 */
export async function createRegionsApp(): Promise<TestApp> {
  const t = await createTestApp();
  await seedRegions(t.db.db, t.units.root.id);
  const saved = { ...CACHE_RULES };
  CACHE_RULES.versionTtlMs = 0;
  return {
    ...t,
    close: async () => {
      Object.assign(CACHE_RULES, saved);
      await t.close();
    },
  };
}
