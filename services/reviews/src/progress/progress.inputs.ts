import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';
import { LearningTheme, ParallelProcessKind } from '../reviews/review.enums';

@InputType()
export class SetMethodologyInput {
  @Field(() => ID) reviewId: string;
  @Field() name: string;
  @Field() dataCollection: string;
  @Field() analysis: string;
}

@InputType()
export class ExtendTimescaleInput {
  @Field(() => ID) reviewId: string;
  @Field() reason: string;
  @Field(() => DateScalar) completionDueOn: string;
  @Field(() => [String]) interimLearning: string[];
  @Field(() => DateScalar, { nullable: true, description: 'When the board agreed it; today when omitted. Not after the current due date (DOMAIN.md step 7).' })
  agreedOn?: string | null;
}

@InputType()
export class LinkParallelProcessInput {
  @Field(() => ID) reviewId: string;
  @Field(() => ParallelProcessKind) kind: ParallelProcessKind;
  @Field() reference: string;
  @Field(() => String, { nullable: true }) leadOrganisation?: string | null;
}

@InputType()
export class RecordFamilyEngagementInput {
  @Field(() => ID) reviewId: string;
  @Field() participant: string;
  @Field(() => DateScalar) engagedOn: string;
  @Field() contributed: boolean;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class SetThemesInput {
  @Field(() => ID) reviewId: string;
  @Field(() => [LearningTheme]) themes: LearningTheme[];
}

@InputType()
export class CompleteReviewInput {
  @Field(() => ID) reviewId: string;
  @Field(() => DateScalar) completedOn: string;
  @Field() findings: string;
}

@InputType()
export class RecordFindingsInput {
  @Field(() => ID) reviewId: string;
  @Field() findings: string;
  @Field(() => [String], { nullable: true, description: 'Examples of good practice to share; replaces the list when given, leaves it when omitted.' })
  goodPractice?: string[] | null;
}
