import type { Config, ServiceName } from '@scr/config';
import type { RunningServer } from '@scr/graphql-kit';
import { startGateway, type RunningGateway } from '@scr/gateway';
import { SUBGRAPHS } from './subgraphs';

export interface Platform {
  gateway: RunningGateway;
  services: Map<ServiceName, RunningServer>;
  /** Stops one subgraph, as a crash or a deploy would. */
  stopService(name: ServiceName): Promise<void>;
  startService(name: ServiceName): Promise<void>;
  stop(): Promise<void>;
}

/** The four subgraphs and the gateway in one process: for `pnpm start` and the end-to-end tests. */
export async function startPlatform(config: Config): Promise<Platform> {
  const services = new Map<ServiceName, RunningServer>();
  for (const subgraph of SUBGRAPHS) services.set(subgraph.name, await subgraph.start(config));
  const gateway = await startGateway(config);
  const find = (name: ServiceName) => SUBGRAPHS.find((s) => s.name === name)!;
  return {
    gateway,
    services,
    async stopService(name) {
      await services.get(name)?.stop();
      services.delete(name);
    },
    async startService(name) {
      if (!services.has(name)) services.set(name, await find(name).start(config));
    },
    async stop() {
      await gateway.stop();
      for (const name of [...services.keys()].reverse()) await services.get(name)!.stop();
      services.clear();
    },
  };
}
