import {
  AliasNode,
  BinaryOperationNode,
  ColumnNode,
  type DeleteQueryNode,
  IdentifierNode,
  JoinNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  OperatorNode,
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
} from 'kysely';
import type { Database } from './schema.ts';
import { TENANT_TABLES } from './tenancy.ts';

// Isolation in the query layer, on both databases: a Kysely handle made with
// `db.withPlugin(new RegionScope(...))` adds `<table>.region_id in (...)` to every SELECT of a
// tenant table (FROM and JOIN, subqueries included) and `region_id = <own region>` to every
// UPDATE and DELETE, so a service that forgets the region in its WHERE still cannot read or
// change another region's rows. The HTTP layer hands this handle to the services for every
// signed-in request (src/http/region-scope.ts); PostgreSQL adds row-level security beneath it
// (migration 010). Raw `sql` text is not rewritten: services keep it to shared tables or add
// the region themselves.

const TENANT = new Set<string>(TENANT_TABLES);

export interface RegionSet {
  /** The regions rows may be read from; null: every region. */
  read: readonly number[] | null;
  /** The one region rows may be changed in; null: none (a read-only role). */
  write: number | null;
}

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

class ScopeTransformer extends OperationNodeTransformer {
  constructor(private readonly regions: RegionSet) {
    super();
  }

  #condition(ref: string, ids: readonly number[]): OperationNode {
    const column = ReferenceNode.create(ColumnNode.create('region_id'), TableNode.create(ref));
    // No region at all matches no row (an empty IN list is not valid SQL).
    const list = ids.length ? ids : [-1];
    return BinaryOperationNode.create(column, OperatorNode.create('in'), PrimitiveValueListNode.create(list));
  }

  protected override transformSelectQuery(node: SelectQueryNode, queryId?: QueryId): SelectQueryNode {
    let out = super.transformSelectQuery(node, queryId);
    const read = this.regions.read;
    if (read === null) return out;
    for (const from of out.from?.froms ?? []) {
      const ref = tenantRef(from);
      if (ref) out = QueryNode.cloneWithWhere(out, this.#condition(ref, read));
    }
    if (out.joins?.length) {
      const joins = out.joins.map((j) => {
        const ref = tenantRef(j.table);
        return ref && j.on ? JoinNode.cloneWithOn(j, this.#condition(ref, read)) : j;
      });
      out = { ...out, joins };
    }
    return out;
  }

  protected override transformUpdateQuery(node: UpdateQueryNode, queryId?: QueryId): UpdateQueryNode {
    const out = super.transformUpdateQuery(node, queryId);
    const ref = out.table ? tenantRef(out.table) : null;
    return ref ? QueryNode.cloneWithWhere(out, this.#condition(ref, this.#writable())) : out;
  }

  protected override transformDeleteQuery(node: DeleteQueryNode, queryId?: QueryId): DeleteQueryNode {
    let out = super.transformDeleteQuery(node, queryId);
    for (const from of out.from.froms) {
      const ref = tenantRef(from);
      if (ref) out = QueryNode.cloneWithWhere(out, this.#condition(ref, this.#writable()));
    }
    return out;
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
