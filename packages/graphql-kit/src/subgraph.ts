import type { Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Config, ServiceName } from '@scr/config';
import type { Database } from '@scr/db';
import { answer, directoryChanged } from '@scr/internal-api';
import { logger } from '@scr/observability';
import { recordBoardOf } from './audit/record-board';
import type { RequestContext } from './context';
import { DirectoryCopy } from './directory-copy';
import { InternalClient } from './internal-client';
import { runProcess } from './lifecycle';
import { startSubgraphServer, type RunningServer } from './server';

/**
 * A background worker the subgraph runs beside its server, such as an outbox
 * relay (@scr/outbox's OutboxRelay fits; graphql-kit stays free of the outbox).
 */
export interface Relay {
  start(): void;
  /** Resolves once the work in flight is done, so the pool can close under it safely. */
  stop(): Promise<void>;
  poke(): void;
}

/** A subgraph's relays by name; undefined for one not configured (a panel relay without a webhook). */
export type Relays = Record<string, Relay | undefined>;

/** What a subgraph's relays are built from. */
export interface SubgraphBase {
  config: Config;
  db: Database;
  /** One client to sibling services for the whole subgraph (it holds no state of its own). */
  internal: InternalClient;
  /** Board and agency names to show beside this subgraph's records, copied from the directory. */
  directory: DirectoryCopy;
}

/** What a subgraph's request contexts are built from. */
export interface SubgraphParts extends SubgraphBase {
  /** Pokes the relays named in pokeAfterWrite: call it after committing events, so they leave at once. */
  eventsWritten(): void;
}

export interface SubgraphDefinition<C extends RequestContext, R extends Relays = Relays> {
  name: ServiceName;
  openDatabase(config: Config): Promise<Database>;
  buildSchema(): Promise<GraphQLSchema>;
  /** Adds the service's own parts (database, loaders, clients) to each request's base context. */
  context(base: RequestContext, parts: SubgraphParts): C;
  /** Entities with a board_code column, so the audit row of a refusal or probe names the record's board. */
  boardOwned?: EntityTarget<ObjectLiteral>[];
  /** Started once the server listens; stopped after it has drained (requests may still write events), before the pool closes. */
  relays?(base: SubgraphBase): R;
  /** The relays that carry what requests write: poked once the events are committed. */
  pokeAfterWrite?: readonly (keyof R & string)[];
  /** The relay that ships audit rows to the directory: poked after each request that wrote one. */
  pokeAfterAudit?: keyof R & string;
  /** JSON routes for sibling services, mounted under /internal behind the platform secret. */
  internalRoutes?(parts: SubgraphParts & { relays: R }): (router: Router) => void;
}

export interface Subgraph {
  name: ServiceName;
  /** Opens the database, starts the server (on the configured port unless given one), then the relays. */
  start(config: Config, port?: number): Promise<RunningServer>;
}

/**
 * One subgraph's whole life in one place: start-up (database, schema, HTTP
 * server, relays), health (the server's /health/ready asks the database) and
 * shutdown in the one safe order: the server drains first, since requests in
 * flight may write events; then the relays deliver what they hold; then the
 * pool closes.
 */
export function defineSubgraph<C extends RequestContext, R extends Relays = Relays>(definition: SubgraphDefinition<C, R>): Subgraph {
  const { name } = definition;
  return {
    name,
    async start(config, port = config.subgraphPorts[name]) {
      const db = await definition.openDatabase(config);
      try {
        return await startOn(definition, config, db, port);
      } catch (error) {
        // A failed start (port taken, bad schema) must not leave the pool open behind it.
        await db.close();
        throw error;
      }
    },
  };
}

async function startOn<C extends RequestContext, R extends Relays>(
  definition: SubgraphDefinition<C, R>,
  config: Config,
  db: Database,
  port: number,
): Promise<RunningServer> {
  const schema = await definition.buildSchema();
  const internal = new InternalClient(config);
  const base: SubgraphBase = { config, db, internal, directory: new DirectoryCopy(internal) };
  const relays = definition.relays?.(base) ?? ({} as R);
  const poked = (definition.pokeAfterWrite ?? []).map((key) => relays[key]);
  const parts = {
    ...base,
    relays,
    eventsWritten: () => poked.forEach((relay) => relay?.poke()),
  };
  const server = await startSubgraphServer(
    {
      name: definition.name,
      config,
      schema,
      db,
      recordBoardOf: definition.boardOwned ? recordBoardOf(db, definition.boardOwned) : undefined,
      auditRowsWritten: definition.pokeAfterAudit ? () => relays[definition.pokeAfterAudit!]?.poke() : undefined,
      extendContext: (request) => definition.context(request, parts),
      internalRoutes: withDirectoryNotices(definition.name, base.directory, definition.internalRoutes?.(parts)),
    },
    port,
  );
  const running = Object.values(relays).filter((relay): relay is Relay => !!relay);
  running.forEach((relay) => relay.start());
  return {
    port: server.port,
    db,
    async stop(options) {
      await server.stop(options);
      await Promise.all(running.map((relay) => relay.stop()));
      await db.close();
    },
  };
}

/** Runs a subgraph as its own process (see runProcess): SIGTERM drains it, stops its relays, closes its pool. */
export function runSubgraph(subgraph: Subgraph): void {
  runProcess(subgraph.name, async (config) => {
    const server = await subgraph.start(config);
    // The launcher and the multi-process tests wait for this line.
    logger.info(`${subgraph.name}: ready on ${config.subgraphHost}:${server.port}`);
    return server;
  });
}

/** Every subgraph but the directory itself hears when the directory's names change, and drops its copy. */
function withDirectoryNotices(name: ServiceName, directory: DirectoryCopy, own?: (router: Router) => void): (router: Router) => void {
  return (router) => {
    if (name !== 'agencies') {
      answer(router, directoryChanged(name), () => {
        directory.drop();
        return Promise.resolve({ dropped: true });
      });
    }
    own?.(router);
  };
}
