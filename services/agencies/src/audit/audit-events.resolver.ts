import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AgenciesContext } from '../context';
import { AuditEventConnection, AuditEventFilter, AuditEventType } from './audit-event.types';
import { listAuditEvents } from './audit-events.service';

@Resolver(() => AuditEventType)
export class AuditEventsResolver {
  @Query(() => AuditEventConnection, { description: "The audit trail: the whole consortium's for ADMIN, the own board's for a chair." })
  auditEvents(
    @Ctx() ctx: AgenciesContext,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listAuditEvents(ctx, filter, first, after);
  }
}
