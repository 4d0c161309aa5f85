import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, PageInfo } from '@scr/graphql-kit';
import { ParallelProcessKind } from './review.enums';
import { Review } from './review.entity';

@ObjectType()
export class TimescaleExtension {
  @Field() reason: string;
  @Field(() => DateScalar) completionDueOn: string;
  @Field(() => [String]) interimLearning: string[];
  @Field(() => DateScalar) agreedOn: string;
}

@ObjectType()
export class ParallelProcess {
  @Field(() => ParallelProcessKind) kind: ParallelProcessKind;
  @Field() reference: string;
  @Field(() => String, { nullable: true }) leadOrganisation: string | null;
}

@ObjectType()
export class FamilyEngagement {
  @Field() participant: string;
  @Field(() => DateScalar) engagedOn: string;
  @Field() contributed: boolean;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType()
export class ReviewEdge {
  @Field(() => Review) node: Review;
  @Field() cursor: string;
}

@ObjectType()
export class ReviewConnection {
  @Field(() => [ReviewEdge]) edges: ReviewEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
