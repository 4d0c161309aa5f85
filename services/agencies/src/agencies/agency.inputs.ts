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
}
