import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '@scr/graphql-kit';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILING = 'FAILING',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType({ description: "One event for the national panel's webhook and how its delivery stands." })
export class PanelWebhookDelivery {
  @Field(() => ID, { description: 'The event id, sent as X-Panel-Event-Id.' }) id: string;
  @Field({ description: 'incident.notified, review.decision_recorded or review.published.' }) type: string;
  @Field({ description: 'The subgraph whose outbox holds the event.' }) service: string;
  @Field(() => DateTimeScalar) occurredAt: Date;
  @Field(() => WebhookDeliveryStatus) status: WebhookDeliveryStatus;
  @Field(() => Int, { description: 'Failed attempts so far.' }) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) deliveredAt: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) nextAttemptAt: Date | null;
}
