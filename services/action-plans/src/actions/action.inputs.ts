import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';
import { ActionStatus, ImpactRating } from './action.enums';

@InputType()
export class CreateActionPlanInput {
  @Field(() => ID) reviewId: string;
}

@InputType()
export class AddActionInput {
  @Field(() => ID) actionPlanId: string;
  @Field() recommendation: string;
  @Field() description: string;
  @Field(() => ID) ownerAgencyId: string;
  @Field(() => DateScalar) dueOn: string;
  @Field(() => [String]) successCriteria: string[];
}

@InputType()
export class UpdateActionInput {
  @Field(() => ID) actionId: string;
  @Field(() => ActionStatus) status: ActionStatus;
  @Field() note: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
export class AssessImpactInput {
  @Field(() => ID) actionId: string;
  @Field(() => ImpactRating) rating: ImpactRating;
  @Field() evidence: string;
  @Field(() => DateScalar) assessedOn: string;
}

@InputType()
export class ActionFilter {
  @Field(() => ID, { nullable: true }) boardCode?: string | null;
  @Field(() => ID, { nullable: true }) ownerAgencyId?: string | null;
  @Field(() => ActionStatus, { nullable: true }) status?: ActionStatus | null;
  @Field(() => Boolean, { nullable: true }) overdue?: boolean | null;
}
