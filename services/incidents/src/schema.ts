import { buildFederatedSchema, buildSubgraphSdl } from '@scr/graphql-kit';
import { AnnualReportResolver, annualReportWindow } from './annual-report/annual-report.resolver';
import { AnnualReport } from './annual-report/annual-report.type';
import { BoardNameResolver } from './boards/board-name.resolver';
import { BoardsQueryResolver } from './boards/boards-query.resolver';
import { IncidentChildResolver } from './children/child.resolver';
import type { IncidentsContext } from './context';
import { Incident } from './incidents/incident.entity';
import { IncidentConnectionResolver } from './incidents/incident.connection';
import { IncidentResolver } from './incidents/incident.resolver';
import { PanelResolver } from './panel/panel.resolver';
import { permissions } from './permissions';
import { IncidentStatsResolver } from './stats/incident-stats.resolver';

const resolvers = [
  IncidentResolver,
  IncidentConnectionResolver,
  IncidentChildResolver,
  IncidentStatsResolver,
  PanelResolver,
  AnnualReportResolver,
  BoardNameResolver,
  BoardsQueryResolver,
] as const;

export const referenceResolvers = {
  Incident: {
    // Scoped like the incident query: outside the caller's scope it resolves to null.
    __resolveReference: (ref: { id: string }, ctx: IncidentsContext): Promise<Incident | null> => ctx.loaders.incidentById.load(ref.id),
  },
  Board: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
  AnnualReport: {
    __resolveReference: (ref: { boardCode: string; financialYear: string }, ctx: IncidentsContext) => {
      annualReportWindow(ref.financialYear, ctx.today);
      return { boardCode: ref.boardCode, financialYear: ref.financialYear };
    },
  },
};

// Reached only through federation (an entity of the reviews subgraph's Board.annualReport), never from this subgraph's roots.
const orphanedTypes = [AnnualReport];

export const buildSchema = () => buildFederatedSchema({ resolvers: [...resolvers], orphanedTypes, referenceResolvers, permissions });
export const buildSdl = () => buildSubgraphSdl({ resolvers: [...resolvers], orphanedTypes });
