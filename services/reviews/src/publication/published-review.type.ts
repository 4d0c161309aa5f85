import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@scr/graphql-kit';
import { ReviewKind } from '../reviews/review.enums';
import { Publication } from '../reviews/review.values';

/**
 * What anyone may read of a published review. A type of its own, built from
 * the public columns only: nothing confidential can be asked for here, however
 * an operation is written, because the type has no such field.
 */
@ObjectType({ description: 'What anyone may read of a published review: its type holds public fields only.' })
export class PublishedReview {
  @Field(() => ID) id: string;
  @Field() reference: string;
  @Field(() => ReviewKind) kind: ReviewKind;
  @Field(() => Publication) publication: Publication;
  boardCode: string;
}

@ObjectType()
export class PublishedReviewEdge {
  @Field(() => PublishedReview) node: PublishedReview;
  @Field() cursor: string;
}

@ObjectType()
export class PublishedReviewConnection {
  @Field(() => [PublishedReviewEdge]) edges: PublishedReviewEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
