import type { Config } from '@scr/config';
import { startSubgraphServer, type RunningServer } from '@scr/graphql-kit';
import { createContext } from './context';
import { openDatabase } from './database';
import { internalRoutes } from './internal.routes';
import { buildSchema } from './schema';

export { buildSdl } from './schema';
export { openDatabase } from './database';

/** Starts the agencies subgraph (boards and agencies: the directory). */
export async function startAgencies(config: Config, port = config.subgraphPorts.agencies): Promise<RunningServer> {
  const db = await openDatabase(config);
  const schema = await buildSchema();
  const server = await startSubgraphServer(
    { name: 'agencies', config, schema, db, extendContext: (base) => createContext(config, db, base), internalRoutes: internalRoutes(db) },
    port,
  );
  return {
    port: server.port,
    db,
    // Requests in flight first, then the pool.
    async stop(options) {
      await server.stop(options);
      await db.close();
    },
  };
}
