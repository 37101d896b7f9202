import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { TENANT_TABLES } from '../../src/db/tenancy.ts';
import { createEmptyDatabaseUrl, dropDatabaseUrl, testDatabaseKind } from '../support/db.ts';

// Migration 009 on a database from before it: one region (Kota Tangerang) with a unit tree,
// users, an award with a team, evidence, a finding and a news source, written as the old
// schema had them (region_code text). After the migration every row carries region_id 3671
// and the app reads it as before.
describe(`009 region tenants on an existing ${testDatabaseKind()} database`, () => {
  let url = '';
  afterAll(() => dropDatabaseUrl(url));

  it('backfills region_id in place from the single region and keeps every row', async () => {
    url = await createEmptyDatabaseUrl();
    const { db, close } = openDatabase(url);
    await migrateToLatest(db, '008_intake_retry_undo');
    const now = '2025-01-01T00:00:00.000Z';
    const exec = (q: string) => sql.raw(q).execute(db);
    await exec(`insert into regions (code, name, kind, founded_on, emblem_url, created_at)
      values ('36.71', 'Kota Tangerang', 'kota', '1993-02-28', null, '${now}')`);
    await exec(`insert into org_units (region_code, parent_id, name, unit_type, path, active, created_at, updated_at)
      values ('36.71', null, 'Pemkot', 'PEMDA', '/1/', 1, '${now}', '${now}')`);
    await exec(`insert into org_units (region_code, parent_id, name, unit_type, path, active, created_at, updated_at)
      values ('36.71', 1, 'Dinkes', 'DINAS', '/1/2/', 1, '${now}', '${now}')`);
    await exec(`insert into users (email, name, role, unit_id, active, locale, created_at)
      values ('op@example.go.id', 'op', 'operator', 2, 1, 'id', '${now}'), ('adm@example.go.id', 'adm', 'admin', null, 1, 'id', '${now}')`);
    await exec(
      `insert into api_tokens (user_id, name, token_hash, created_at) values (1, 'cli', 'h1', '${now}')`,
    );
    await exec(
      `insert into sessions (id, user_id, csrf_token, created_at, expires_at) values ('s1', 2, 'c', '${now}', '${now}')`,
    );
    await exec(`insert into awards (region_code, title, edition_year, recipient_kind, unit_id, unit_path, is_public, state,
        import_key, version, created_at, updated_at)
      values ('36.71', 'WTP', 2024, 'team', 2, '/1/2/', 1, 'verified', 'k1', 1, '${now}', '${now}')`);
    await exec(`insert into award_team_members (award_id, unit_id, position) values (1, 2, 0)`);
    await exec(
      `insert into evidence (award_id, kind, url, created_at) values (1, 'link', 'https://x.id', '${now}')`,
    );
    await exec(`insert into audit_events (at, actor_id, actor_label, entity_type, entity_id, action)
      values ('${now}', 1, 'op', 'award', '1', 'create'), ('${now}', null, 'system', 'giver', 'kemendagri', 'update')`);
    await exec(
      `insert into articles (content_hash, body, source_kind, created_at) values ('a1', 'teks', 'text', '${now}')`,
    );
    await exec(`insert into findings (fingerprint, state, proposal_json, confidence, matched_award_id, created_at, updated_at)
      values ('f1', 'pending', '{}', 0.9, 1, '${now}', '${now}'), ('f2', 'pending', '{}', 0.5, null, '${now}', '${now}')`);
    await exec(
      `insert into finding_sources (finding_id, article_id, quote, start_offset, end_offset) values (1, 1, 'q', 0, 1)`,
    );
    await exec(`insert into import_batches (file_name, sha256, rows_total, rows_created, rows_skipped, created_by, created_at)
      values ('a.csv', 'x', 1, 1, 0, 2, '${now}')`);
    await exec(`insert into news_sources (region_code, name, url, kind, interval_minutes, created_at, updated_at)
      values ('36.71', 'Berita', 'https://berita.example/feed', 'feed', 60, '${now}', '${now}')`);
    await exec(
      `insert into source_items (source_id, url, seen_at) values (1, 'https://berita.example/1', '${now}')`,
    );

    expect(await prepareDatabase(db)).toContain('009_region_tenants');

    const region = await db.selectFrom('regions').selectAll().executeTakeFirstOrThrow();
    expect(region).toMatchObject({ id: 3671, code: '36.71', parent_id: 36, name: 'Kota Tangerang' });
    for (const table of TENANT_TABLES) {
      const rows = await sql<{ region_id: number }>`select region_id from ${sql.table(table)}`.execute(db);
      expect(rows.rows.length, table).toBeGreaterThan(0);
      expect(new Set(rows.rows.map((r) => Number(r.region_id))), table).toEqual(new Set([3671]));
    }
    // Ids and links survive the rebuild: the award still has its team, evidence and finding.
    const award = await db.selectFrom('awards').selectAll().executeTakeFirstOrThrow();
    expect(award).toMatchObject({ id: 1, title: 'WTP', unit_id: 2, import_key: 'k1' });
    expect(await db.selectFrom('evidence').select('award_id').execute()).toEqual([{ award_id: 1 }]);
    // New rows keep counting from where the old ones stopped.
    const next = await db
      .insertInto('org_units')
      .values({
        region_id: 3671,
        parent_id: 1,
        name: 'BKPSDM',
        unit_type: 'BADAN',
        path: '/1/3/',
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next.id).toBe(3);
    // A row without a region, or of a region that does not exist, is refused.
    await expect(
      sql`insert into import_batches (file_name, sha256, rows_total, rows_created, rows_skipped, created_at)
        values ('b.csv', 'y', 0, 0, 0, ${now})`.execute(db),
    ).rejects.toThrow(/region_id|NOT NULL/i);
    await expect(
      db
        .insertInto('import_batches')
        .values({
          region_id: 3603,
          file_name: 'b.csv',
          sha256: 'y',
          rows_total: 0,
          rows_created: 0,
          rows_skipped: 0,
          created_by: null,
          created_at: now,
        })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
    await close();
  });
});
