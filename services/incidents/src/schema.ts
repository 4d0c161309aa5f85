import { buildFederatedSchema, buildSubgraphSdl } from '@scr/graphql-kit';
import { IncidentChildResolver } from './children/child.resolver';
import type { IncidentsContext } from './context';
import { Incident } from './incidents/incident.entity';
import { IncidentResolver } from './incidents/incident.resolver';
import { PanelResolver } from './panel/panel.resolver';
import { permissions } from './permissions';
import { IncidentStatsResolver } from './stats/incident-stats.resolver';

const resolvers = [IncidentResolver, IncidentChildResolver, IncidentStatsResolver, PanelResolver] as const;

export const referenceResolvers = {
  Incident: {
    // Scoped like the incident query: outside the caller's scope it resolves to null.
    __resolveReference: (ref: { id: string }, ctx: IncidentsContext): Promise<Incident | null> =>
      ctx.loaders.incidentById.load(ref.id),
  },
  Board: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
};

export const buildSchema = () => buildFederatedSchema({ resolvers: [...resolvers], referenceResolvers, permissions });
export const buildSdl = () => buildSubgraphSdl({ resolvers: [...resolvers] });
