import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateScalar, DeadlineStatusEnum, AuthenticatedCtx, type Authenticated } from '@scr/graphql-kit';
import { BoardReference } from '../boards/board.reference';
import { IncidentChild } from '../children/child.entity';
import type { IncidentsContext } from '../context';
import { IncidentConnection } from './incident.connection';
import { Incident } from './incident.entity';
import { AbuseType, NotificationRecipient } from './incident.enums';
import { CorrectIncidentInput, IncidentFilter, ReportIncidentInput } from './incident.inputs';
import { incidentRegime } from './incident-regime';
import { notificationStatus, notifiedTo } from './incident.rules';
import { listIncidents } from './list-incidents';
import { correctIncident, recordNotification, reportIncident } from './incident.service';

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { nullable: true })
  incident(@Arg('id', () => ID) id: string, @Ctx() ctx: IncidentsContext) {
    return ctx.loaders.incidentById.load(id);
  }

  @Query(() => IncidentConnection)
  incidents(
    @Ctx() ctx: IncidentsContext,
    @Arg('filter', () => IncidentFilter, { nullable: true }) filter?: IncidentFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listIncidents(ctx, filter, first, after);
  }

  @Mutation(() => Incident)
  reportIncident(@Arg('input') input: ReportIncidentInput, @AuthenticatedCtx() ctx: Authenticated<IncidentsContext>) {
    return reportIncident(ctx, input);
  }

  @Mutation(() => Incident)
  correctIncident(@Arg('input') input: CorrectIncidentInput, @Ctx() ctx: IncidentsContext) {
    return correctIncident(ctx, input);
  }

  @Mutation(() => Incident)
  recordNotification(@Arg('incidentId', () => ID) incidentId: string, @Arg('notifiedOn', () => DateScalar) notifiedOn: string, @Ctx() ctx: IncidentsContext) {
    return recordNotification(ctx, incidentId, notifiedOn);
  }

  @FieldResolver(() => BoardReference)
  board(@Root() incident: Incident): BoardReference {
    return { code: incident.boardCode };
  }

  @FieldResolver(() => DeadlineStatusEnum)
  notificationStatus(@Root() incident: Incident, @Ctx() ctx: IncidentsContext) {
    return notificationStatus(incident, ctx.today);
  }

  @FieldResolver(() => [NotificationRecipient], { description: 'Who the notification goes to (DOMAIN.md step 1); empty for a referral.' })
  async notifiedTo(@Root() incident: Incident, @Ctx() ctx: IncidentsContext): Promise<NotificationRecipient[]> {
    if (!incident.notifiable) return [];
    return notifiedTo(incident, await incidentRegime(ctx, incident));
  }

  @FieldResolver(() => [IncidentChild])
  async children(@Root() incident: Incident, @Ctx() ctx: IncidentsContext) {
    const children = await ctx.loaders.childrenByIncident.load(incident.id);
    // The child resolver needs the owning board to decide whether identity may be shown.
    return children.map((c) => Object.assign(Object.create(Object.getPrototypeOf(c)), c, { boardCode: incident.boardCode }));
  }

  @FieldResolver(() => [AbuseType])
  abuseTypes(@Root() incident: Incident, @Ctx() ctx: IncidentsContext) {
    return ctx.loaders.abuseTypesByIncident.load(incident.id);
  }
}
