import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, PageInfo } from '@scr/graphql-kit';
import { Action } from './action.entity';
import { ImpactRating } from './action.enums';

@ObjectType()
export class ImpactAssessment {
  @Field(() => DateScalar) assessedOn: string;
  @Field(() => ImpactRating) rating: ImpactRating;
  @Field() evidence: string;
}

@ObjectType({ description: 'Counts of actions, for a plan or a whole board, as of a date.' })
export class ActionProgress {
  @Field(() => Int) total: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) inProgress: number;
  @Field(() => Int) overdue: number;
  @Field(() => Int) impactEvidenced: number;
}

@ObjectType({ description: 'What the board publishes: actions taken, their impact, and what more will be done.' })
export class PublicationSummary {
  @Field(() => [String]) actionsTaken: string[];
  @Field(() => [String]) impact: string[];
  @Field(() => [String]) furtherActions: string[];
}

@ObjectType()
export class ActionEdge {
  @Field(() => Action) node: Action;
  @Field() cursor: string;
}

@ObjectType()
export class ActionConnection {
  @Field(() => [ActionEdge]) edges: ActionEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
