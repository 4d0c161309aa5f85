import { Field, ID, InputType } from 'type-graphql';
import { ReviewKind, ReviewStage } from './review.enums';

@InputType()
export class ReviewFilter {
  @Field(() => [ID], { nullable: true }) boardCodes?: string[] | null;
  @Field(() => ReviewStage, { nullable: true }) stage?: ReviewStage | null;
  @Field(() => ReviewKind, { nullable: true }) kind?: ReviewKind | null;
}
