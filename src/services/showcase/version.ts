import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { regionIdOrNone } from '../../domain/region-code.ts';

// When is a cached public answer (a showcase page, the public recap) stale? Each is about one
// region or about the whole deployment, and each kind has its own version:
// - a region's version: its own newest audit event, award change, evidence and unit, its row in
//   the regions table, and the shared catalogues its pages name (givers, fields, scales). A
//   verification in region A moves A's version only, so region B's cached pages stay valid: a
//   national deployment does not re-render 546 regions cold because one of them verified an award.
// - the deployment's version: the newest of everything. It is read at most once a second
//   (one small query, whatever the number of regions or awards) and gates the rest: while it
//   has not moved, no region's version is read at all; once it moved, the catalogues are read
//   once and each region's version is read again on that region's next request (so a region's
//   change shows within about a second, as before). Pages about every region (the index, the
//   comparison, the open data of all) take a new deployment version at most once a minute
//   (CACHE_RULES.acrossRegionsMs): a national page may be up to a minute behind, as issue 13
//   allows, instead of re-rendering on every verification anywhere.
// Every read below is one index entry (migrations 009, 011, 014; checked with EXPLAIN on the
// 990,000-award national database), or a table of a few dozen rows, so a check costs the same
// at any size. Every change a user makes is audited in the same transaction, so the newest
// audit event id moves on edits, workflow moves, deletions and renames; the newest updated_at
// and ids also catch rows written without an audit event (imports, intake, reference data).

export const CACHE_RULES = {
  /** How long a read of the deployment's version is trusted. */
  versionTtlMs: 1000,
  /** How long pages about every region may keep an older deployment version. */
  acrossRegionsMs: 60_000,
  /** Regions whose version state is kept (real ones are ≤ 600; the rest were asked for by URL). */
  regions: 4000,
};

/** The deployment's version: everything public, and the catalogues every region's pages name. */
export interface DeploymentVersion {
  all: string;
  shared: string;
}

const fingerprint = (row: Record<string, unknown>) =>
  Object.values(row)
    .map((v) => String(v ?? ''))
    .join('|');

/** The fingerprint of everything public in the deployment. */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      // Tenant tables through the builder, so a region-scoped handle scopes them too.
      eb
        .selectFrom('audit_events')
        .select((s) => s.fn.max('id').as('v'))
        .as('audit'),
      // Inserts set updated_at too, so the newest change also covers the newest award (the
      // newest id would be a scan on PostgreSQL, whose key starts with region_id).
      eb
        .selectFrom('awards')
        .select((s) => s.fn.max('updated_at').as('v'))
        .as('awards_at'),
      eb
        .selectFrom('evidence')
        .select((s) => s.fn.max('id').as('v'))
        .as('evidence'),
      eb
        .selectFrom('org_units')
        .select((s) => s.fn.max('updated_at').as('v'))
        .as('units_at'),
      sql<number | null>`(select max(id) from fields)`.as('fields'),
      sql<number | null>`(select max(id) from awarding_bodies)`.as('givers'),
      sql<number | null>`(select max(id) from scale_versions)`.as('scales'),
      sql<string | null>`(select max(name) || max(coalesce(emblem_url, '')) from regions)`.as('region'),
      // A region added or removed changes the root (one region's showcase, or the index of many).
      sql<number>`(select count(*) from regions)`.as('regions'),
    ])
    .executeTakeFirstOrThrow();
  return fingerprint(row);
}

/**
 * The fingerprint of the catalogues every region's pages name: givers, fields, scales (a few
 * dozen rows each, read whole: they have no change timestamp, and a giver renamed by one
 * region's admin shows on every region's pages), and how many regions there are (a region's
 * site is named after the deployment's only region, or after itself). Read only when the
 * deployment's version moved.
 */
export async function sharedVersion(db: Kysely<Database>): Promise<string> {
  const [givers, fields, scales, versions, regions] = await Promise.all([
    db.selectFrom('awarding_bodies').selectAll().orderBy('id').execute(),
    db.selectFrom('fields').selectAll().orderBy('id').execute(),
    db.selectFrom('scales').selectAll().orderBy('id').execute(),
    db.selectFrom('scale_versions').selectAll().orderBy('id').execute(),
    db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
  ]);
  return createHash('sha1')
    .update(JSON.stringify([givers, fields, scales, versions, Number(regions?.n ?? 0)]))
    .digest('base64url');
}

/** The fingerprint of what region `code`'s own records show (the shared catalogues apart). */
export async function regionVersion(db: Kysely<Database>, code: string): Promise<string> {
  const id = regionIdOrNone(code);
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('audit_events')
        .select((s) => s.fn.max('id').as('v'))
        .where('region_id', '=', id)
        .as('audit'),
      eb
        .selectFrom('awards')
        .select((s) => s.fn.max('updated_at').as('v'))
        .where('region_id', '=', id)
        .as('awards_at'),
      eb
        .selectFrom('evidence')
        .select((s) => s.fn.max('id').as('v'))
        .where('region_id', '=', id)
        .as('evidence'),
      // A region keeps tens to hundreds of units: read through org_units_region.
      eb
        .selectFrom('org_units')
        .select((s) => [s.fn.max('updated_at').as('v')])
        .where('region_id', '=', id)
        .as('units_at'),
      eb
        .selectFrom('org_units')
        .select((s) => s.fn.countAll().as('v'))
        .where('region_id', '=', id)
        .as('units'),
      eb
        .selectFrom('regions')
        .select(
          sql<string>`name || '/' || kind || '/' || coalesce(founded_on, '') || '/' || coalesce(emblem_url, '')`.as(
            'v',
          ),
        )
        .where('id', '=', id)
        .as('region'),
    ])
    .executeTakeFirstOrThrow();
  return fingerprint(row);
}

/**
 * Remembers the deployment's version for `ttlMs`, so a burst of requests costs one query a
 * second. One per database handle (tests run several apps in one process).
 */
export class VersionWatch {
  private value: DeploymentVersion | null = null;
  private checkedAt = 0;
  private pending: Promise<DeploymentVersion> | null = null;
  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs = () => CACHE_RULES.versionTtlMs,
  ) {}

  /** The remembered version while it is fresh, else null (the caller then asks current()). */
  peek(now = Date.now()): DeploymentVersion | null {
    return this.value !== null && now - this.checkedAt < this.ttlMs() ? this.value : null;
  }

  current(now = Date.now()): Promise<DeploymentVersion> {
    const fresh = this.peek(now);
    if (fresh !== null) return Promise.resolve(fresh);
    if (!this.pending) {
      this.pending = dataVersion(this.db)
        .then(async (all) => {
          if (this.value?.all !== all) this.value = { all, shared: await sharedVersion(this.db) };
          this.checkedAt = Date.now();
          return this.value;
        })
        .finally(() => {
          this.pending = null;
        });
    }
    return this.pending;
  }
}

/** What cached answers are about: one region (its Kemendagri code), or every region (null). */
export type CacheScope = string | null;

interface ScopeState {
  /** Changes whenever the scope's data did; cached answers carry the one they were made for. */
  generation: number;
  /** The version that generation stands for. */
  version: string | null;
  /** Regions: the deployment version at which `version` was last read. */
  confirmedAt: string | null;
  /** Every region: when the current version was taken. */
  takenAt: number;
  pending: Promise<number> | null;
}

/** Generations are unique across scopes and databases, so a stale one never matches again. */
let generations = 0;

/**
 * The current generation of each scope's data, for the caches of public answers. Asking costs
 * nothing while the deployment's version is fresh and has not moved; see the top of this file.
 */
export class PublicVersions {
  readonly watch: VersionWatch;
  private readonly scopes = new Map<string, ScopeState>();
  constructor(private readonly db: Kysely<Database>) {
    this.watch = new VersionWatch(db);
  }

  private state(scope: CacheScope): ScopeState {
    const name = scope ?? '';
    let s = this.scopes.get(name);
    if (!s) {
      if (this.scopes.size >= CACHE_RULES.regions) this.scopes.delete(this.scopes.keys().next().value!);
      s = { generation: ++generations, version: null, confirmedAt: null, takenAt: 0, pending: null };
      this.scopes.set(name, s);
    }
    return s;
  }

  /** The scope's current generation, reading versions as the rules above say. */
  async generation(scope: CacheScope): Promise<number> {
    const deployment = await this.watch.current();
    const s = this.state(scope);
    if (scope === null) {
      if (s.version !== deployment.all && (s.version === null || this.mayTake(s)))
        this.take(s, deployment.all);
      return s.generation;
    }
    if (s.confirmedAt === deployment.all) return s.generation;
    if (!s.pending) {
      s.pending = regionVersion(this.db, scope)
        .then((own) => {
          const version = `${own}#${deployment.shared}`;
          if (version !== s.version) this.take(s, version);
          s.confirmedAt = deployment.all;
          return s.generation;
        })
        .finally(() => {
          s.pending = null;
        });
    }
    return s.pending;
  }

  /**
   * The scope's generation when it is known current without a query (the deployment's version
   * read within the last second and nothing to re-read), else null.
   */
  peekGeneration(scope: CacheScope, now = Date.now()): number | null {
    const deployment = this.watch.peek(now);
    const s = this.scopes.get(scope ?? '');
    if (deployment === null || !s) return null;
    if (scope === null) return s.version === deployment.all || !this.mayTake(s, now) ? s.generation : null;
    return s.confirmedAt === deployment.all ? s.generation : null;
  }

  /** The scope's generation as last known (maybe no longer current), or null when never asked. */
  lastGeneration(scope: CacheScope): number | null {
    return this.scopes.get(scope ?? '')?.generation ?? null;
  }

  /** Makes every cached answer stale (benchmarks measure renders with it). */
  dropAll() {
    for (const s of this.scopes.values()) {
      s.generation = ++generations;
      s.version = null;
      s.confirmedAt = null;
    }
  }

  private mayTake(s: ScopeState, now = Date.now()) {
    return now - s.takenAt >= CACHE_RULES.acrossRegionsMs;
  }

  private take(s: ScopeState, version: string) {
    s.version = version;
    s.generation = ++generations;
    s.takenAt = Date.now();
  }
}

const versions = new WeakMap<Kysely<Database>, PublicVersions>();

/** The versions of the public data behind database handle `db` (one per handle). */
export function publicVersions(db: Kysely<Database>): PublicVersions {
  let v = versions.get(db);
  if (!v) {
    v = new PublicVersions(db);
    versions.set(db, v);
  }
  return v;
}
