import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { DateTimeScalar } from '@scr/graphql-kit';
import type { IncidentsContext } from '../context';
import { panelFeed } from './panel-feed';
import { PanelNotification, PanelNotificationConnection } from './panel-notification.types';

@Resolver(() => PanelNotification)
export class PanelResolver {
  @Query(() => PanelNotificationConnection, { description: 'Notified incidents of every board, for the national panel, oldest first.' })
  panelNotifications(
    @Ctx() ctx: IncidentsContext,
    @Arg('since', () => DateTimeScalar, { nullable: true }) since?: Date,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return panelFeed(ctx, since, first, after);
  }
}
