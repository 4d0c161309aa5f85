import type { Config, ServiceName } from '@scr/config';
import type { RunningServer } from '@scr/graphql-kit';
import { agenciesSubgraph, buildSdl as agenciesSdl } from '@scr/agencies-service';
import { buildSdl as incidentsSdl, incidentsSubgraph } from '@scr/incidents-service';
import { buildSdl as reviewsSdl, reviewsSubgraph } from '@scr/reviews-service';
import { actionPlansSubgraph, buildSdl as actionPlansSdl } from '@scr/action-plans-service';

export interface SubgraphModule {
  name: ServiceName;
  start(config: Config, port?: number): Promise<RunningServer>;
  sdl(): Promise<string>;
}

/** The four subgraphs, in the order they start (the directory first: the others ask it). */
export const SUBGRAPHS: SubgraphModule[] = [
  { ...agenciesSubgraph, sdl: agenciesSdl },
  { ...incidentsSubgraph, sdl: incidentsSdl },
  { ...reviewsSubgraph, sdl: reviewsSdl },
  { ...actionPlansSubgraph, sdl: actionPlansSdl },
];
