import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Boards are owned by the agencies subgraph; this subgraph adds their review statistics. */
@ObjectType('Board')
@Directive('@key(fields: "code")')
export class BoardReference {
  @Field(() => ID)
  code: string;
}
