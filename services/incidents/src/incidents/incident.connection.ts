import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@scr/graphql-kit';
import { Incident } from './incident.entity';

@ObjectType()
export class IncidentEdge {
  @Field(() => Incident)
  node: Incident;

  @Field()
  cursor: string;
}

@ObjectType()
export class IncidentConnection {
  @Field(() => [IncidentEdge])
  edges: IncidentEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
