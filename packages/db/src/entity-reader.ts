import type { EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { Database } from './database';

/**
 * Reads whole rows of one entity with a plain SELECT, for the lists every page
 * asks for. TypeORM's query builder (alias rewriting, SQL assembly) and its
 * result transformer were 12.7% of the incidents subgraph's busy time under
 * the list, 3.8% with this reader (BENCHMARKS.md, session 12, change 13). The
 * SQL here is written once per entity, and each value is converted by
 * TypeORM's own driver
 * (`prepareHydratedValue`, transformers included), so an entity comes back as
 * `find()` would give it, on MySQL and SQLite alike.
 *
 * Conditions and the tail (ORDER BY, LIMIT) are SQL over the given alias with
 * TypeORM's `:name` and `:...list` parameters, so the scope fragments the
 * query builders use serve here unchanged.
 */
export class EntityReader<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly columns: ColumnMetadata[];
  private readonly selectFrom: string;

  constructor(
    private readonly db: Database,
    entity: EntityTarget<T>,
    readonly alias: string,
  ) {
    this.metadata = db.dataSource.getMetadata(entity);
    this.columns = this.metadata.columns.filter((column) => !column.isVirtual);
    const driver = db.dataSource.driver;
    const list = this.columns.map((column) => `${driver.escape(alias)}.${driver.escape(column.databaseName)}`).join(', ');
    this.selectFrom = `SELECT ${list} FROM ${driver.escape(this.metadata.tableName)} ${driver.escape(alias)}`;
  }

  async select(where: string, parameters: ObjectLiteral, tail = ''): Promise<T[]> {
    const [sql, values] = this.db.dataSource.driver.escapeQueryWithParameters(`${this.selectFrom} WHERE ${where} ${tail}`, parameters);
    const rows = (await this.db.manager.query(sql, values)) as Record<string, unknown>[];
    return rows.map((row) => this.hydrate(row));
  }

  private hydrate(row: Record<string, unknown>): T {
    // As TypeORM's own transformer does: no constructor run, each value set through its column (embedded ones too).
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as T;
    const driver = this.db.dataSource.driver;
    for (const column of this.columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    return entity;
  }
}

const readers = new WeakMap<Database, Map<EntityTarget<ObjectLiteral>, Map<string, EntityReader<ObjectLiteral>>>>();

/** One reader per database, entity and alias: its SQL is written once. */
export function entityReader<T extends ObjectLiteral>(db: Database, entity: EntityTarget<T>, alias: string): EntityReader<T> {
  let byEntity = readers.get(db);
  if (!byEntity) readers.set(db, (byEntity = new Map()));
  let byAlias = byEntity.get(entity);
  if (!byAlias) byEntity.set(entity, (byAlias = new Map()));
  let reader = byAlias.get(alias) as EntityReader<T> | undefined;
  if (!reader) byAlias.set(alias, (reader = new EntityReader(db, entity, alias) as EntityReader<ObjectLiteral> as EntityReader<T>));
  return reader;
}
