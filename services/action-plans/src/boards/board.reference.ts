import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Boards are owned by the agencies subgraph; here only the key is known. */
@ObjectType('Board')
@Directive('@key(fields: "code", resolvable: false)')
export class BoardReference {
  @Field(() => ID)
  code: string;
}
