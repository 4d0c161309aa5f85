import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Reviews are owned by the reviews subgraph; this subgraph adds their action plan. */
@ObjectType('Review')
@Directive('@key(fields: "id")')
export class ReviewReference {
  @Field(() => ID)
  id: string;
}
