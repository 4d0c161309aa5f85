import { Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
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

  /** Counts every row of the list (scope and filters), not just the page. */
  countTotal: () => Promise<number>;
}

@Resolver(() => IncidentConnection)
export class IncidentConnectionResolver {
  /** Counting a board's every incident costs far more than its page: done only when the selection asks for it. */
  @FieldResolver(() => Int)
  totalCount(@Root() connection: IncidentConnection): Promise<number> {
    return connection.countTotal();
  }
}
