import { Field, ID, InputType, Int } from 'type-graphql';
import { AgencySector, DateScalar, DateTimeScalar } from '@scr/graphql-kit';
import { InformationRequestStatus } from '../information-requests/information-request.entity';
import { PeerChallengeDirection, PeerChallengeStatus } from '../peer-challenges/peer-challenge.entity';
import { DecisionOutcome, LearningTheme, ParallelProcessKind, ReviewKind, ReviewStage } from './review.enums';

@InputType()
export class ReviewFilter {
  @Field(() => [ID], { nullable: true }) boardCodes?: string[] | null;
  @Field(() => ReviewStage, { nullable: true }) stage?: ReviewStage | null;
  @Field(() => ReviewKind, { nullable: true }) kind?: ReviewKind | null;
}

@InputType()
export class RecordDecisionInput {
  @Field(() => ID) reviewId: string;
  @Field(() => DecisionOutcome) outcome: DecisionOutcome;
  @Field() criteriaMet: boolean;
  @Field(() => [AgencySector], {
    nullable: true,
    defaultValue: [],
    description: 'Partnership regime: the three safeguarding partners who agreed.',
  })
  partnersAgreed?: AgencySector[] | null;
  @Field() rationale: string;
  @Field(() => DateScalar) decidedOn: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
}

@InputType()
export class RequestPeerChallengeInput {
  @Field(() => ID) reviewId: string;
  @Field(() => ID) challengerBoardCode: string;
  @Field() question: string;
  @Field(() => DateTimeScalar) accessUntil: Date;
}

@InputType()
export class RespondToPeerChallengeInput {
  @Field(() => ID) peerChallengeId: string;
  @Field() response: string;
}

@InputType()
export class PeerChallengeFilter {
  @Field(() => PeerChallengeDirection, { nullable: true }) direction?: PeerChallengeDirection | null;
  @Field(() => PeerChallengeStatus, { nullable: true }) status?: PeerChallengeStatus | null;
}

@InputType()
export class SetMethodologyInput {
  @Field(() => ID) reviewId: string;
  @Field() name: string;
  @Field() dataCollection: string;
  @Field() analysis: string;
}

@InputType()
export class AppointReviewerInput {
  @Field(() => ID) reviewId: string;
  @Field(() => ID) reviewerId: string;
  @Field() lead: boolean;
  @Field(() => DateScalar) appointedOn: string;
  @Field() independenceStatement: string;
}

@InputType()
export class InvolveAgencyInput {
  @Field(() => ID) reviewId: string;
  @Field(() => ID) agencyId: string;
}

@InputType()
export class RequestInformationInput {
  @Field(() => ID) reviewId: string;
  @Field(() => ID) agencyId: string;
  @Field() purpose: string;
  @Field() necessity: string;
  @Field() proportionality: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) statutory?: boolean | null;
  @Field(() => DateScalar) dueOn: string;
}

@InputType()
export class RespondToInformationRequestInput {
  @Field(() => ID) informationRequestId: string;
  @Field() response: string;
}

@InputType()
export class WithdrawInformationRequestInput {
  @Field(() => ID) informationRequestId: string;
  @Field() reason: string;
}

@InputType()
export class InformationRequestFilter {
  @Field(() => ID, { nullable: true }) reviewId?: string | null;
  @Field(() => InformationRequestStatus, { nullable: true }) status?: InformationRequestStatus | null;
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
