import { Field, ID, InputType } from 'type-graphql';
import { AgencySector } from '@scr/graphql-kit';

@InputType()
export class RegisterAgencyInput {
  @Field()
  name: string;

  @Field(() => AgencySector)
  sector: AgencySector;

  @Field(() => [ID])
  boardCodes: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retry safe: the same key (scoped to the caller) with the same input answers the agency it first registered; with other input, CONFLICT.',
  })
  idempotencyKey?: string | null;
}
