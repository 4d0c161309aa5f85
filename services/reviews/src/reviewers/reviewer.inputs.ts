import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class RegisterReviewerInput {
  @Field()
  name: string;

  @Field(() => [String])
  qualifications: string[];

  @Field(() => [ID], { defaultValue: [] })
  affiliatedAgencyIds: string[];

  @Field(() => [ID], { defaultValue: [] })
  affiliatedBoardCodes: string[];
}
