import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';

@InputType()
export class UpdateBoardInput {
  @Field(() => ID)
  code: string;

  @Field({ nullable: true })
  name?: string;

  @Field(() => DateScalar, { nullable: true })
  partnershipArrangementsFrom?: string | null;
}
