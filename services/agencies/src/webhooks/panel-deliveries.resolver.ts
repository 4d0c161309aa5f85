import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { InternalClient } from '@scr/graphql-kit';
import type { AgenciesContext } from '../context';
import { PanelWebhookDelivery, WebhookDeliveryStatus } from './panel-delivery.type';
import { panelDeliveries, retryPanelDelivery } from './panel-deliveries.service';

@Resolver(() => PanelWebhookDelivery)
export class PanelDeliveriesResolver {
  @Query(() => [PanelWebhookDelivery], { description: "ADMIN: delivery state of the national panel's webhook events across the platform, newest first." })
  panelWebhookDeliveries(
    @Ctx() ctx: AgenciesContext,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true }) status?: WebhookDeliveryStatus,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
  ) {
    return panelDeliveries(new InternalClient(ctx.config), status, first);
  }

  @Mutation(() => Boolean, { description: 'ADMIN: retry an undelivered panel event now instead of waiting for its backoff.' })
  retryPanelWebhookDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: AgenciesContext) {
    return retryPanelDelivery(new InternalClient(ctx.config), id);
  }
}
