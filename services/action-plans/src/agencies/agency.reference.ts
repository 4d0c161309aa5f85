import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Agencies are owned by the agencies subgraph; here only the key is known. */
@ObjectType('Agency')
@Directive('@key(fields: "id", resolvable: false)')
export class AgencyReference {
  @Field(() => ID)
  id: string;
}
