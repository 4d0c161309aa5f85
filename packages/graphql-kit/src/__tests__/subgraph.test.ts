import type { GraphQLSchema } from 'graphql';
import { loadConfig } from '@scr/config';
import type { Database } from '@scr/db';
import type { RequestContext } from '../context';
import { startSubgraphServer, type SubgraphServerOptions } from '../server';
import { defineSubgraph, type Relay } from '../subgraph';

jest.mock('../server', () => ({ startSubgraphServer: jest.fn() }));
const startServer = jest.mocked(startSubgraphServer);

/** Everything the parts do, in order, so the tests can read the start-up and shutdown sequence. */
let steps: string[];

function fakeRelay(name: string): Relay {
  return {
    start: () => void steps.push(`${name} started`),
    stop: async () => void steps.push(`${name} stopped`),
    poke: () => void steps.push(`${name} poked`),
  };
}

const db = { close: async () => void steps.push('db closed') } as unknown as Database;
const config = loadConfig({});

function define(overrides: { failStart?: boolean } = {}) {
  return defineSubgraph({
    name: 'incidents',
    openDatabase: async () => {
      steps.push('db opened');
      return db;
    },
    buildSchema: async () => ({}) as GraphQLSchema,
    context: (base, parts) => ({ ...base, eventsWritten: parts.eventsWritten }),
    relays: () => ({ events: fakeRelay('events'), panel: undefined as Relay | undefined, audit: fakeRelay('audit') }),
    pokeAfterWrite: ['events', 'panel'],
    internalRoutes: ({ relays }) => {
      steps.push(`routes given ${Object.keys(relays).join(',')}`);
      return () => {};
    },
    ...(overrides.failStart ? { buildSchema: async () => Promise.reject(new Error('bad schema')) } : {}),
  });
}

let options: SubgraphServerOptions<RequestContext & { eventsWritten(): void }>;

beforeEach(() => {
  steps = [];
  startServer.mockReset();
  startServer.mockImplementation(async (given, port) => {
    options = given as unknown as typeof options;
    steps.push(`server listening on ${port}`);
    return { port, stop: async () => void steps.push('server drained') };
  });
});

describe('defineSubgraph', () => {
  it('opens the database, then listens on the configured port, then starts the relays it has', async () => {
    const running = await define().start(config);
    expect(running.port).toBe(config.subgraphPorts.incidents);
    expect(running.db).toBe(db);
    expect(steps).toEqual([
      'db opened',
      'routes given events,panel,audit',
      `server listening on ${config.subgraphPorts.incidents}`,
      'events started',
      'audit started',
    ]);
    expect(options.name).toBe('incidents');
    expect(options.db).toBe(db);
  });

  it('listens on the port it is given', async () => {
    expect((await define().start(config, 0)).port).toBe(0);
  });

  it('stops in the one safe order: the server drains, then the relays, then the pool', async () => {
    const running = await define().start(config);
    steps = [];
    await running.stop({ graceMs: 5 });
    expect(steps).toEqual(['server drained', 'events stopped', 'audit stopped', 'db closed']);
  });

  it("pokes only the relays that carry requests' writes when a request says it wrote events", async () => {
    await define().start(config);
    const ctx = await options.extendContext({ requestId: 'r1' } as RequestContext);
    steps = [];
    ctx.eventsWritten();
    expect(steps).toEqual(['events poked']);
  });

  it('closes the pool and starts no relay when the server cannot start', async () => {
    await expect(define({ failStart: true }).start(config)).rejects.toThrow('bad schema');
    expect(steps).toEqual(['db opened', 'db closed']);
  });

  it('names no record board when the subgraph owns no board-scoped entity', async () => {
    await define().start(config);
    expect(options.recordBoardOf).toBeUndefined();
  });
});
