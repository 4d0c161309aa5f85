import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';

@InputType()
export class AppointReviewerInput {
  @Field(() => ID) reviewId: string;
  @Field(() => ID) reviewerId: string;
  @Field() lead: boolean;
  @Field(() => DateScalar) appointedOn: string;
  @Field() independenceStatement: string;
}

@InputType()
export class InvolveAgencyInput {
  @Field(() => ID) reviewId: string;
  @Field(() => ID) agencyId: string;
}
