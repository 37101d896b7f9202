import {
  AliasNode,
  AndNode,
  BinaryOperationNode,
  ColumnNode,
  type ColumnUpdateNode,
  type DeleteQueryNode,
  IdentifierNode,
  type InsertQueryNode,
  JoinNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  OperatorNode,
  ParensNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryId,
  QueryNode,
  type QueryResult,
  ReferenceNode,
  type RootOperationNode,
  type SelectQueryNode,
  sql,
  TableNode,
  type UnknownRow,
  type UpdateQueryNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
} from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';
import { TENANT_TABLES } from './tenancy.ts';

// Isolation in the query layer, on both databases: a Kysely handle made with
// `db.withPlugin(new RegionScope(...))` adds `<table>.region_id in (...)` to every SELECT of a
// tenant table (FROM and JOIN, subqueries included) and `region_id = <own region>` to every
// UPDATE and DELETE, so a service that forgets the region in its WHERE still cannot read or
// change another region's rows. An INSERT into a tenant table, and an UPDATE that sets
// region_id, must name the own region as a plain value, or the query is refused before it runs
// (RegionScopeViolation): a row can be neither created in nor moved to another region. The HTTP
// layer hands this handle to the services for every signed-in request (src/http/region-scope.ts),
// and the export worker uses it too (withRegions); PostgreSQL adds row-level security beneath it
// (migration 010). Raw `sql` text is not rewritten: it is kept to expressions over tables the
// builder names, and test/db/raw-sql.test.ts refuses a raw query that reads a tenant table itself.

const TENANT = new Set<string>(TENANT_TABLES);

/** A query that would create or move a row outside the actor's own region (a defect upstream). */
export class RegionScopeViolation extends Error {
  constructor(table: string) {
    super(`refused: a write to ${table} outside the actor's own region`);
    this.name = 'RegionScopeViolation';
  }
}

export interface RegionSet {
  /** The regions rows may be read from; null: every region. */
  read: readonly number[] | null;
  /** The one region rows may be changed in; null: none (a read-only role). */
  write: number | null;
}

/**
 * The regions a read is confined to, as an IN list: null for every region, and no region at all
 * as [-1] (an empty IN list is not valid SQL). Declared once: this plugin, readableBy
 * (services/access.ts) and the recap's kept counts all confine a reader with it.
 */
export const readList = (read: readonly number[] | null): readonly number[] | null =>
  read === null ? null : read.length ? read : [-1];

export class RegionScope implements KyselyPlugin {
  readonly #transformer: ScopeTransformer;

  constructor(readonly regions: RegionSet) {
    this.#transformer = new ScopeTransformer(regions);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The name a tenant table is referred to by in the query (its alias, else its name), or null. */
function tenantRef(node: OperationNode): string | null {
  if (TableNode.is(node)) {
    const name = node.table.identifier.name;
    return TENANT.has(name) ? name : null;
  }
  if (AliasNode.is(node) && TableNode.is(node.node) && IdentifierNode.is(node.alias))
    return TENANT.has(node.node.table.identifier.name) ? node.alias.name : null;
  return null;
}

/**
 * True when `<ref>.region_id in (ids)` is already one of the terms ANDed in `clause`, the same
 * list: readableBy and the kept counts confine a reader's query with readList themselves (so
 * that a handle without this plugin, e.g. the CLI's --as, is confined too), and the query then
 * needs it once. A term under OR or NOT confines nothing, and a different list is added to.
 */
function confines(clause: OperationNode | undefined, ref: string, ids: readonly number[]): boolean {
  if (clause === undefined) return false;
  if (AndNode.is(clause)) return confines(clause.left, ref, ids) || confines(clause.right, ref, ids);
  if (ParensNode.is(clause)) return confines(clause.node, ref, ids);
  if (
    !BinaryOperationNode.is(clause) ||
    !OperatorNode.is(clause.operator) ||
    clause.operator.operator !== 'in'
  )
    return false;
  const { leftOperand: column, rightOperand: list } = clause;
  return (
    ReferenceNode.is(column) &&
    ColumnNode.is(column.column) &&
    column.column.column.name === 'region_id' &&
    column.table?.table.identifier.name === ref &&
    column.table.table.schema === undefined &&
    PrimitiveValueListNode.is(list) &&
    list.values.length === ids.length &&
    list.values.every((v, i) => v === ids[i])
  );
}

class ScopeTransformer extends OperationNodeTransformer {
  constructor(private readonly regions: RegionSet) {
    super();
  }

  #condition(ref: string, ids: readonly number[]): OperationNode {
    const column = ReferenceNode.create(ColumnNode.create('region_id'), TableNode.create(ref));
    return BinaryOperationNode.create(
      column,
      OperatorNode.create('in'),
      PrimitiveValueListNode.create(readList(ids) as readonly number[]),
    );
  }

  protected override transformSelectQuery(node: SelectQueryNode, queryId?: QueryId): SelectQueryNode {
    let out = super.transformSelectQuery(node, queryId);
    const read = this.regions.read;
    if (read === null) return out;
    const ids = readList(read) as readonly number[];
    for (const from of out.from?.froms ?? []) {
      const ref = tenantRef(from);
      if (ref && !confines(out.where?.where, ref, ids))
        out = QueryNode.cloneWithWhere(out, this.#condition(ref, read));
    }
    if (out.joins?.length) {
      const joins = out.joins.map((j) => {
        const ref = tenantRef(j.table);
        return ref && j.on && !confines(j.on.on, ref, ids)
          ? JoinNode.cloneWithOn(j, this.#condition(ref, read))
          : j;
      });
      out = { ...out, joins };
    }
    return out;
  }

  protected override transformDeleteQuery(node: DeleteQueryNode, queryId?: QueryId): DeleteQueryNode {
    let out = super.transformDeleteQuery(node, queryId);
    for (const from of out.from.froms) {
      const ref = tenantRef(from);
      if (ref) out = QueryNode.cloneWithWhere(out, this.#condition(ref, this.#writable()));
    }
    return out;
  }

  protected override transformInsertQuery(node: InsertQueryNode, queryId?: QueryId): InsertQueryNode {
    const out = super.transformInsertQuery(node, queryId);
    const table = out.into ? tenantRef(out.into) : null;
    if (!table) return out;
    const at = (out.columns ?? []).findIndex((c) => c.column.name === 'region_id');
    // Only `values (...)` rows whose region_id is a plain value can be checked; an insert built
    // any other way (from a SELECT, with defaults) into a tenant table is refused.
    if (at < 0 || !out.values || !ValuesNode.is(out.values)) throw new RegionScopeViolation(table);
    for (const row of out.values.values) {
      const value = ValueListNode.is(row)
        ? ValueNode.is(row.values[at]!)
          ? (row.values[at] as ValueNode).value
          : undefined
        : row.values[at];
      if (!this.#isOwn(value)) throw new RegionScopeViolation(table);
    }
    if (out.onConflict?.updates) this.#checkUpdates(table, out.onConflict.updates);
    return out;
  }

  protected override transformUpdateQuery(node: UpdateQueryNode, queryId?: QueryId): UpdateQueryNode {
    const out = super.transformUpdateQuery(node, queryId);
    const ref = out.table ? tenantRef(out.table) : null;
    if (!ref) return out;
    this.#checkUpdates(ref, out.updates ?? []);
    return QueryNode.cloneWithWhere(out, this.#condition(ref, this.#writable()));
  }

  /** SET region_id = … may only name the own region (no row moves to another region). */
  #checkUpdates(table: string, updates: readonly ColumnUpdateNode[]): void {
    for (const u of updates) {
      const column = ColumnNode.is(u.column) ? u.column.column.name : null;
      if (column !== 'region_id') continue;
      if (!ValueNode.is(u.value) || !this.#isOwn(u.value.value)) throw new RegionScopeViolation(table);
    }
  }

  #isOwn(value: unknown): boolean {
    return this.regions.write !== null && Number(value) === this.regions.write;
  }

  #writable(): number[] {
    return this.regions.write === null ? [] : [this.regions.write];
  }
}

/**
 * PostgreSQL, inside a transaction: act as role prestasi_app with these regions until the
 * transaction ends (set_config(..., true), never per session; migration 010's policies read them).
 */
export async function enterRegionTransaction(trx: Kysely<Database>, regions: RegionSet): Promise<void> {
  const read = regions.read === null ? 'all' : regions.read.join(',');
  const write = regions.write === null ? '' : String(regions.write);
  await sql`select set_config('role', 'prestasi_app', true), set_config('prestasi.region_ids', ${read}, true),
    set_config('prestasi.write_region_id', ${write}, true)`.execute(trx);
}

/**
 * Work outside a request's middleware (the export worker's own connection): `fn` gets a handle
 * scoped to these regions by the plugin on both databases and, on PostgreSQL, runs in one
 * transaction as prestasi_app with the regions set for it, so row-level security holds there too.
 */
export async function withRegions<T>(
  db: Db,
  regions: RegionSet,
  fn: (scoped: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const scope = new RegionScope(regions);
  if (db.kind !== 'postgres') return fn(db.db.withPlugin(scope));
  return db.db.transaction().execute(async (trx) => {
    await enterRegionTransaction(trx, regions);
    return fn(trx.withPlugin(scope));
  });
}
