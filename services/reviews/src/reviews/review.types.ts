import { Field, Int, ObjectType } from 'type-graphql';
import { AgencySector, DateScalar, PageInfo } from '@scr/graphql-kit';
import { DecisionOutcome, ParallelProcessKind } from './review.enums';
import { Review } from './review.entity';

@ObjectType()
export class ReviewDecision {
  @Field(() => DecisionOutcome) outcome: DecisionOutcome;
  @Field() criteriaMet: boolean;
  @Field(() => [AgencySector]) partnersAgreed: AgencySector[];
  @Field() rationale: string;
  @Field(() => DateScalar) decidedOn: string;
  @Field() decidedBy: string;
  @Field() onTime: boolean;
}

@ObjectType()
export class TimescaleExtension {
  @Field() reason: string;
  @Field(() => DateScalar) completionDueOn: string;
  @Field(() => [String]) interimLearning: string[];
  @Field(() => DateScalar) agreedOn: string;
}

@ObjectType()
export class Methodology {
  @Field() name: string;
  @Field() dataCollection: string;
  @Field() analysis: string;
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
export class Publication {
  @Field() url: string;
  @Field(() => DateScalar) sentToPanelOn: string;
  @Field(() => DateScalar) publishedOn: string;
  @Field(() => DateScalar) availableUntil: string;
  @Field() plainEnglishSummary: string;
  @Field() welfareImpactConsidered: boolean;
  @Field() dataProtectionChecked: boolean;
  @Field() courtRestrictionsChecked: boolean;
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
