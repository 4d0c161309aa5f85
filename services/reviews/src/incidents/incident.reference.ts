import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Incidents are owned by the incidents subgraph; this subgraph adds their reviews. */
@ObjectType('Incident')
@Directive('@key(fields: "id")')
export class IncidentReference {
  @Field(() => ID)
  id: string;
}
