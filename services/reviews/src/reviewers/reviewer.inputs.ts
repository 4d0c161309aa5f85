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

  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retry safe: the same key (scoped to the caller) with the same input answers the reviewer it first registered; with other input, CONFLICT.',
  })
  idempotencyKey?: string | null;
}
