import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, EntityManager, type MixedList, type EntitySchema, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Config, ServiceName } from '@scr/config';
import { boundPool } from './bounded-pool';
import { isRetryableConflict } from './errors';
import { CountingLogger } from './query-counter';
import { observeDataSource } from './query-metrics';
import { retrying } from './retry';
import { isStatementTimeout, serverFromVersion, StatementTimeoutError, withStatementTimeout, type SqlServer } from './statement-timeout';

export type DatabaseKind = 'mysql' | 'sqlite';

export interface TransactionOptions {
  /** Further failures that mean "run it again" (besides deadlocks and serialisation failures). */
  retryOn?: (error: unknown) => boolean;
  /** Attempts in all (default 3). */
  attempts?: number;
}

export interface DatabaseOptions {
  service: ServiceName;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: MixedList<Function | string | EntitySchema<any>>;

  migrations: MixedList<Function | string>;
}

/**
 * A subgraph's own database: MySQL when DATABASE_URL is set (one database per
 * subgraph), else an embedded SQLite file under DATA_DIR.
 */
export class Database {
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  private closing?: Promise<void>;
  private migrated = false;
  private stopPoolMetrics: () => void = () => undefined;

  private constructor(
    readonly dataSource: DataSource,
    readonly kind: DatabaseKind,
    readonly counter: CountingLogger,
    /** MySQL and MariaDB differ in how a statement gets a time limit. */
    readonly server: SqlServer,
    /** The time limit of heavy reads (statistics): STATS_STATEMENT_TIMEOUT_MS. */
    readonly statementTimeoutMs: number,
    private readonly mysqlUrl?: URL,
  ) {}

  /** Opens the database and, unless told otherwise (MIGRATE_ON_START=0: a job migrates), applies its migrations. */
  static async open(config: Config, options: DatabaseOptions, open: { migrate?: boolean } = {}): Promise<Database> {
    const counter = new CountingLogger(config.logQueries);
    const common = {
      entities: options.entities,
      migrations: options.migrations,
      // Migrations run after initialize, under a database lock (see migrate), never raced by replicas.
      migrationsRun: false,
      migrationsTransactionMode: 'each' as const,
      synchronize: false,
      logging: ['query', 'error'] as ('query' | 'error')[],
      logger: counter,
    };
    let dataSource: DataSource;
    let kind: DatabaseKind;
    let server: SqlServer = 'sqlite';
    if (config.databaseUrl) {
      const url = new URL(config.databaseUrl);
      if (url.protocol !== 'mysql:') throw new Error(`DATABASE_URL must be a mysql:// URL, got ${url.protocol}`);
      const database = databaseName(config, options.service);
      server = serverFromVersion(await ensureMysqlDatabase(url, database));
      kind = 'mysql';
      dataSource = new DataSource({
        ...common,
        type: 'mysql',
        host: url.hostname,
        port: Number(url.port || 3306),
        username: decodeURIComponent(url.username || 'root'),
        password: decodeURIComponent(url.password || ''),
        database,
        timezone: 'Z',
        charset: 'utf8mb4_bin',
        dateStrings: ['DATE'],
        // A server that accepts the socket but never greets (frozen, overloaded) fails the connect, not the request.
        connectTimeout: config.database.connectTimeoutMs,
        // mysql2 gives each statement a client-side limit; see boundPool for what happens after it.
        enableQueryTimeout: true,
        maxQueryExecutionTime: config.database.queryTimeoutMs,
        // trace: mysql2 captures a stack trace on every query so an error's stack names its caller; in production
        // that was 2% of a subgraph's CPU (BENCHMARKS.md, session 9), so there a database error's stack ends in mysql2.
        extra: { connectionLimit: 10, trace: !config.production },
      });
    } else {
      fs.mkdirSync(config.dataDir, { recursive: true });
      kind = 'sqlite';
      dataSource = new DataSource({
        ...common,
        type: 'better-sqlite3',
        database: path.join(config.dataDir, `${options.service}.sqlite`),
        enableWAL: true,
        prepareDatabase: (db: { pragma(s: string): unknown }) => {
          db.pragma('busy_timeout = 5000');
        },
      });
    }
    await dataSource.initialize();
    if (kind === 'mysql') boundPool((dataSource.driver as unknown as { pool: Parameters<typeof boundPool>[0] }).pool, config.database);
    const stopPoolMetrics = observeDataSource(dataSource, 10);
    const db = new Database(
      dataSource,
      kind,
      counter,
      server,
      config.statistics.statementTimeoutMs,
      config.databaseUrl ? new URL(config.databaseUrl) : undefined,
    );
    db.stopPoolMetrics = stopPoolMetrics;
    if (open.migrate ?? config.migrateOnStart) {
      try {
        await db.migrate();
      } catch (error) {
        await db.close();
        throw error;
      }
    }
    return db;
  }

  /**
   * Applies pending migrations. On MySQL a named lock (GET_LOCK) makes replicas
   * starting together, or a migration job, take turns: the second finds
   * nothing left to do.
   */
  async migrate(): Promise<void> {
    if (this.kind === 'sqlite' || !this.mysqlUrl) {
      await this.dataSource.runMigrations({ transaction: 'each' });
      this.migrated = true;
      return;
    }
    const lock = `${this.dataSource.options.database as string}.migrations`;
    const connection = await mysqlConnection(this.mysqlUrl);
    try {
      const [[{ got }]] = (await connection.query('SELECT GET_LOCK(?, 300) AS got', [lock])) as unknown as [[{ got: number | null }]];
      if (got !== 1) throw new Error(`Could not take the migration lock "${lock}" within 5 minutes: is a migration stuck?`);
      try {
        await this.withoutQueryTimeout(() => this.dataSource.runMigrations({ transaction: 'each' }));
      } finally {
        await connection.query('SELECT RELEASE_LOCK(?)', [lock]);
      }
    } finally {
      await connection.end();
    }
    this.migrated = true;
  }

  /**
   * A migration (an ALTER of a large table) may rightly run longer than a
   * request's statement limit. Migrations run before the process is ready,
   * so no request shares the lifted limit.
   */
  private async withoutQueryTimeout<T>(fn: () => Promise<T>): Promise<T> {
    const options = this.dataSource.driver.options as { enableQueryTimeout?: boolean };
    const before = options.enableQueryTimeout;
    options.enableQueryTimeout = false;
    try {
      return await fn();
    } finally {
      options.enableQueryTimeout = before;
    }
  }

  /** Why this database cannot serve requests (unreachable, migrations pending), or undefined when it can. */
  async problem(): Promise<string | undefined> {
    if (this.closing || !this.dataSource.isInitialized) return 'the database is closed';
    try {
      await this.dataSource.query('SELECT 1');
      if (!this.migrated) {
        if (await this.dataSource.showMigrations()) return 'migrations are pending';
        this.migrated = true;
      }
      return undefined;
    } catch (error) {
      return `the database is unreachable (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * Runs fn in one transaction. better-sqlite3 shares a single connection, so
   * on SQLite top-level transactions wait their turn, as rows locks would make
   * them on MySQL, instead of failing with "transaction within a transaction".
   * A deadlock victim, a lock wait timeout or a serialisation failure rolled
   * everything back, so the whole transaction runs again (3 attempts in all);
   * `options.retryOn` adds failures the caller knows are races too (a unique
   * key taken by a twin). fn must keep its effects inside the transaction.
   */
  transaction<T>(fn: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const also = options.retryOn;
    return retrying(() => this.once(fn), {
      attempts: options.attempts ?? 3,
      retryOn: (error) => isRetryableConflict(error) || (also ? also(error) : false),
    });
  }

  private once<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.kind === 'mysql') return this.dataSource.transaction(fn);
    const run = this.sqliteQueue.then(() => this.dataSource.transaction(fn));
    this.sqliteQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs a heavy read with the configured time limit (STATS_STATEMENT_TIMEOUT_MS):
   * a statement the database stops throws StatementTimeoutError. Rows come back
   * raw, as getRawMany would give them.
   */
  async selectWithTimeout<T = Record<string, unknown>>(qb: SelectQueryBuilder<ObjectLiteral>): Promise<T[]> {
    const [sql, parameters] = qb.getQueryAndParameters();
    try {
      return (await this.manager.query(withStatementTimeout(sql, this.statementTimeoutMs, this.server), parameters)) as T[];
    } catch (error) {
      if (isStatementTimeout(error)) throw new StatementTimeoutError(this.statementTimeoutMs);
      throw error;
    }
  }

  /** Closes the pool once, after queued SQLite transactions; a second call waits for the first. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopPoolMetrics();
      await this.sqliteQueue.catch(() => undefined);
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    })();
    return this.closing;
  }
}

export function databaseName(config: Config, service: ServiceName): string {
  return `${config.databasePrefix}_${service.replace(/-/g, '_')}`;
}

async function mysqlConnection(url: URL) {
  // mysql2 is loaded lazily so the embedded default never needs a server.
  const mysql = await import('mysql2/promise');
  return mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
  });
}

/** Creates the database if missing; answers the server's version. */
async function ensureMysqlDatabase(url: URL, database: string): Promise<string> {
  const connection = await mysqlConnection(url);
  try {
    // Exact comparisons: ids, board codes and idempotency keys that differ only in case, accents or
    // trailing spaces are different values (the default collations would treat them as equal).
    const [[{ version }]] = (await connection.query('SELECT VERSION() AS version')) as unknown as [[{ version: string }]];
    const collation = /mariadb/i.test(version) ? 'utf8mb4_nopad_bin' : 'utf8mb4_0900_bin';
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE ${collation}`);
    return version;
  } finally {
    await connection.end();
  }
}

/** Drops a subgraph's MySQL database; for test isolation only. */
export async function dropMysqlDatabase(databaseUrl: string, database: string): Promise<void> {
  const url = new URL(databaseUrl);
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
  });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
}
