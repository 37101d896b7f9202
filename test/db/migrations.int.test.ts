import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createRegion } from '../../src/services/units.ts';
import { createEmptyDatabaseUrl, dropDatabaseUrl, testDatabaseKind } from '../support/db.ts';

describe(`migrations on ${testDatabaseKind()}`, () => {
  const urls: string[] = [];
  afterAll(async () => {
    for (const u of urls) await dropDatabaseUrl(u);
  });

  it('builds the schema from an empty database and is idempotent', async () => {
    const url = await createEmptyDatabaseUrl();
    urls.push(url);
    const first = openDatabase(url);
    expect(await prepareDatabase(first.db)).toEqual([
      '001_initial',
      '002_recap_indexes',
      '004_intake_watch',
      '005_scale_indexes',
      '006_intake_provenance',
      '007_public_cover',
      '008_intake_retry_undo',
      '009_region_tenants',
      '010_region_security',
      '011_public_counts',
      '012_public_award_counts',
      '013_shared_fetches_open_data',
      '014_change_versions',
      '015_prune_award_indexes',
      '016_unit_series_latest',
      '017_award_counts',
      '018_region_security_once',
      '019_unit_unverified_counts',
    ]);
    const givers = await first.db.selectFrom('awarding_bodies').select(['code', 'successor_id']).execute();
    expect(givers.find((g) => g.code === 'kemendagri')).toBeTruthy();
    const kominfo = givers.find((g) => g.code === 'kominfo');
    const komdigi = await first.db
      .selectFrom('awarding_bodies')
      .select('id')
      .where('code', '=', 'komdigi')
      .executeTakeFirstOrThrow();
    expect(kominfo?.successor_id).toBe(komdigi.id);
    const fieldCount = await first.db
      .selectFrom('fields')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await first.close();

    // A second start applies nothing and duplicates no reference data.
    const second = openDatabase(url);
    expect(await prepareDatabase(second.db)).toEqual([]);
    const again = await second.db
      .selectFrom('fields')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(again.n).toBe(fieldCount.n);
    await second.close();
  });

  it('refuses to change or delete audit events', async () => {
    const url = await createEmptyDatabaseUrl();
    urls.push(url);
    const { db, close } = openDatabase(url);
    await prepareDatabase(db);
    await createRegion(db, SYSTEM_ACTOR, {
      code: '36.71',
      name: 'Kota Tangerang',
      kind: 'kota',
      foundedOn: null,
    });
    await db
      .insertInto('audit_events')
      .values({
        region_id: 3671,
        at: 'x',
        actor_id: null,
        actor_label: 't',
        entity_type: 'award',
        entity_id: '1',
        action: 'create',
        before_json: null,
        after_json: null,
        reason: null,
      })
      .execute();
    await expect(db.updateTable('audit_events').set({ action: 'edited' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await close();
  });
});
