import { defineSubgraph } from '@scr/graphql-kit';
import { createContext } from './context';
import { openDatabase } from './database';
import { internalRoutes } from './internal.routes';
import { buildSchema } from './schema';

export { buildSdl } from './schema';
export { openDatabase } from './database';

/** The agencies subgraph (boards and agencies: the directory). It keeps the consortium's audit trail, so ships none. */
export const agenciesSubgraph = defineSubgraph({
  name: 'agencies',
  openDatabase,
  buildSchema,
  context: createContext,
  internalRoutes: ({ db }) => internalRoutes(db),
});
