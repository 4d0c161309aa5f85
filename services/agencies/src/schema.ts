import { buildFederatedSchema, buildSubgraphSdl } from '@scr/graphql-kit';
import { AgencyResolver } from './agencies/agency.resolver';
import { AuditEventsResolver } from './audit/audit-events.resolver';
import { Agency } from './agencies/agency.entity';
import { BoardResolver } from './boards/board.resolver';
import { Board } from './boards/board.entity';
import type { AgenciesContext } from './context';
import { MeResolver } from './me/me.resolver';
import { permissions } from './permissions';
import { PanelDeliveriesResolver } from './webhooks/panel-deliveries.resolver';

const resolvers = [BoardResolver, AgencyResolver, MeResolver, PanelDeliveriesResolver, AuditEventsResolver] as const;

export const referenceResolvers = {
  Board: {
    __resolveReference: (ref: { code: string }, ctx: AgenciesContext): Promise<Board | null> => ctx.loaders.boardByCode.load(ref.code),
  },
  Agency: {
    __resolveReference: (ref: { id: string }, ctx: AgenciesContext): Promise<Agency | null> => ctx.loaders.agencyById.load(ref.id),
  },
};

export const buildSchema = () => buildFederatedSchema({ resolvers: [...resolvers], referenceResolvers, permissions });
export const buildSdl = () => buildSubgraphSdl({ resolvers: [...resolvers] });
