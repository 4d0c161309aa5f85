import type { Config, ServiceName } from '@scr/config';
import type { RunningServer } from '@scr/graphql-kit';
import { buildSdl as agenciesSdl, startAgencies } from '@scr/agencies-service';
import { buildSdl as incidentsSdl, startIncidents } from '@scr/incidents-service';
import { buildSdl as reviewsSdl, startReviews } from '@scr/reviews-service';
import { buildSdl as actionPlansSdl, startActionPlans } from '@scr/action-plans-service';

export interface SubgraphModule {
  name: ServiceName;
  start(config: Config, port?: number): Promise<RunningServer>;
  sdl(): Promise<string>;
}

/** The four subgraphs, in the order they start (the directory first: the others ask it). */
export const SUBGRAPHS: SubgraphModule[] = [
  { name: 'agencies', start: startAgencies, sdl: agenciesSdl },
  { name: 'incidents', start: startIncidents, sdl: incidentsSdl },
  { name: 'reviews', start: startReviews, sdl: reviewsSdl },
  { name: 'action-plans', start: startActionPlans, sdl: actionPlansSdl },
];
