import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';

@InputType()
export class PublishReviewInput {
  @Field(() => ID) reviewId: string;
  @Field() url: string;
  @Field(() => DateScalar) sentToPanelOn: string;
  @Field(() => DateScalar) publishedOn: string;
  @Field() plainEnglishSummary: string;
  @Field() welfareImpactConsidered: boolean;
  @Field() dataProtectionChecked: boolean;
  @Field() courtRestrictionsChecked: boolean;
  @Field(() => DateScalar, { nullable: true }) embargoUntil?: string | null;
}
