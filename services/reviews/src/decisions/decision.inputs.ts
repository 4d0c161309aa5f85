import { Field, ID, InputType, Int } from 'type-graphql';
import { AgencySector, DateScalar } from '@scr/graphql-kit';
import { DecisionOutcome } from '../reviews/review.enums';

@InputType()
export class RecordDecisionInput {
  @Field(() => ID) reviewId: string;
  @Field(() => DecisionOutcome) outcome: DecisionOutcome;
  @Field() criteriaMet: boolean;
  @Field(() => [AgencySector], {
    nullable: true,
    defaultValue: [],
    description: 'Partnership regime: the three safeguarding partners who agreed.',
  })
  partnersAgreed?: AgencySector[] | null;
  @Field() rationale: string;
  @Field(() => DateScalar) decidedOn: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
}
