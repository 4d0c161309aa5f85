import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Boards are owned by the agencies subgraph; an incident only names its board's code. */
@ObjectType('Board')
@Directive('@key(fields: "code", resolvable: false)')
export class BoardReference {
  @Field(() => ID)
  code: string;
}
