/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AbuseOrNeglect =
  | 'KNOWN'
  | 'NOT_KNOWN'
  | 'SUSPECTED';

export type AbuseType =
  | 'EMOTIONAL'
  | 'EXTRA_FAMILIAL_HARM'
  | 'NEGLECT'
  | 'OTHER'
  | 'PHYSICAL'
  | 'SEXUAL';

export type ActionStatus =
  | 'COMPLETED'
  | 'DROPPED'
  | 'IN_PROGRESS'
  | 'NOT_STARTED';

export type AddActionInput = {
  actionPlanId: string | number;
  description: string;
  dueOn: string;
  ownerAgencyId: string | number;
  recommendation: string;
  successCriteria: Array<string>;
};

export type AgeBand =
  | 'AGE_1_TO_5'
  | 'AGE_6_TO_10'
  | 'AGE_11_TO_15'
  | 'AGE_16_PLUS'
  | 'UNDER_1'
  | 'UNKNOWN';

export type AgencySector =
  | 'CHILDRENS_SOCIAL_CARE'
  | 'EDUCATION'
  | 'HEALTH'
  | 'HOUSING'
  | 'OTHER'
  | 'POLICE'
  | 'PROBATION'
  | 'VOLUNTARY'
  | 'YOUTH_JUSTICE';

export type AppointReviewerInput = {
  appointedOn: string;
  independenceStatement: string;
  lead: boolean;
  reviewId: string | number;
  reviewerId: string | number;
};

export type BoardKind =
  | 'LSCB'
  | 'SAFEGUARDING_PARTNERSHIP';

export type CompleteReviewInput = {
  completedOn: string;
  findings: string;
  reviewId: string | number;
};

export type CreateActionPlanInput = {
  reviewId: string | number;
};

export type DeadlineStatus =
  | 'LATE'
  | 'MET'
  | 'OVERDUE'
  | 'PENDING';

export type DecisionOutcome =
  | 'COMMISSION_ALTERNATIVE_REVIEW'
  | 'INITIATE_REVIEW'
  | 'NO_FURTHER_REVIEW';

export type Ethnicity =
  | 'ASIAN_OR_ASIAN_BRITISH'
  | 'BLACK_OR_BLACK_BRITISH'
  | 'MIXED'
  | 'NOT_KNOWN'
  | 'OTHER_ETHNIC_GROUP'
  | 'REFUSED'
  | 'WHITE';

export type ExtendTimescaleInput = {
  /** When the board agreed it; today when omitted. Not after the current due date (DOMAIN.md step 7). */
  agreedOn?: string | null | undefined;
  completionDueOn: string;
  interimLearning: Array<string>;
  reason: string;
  reviewId: string | number;
};

export type IncidentChildInput = {
  ageBand?: AgeBand | null | undefined;
  dateOfBirth?: string | null | undefined;
  disability?: boolean | null | undefined;
  ethnicity?: Ethnicity | null | undefined;
  fullName: string;
  pseudonym: string;
  sex: Sex;
  socialCareStatus: SocialCareStatus;
};

export type IncidentDimension =
  | 'ABUSE_TYPE'
  | 'AGE_BAND'
  | 'CRITERION'
  | 'ETHNICITY'
  | 'SEX'
  | 'SOCIAL_CARE_STATUS';

export type IncidentFilter = {
  awareFrom?: string | null | undefined;
  awareTo?: string | null | undefined;
  boardCodes?: Array<string | number> | null | undefined;
  criterion?: NotifiableCriterion | null | undefined;
  notificationStatus?: DeadlineStatus | null | undefined;
};

export type InformationRequestStatus =
  | 'OPEN'
  | 'OVERDUE'
  | 'RESPONDED'
  | 'WITHDRAWN';

export type Interval =
  | 'FINANCIAL_YEAR'
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR';

export type InvolveAgencyInput = {
  agencyId: string | number;
  reviewId: string | number;
};

export type LearningTheme =
  | 'CHILD_SEXUAL_EXPLOITATION'
  | 'DISABILITY'
  | 'DOMESTIC_ABUSE'
  | 'EDUCATION_AND_ATTENDANCE'
  | 'EXTRA_FAMILIAL_HARM'
  | 'INFORMATION_SHARING'
  | 'NEGLECT'
  | 'NON_ACCIDENTAL_INJURY'
  | 'ONLINE_HARM'
  | 'OTHER'
  | 'PARENTAL_MENTAL_HEALTH'
  | 'PARENTAL_SUBSTANCE_MISUSE'
  | 'RACE_AND_CULTURE'
  | 'SAFE_SLEEPING'
  | 'SELF_HARM_AND_SUICIDE'
  | 'VOICE_OF_THE_CHILD';

export type NotifiableCriterion =
  | 'CHILD_DIED'
  | 'CHILD_SERIOUSLY_HARMED'
  | 'LOOKED_AFTER_CHILD_DIED';

export type NotificationRecipient =
  | 'OFSTED'
  | 'PANEL'
  | 'SECRETARY_OF_STATE';

export type PublishReviewInput = {
  courtRestrictionsChecked: boolean;
  dataProtectionChecked: boolean;
  embargoUntil?: string | null | undefined;
  plainEnglishSummary: string;
  publishedOn: string;
  reviewId: string | number;
  sentToPanelOn: string;
  url: string;
  welfareImpactConsidered: boolean;
};

export type Rag =
  | 'AMBER'
  | 'GREEN'
  | 'RED';

export type RecordDecisionInput = {
  criteriaMet: boolean;
  decidedOn: string;
  expectedVersion?: number | null | undefined;
  outcome: DecisionOutcome;
  /** Partnership regime: the three safeguarding partners who agreed. */
  partnersAgreed?: Array<AgencySector> | null | undefined;
  rationale: string;
  reviewId: string | number;
};

export type ReportIncidentInput = {
  abuseOrNeglect: AbuseOrNeglect;
  abuseTypes?: Array<AbuseType> | null | undefined;
  awareOn: string;
  boardCode: string | number;
  children: Array<IncidentChildInput>;
  criterion: NotifiableCriterion;
  /** Same key, same input, same incident: a retried call creates nothing new. */
  idempotencyKey?: string | null | undefined;
  occurredInArea?: string | null | undefined;
  occurredOn: string;
  /** A case below the criteria, reported for the board to consider a review. */
  referral?: boolean | null | undefined;
  summary?: string | null | undefined;
  suspectedSuicide?: boolean | null | undefined;
};

export type RequestInformationInput = {
  agencyId: string | number;
  dueOn: string;
  necessity: string;
  proportionality: string;
  purpose: string;
  reviewId: string | number;
  statutory?: boolean | null | undefined;
};

export type ReviewFilter = {
  boardCodes?: Array<string | number> | null | undefined;
  kind?: ReviewKind | null | undefined;
  stage?: ReviewStage | null | undefined;
};

export type ReviewKind =
  | 'ALTERNATIVE_REVIEW'
  | 'LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW'
  | 'RAPID_REVIEW'
  | 'SERIOUS_CASE_REVIEW';

export type ReviewStage =
  | 'AWAITING_DECISION'
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'NOT_PROCEEDING'
  | 'PUBLISHED'
  | 'REPORT_FINAL';

export type Role =
  | 'ADMIN'
  | 'AGENCY_CONTRIBUTOR'
  | 'ANALYST'
  | 'BOARD_CHAIR'
  | 'BOARD_MANAGER'
  | 'PANEL'
  | 'REVIEWER';

export type SetMethodologyInput = {
  analysis: string;
  dataCollection: string;
  name: string;
  reviewId: string | number;
};

export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'UNKNOWN';

export type SocialCareStatus =
  | 'CHILD_IN_NEED'
  | 'CHILD_PROTECTION_PLAN'
  | 'LOOKED_AFTER'
  | 'NOT_KNOWN_TO_SOCIAL_CARE';

export type StatutoryBasis =
  | 'S14B'
  | 'S16H';

export type UpdateActionInput = {
  actionId: string | number;
  expectedVersion: number;
  note: string;
  status: ActionStatus;
};

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { subject: string, roles: Array<Role>, board: { code: string, name: string } | null, agency: { id: string, name: string } | null, reviewer: { id: string, name: string } | null }, boards: Array<{ code: string, name: string, kind: BoardKind, partnershipArrangementsFrom: string | null }> };

export type ReportIncidentMutationVariables = Exact<{
  incident: ReportIncidentInput;
}>;


export type ReportIncidentMutation = { reportIncident: { id: string, reference: string, notifiable: boolean, awareOn: string, notificationDueOn: string | null, notificationStatus: DeadlineStatus, version: number, board: { code: string }, children: Array<{ pseudonym: string, ageBand: AgeBand }> } };

export type RecordNotificationMutationVariables = Exact<{
  incidentId: string | number;
  notifiedOn: string;
}>;


export type RecordNotificationMutation = { recordNotification: { id: string, reference: string, notifiedOn: string | null, notificationStatus: DeadlineStatus, notifiedTo: Array<NotificationRecipient> } };

export type IncidentReviewsQueryVariables = Exact<{
  incidentId: string | number;
}>;


export type IncidentReviewsQuery = { incident: { id: string, reference: string, reviews: Array<{ id: string, reference: string, kind: ReviewKind, stage: ReviewStage, decisionDueOn: string | null, version: number }> } | null };

export type RecordDecisionMutationVariables = Exact<{
  decision: RecordDecisionInput;
}>;


export type RecordDecisionMutation = { recordDecision: { id: string, reference: string, kind: ReviewKind, stage: ReviewStage, initiatedOn: string | null, completionDueOn: string | null, version: number, decision: { outcome: DecisionOutcome, criteriaMet: boolean, decidedOn: string, onTime: boolean } | null } };

export type ReviewersQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewersQuery = { reviewers: Array<{ id: string, name: string, qualifications: Array<string> }> };

export type AppointReviewerMutationVariables = Exact<{
  appointment: AppointReviewerInput;
}>;


export type AppointReviewerMutation = { appointReviewer: { id: string, stage: ReviewStage, appointments: Array<{ lead: boolean, appointedOn: string, reviewer: { id: string, name: string } }> } };

export type BoardAgenciesQueryVariables = Exact<{
  boardCode: string | number;
}>;


export type BoardAgenciesQuery = { agencies: Array<{ id: string, name: string, sector: AgencySector }> };

export type InvolveAgencyMutationVariables = Exact<{
  involvement: InvolveAgencyInput;
}>;


export type InvolveAgencyMutation = { involveAgency: { id: string, involvedAgencies: Array<{ id: string, name: string }> } };

export type RequestInformationMutationVariables = Exact<{
  request: RequestInformationInput;
}>;


export type RequestInformationMutation = { requestInformation: { id: string, status: InformationRequestStatus, statutoryBasis: StatutoryBasis | null, requestedOn: string, dueOn: string, agency: { id: string, name: string } } };

export type ExtendTimescaleMutationVariables = Exact<{
  extension: ExtendTimescaleInput;
}>;


export type ExtendTimescaleMutation = { extendTimescale: { id: string, completionDueOn: string | null, timescaleStatus: DeadlineStatus | null, extensions: Array<{ reason: string, completionDueOn: string, agreedOn: string, interimLearning: Array<string> }> } };

export type SetMethodologyMutationVariables = Exact<{
  methodology: SetMethodologyInput;
}>;


export type SetMethodologyMutation = { setMethodology: { id: string, methodology: { name: string, dataCollection: string, analysis: string } | null } };

export type CompleteReviewMutationVariables = Exact<{
  completion: CompleteReviewInput;
}>;


export type CompleteReviewMutation = { completeReview: { id: string, stage: ReviewStage, completedOn: string | null, timescaleStatus: DeadlineStatus | null, findings: string | null } };

export type PublishReviewMutationVariables = Exact<{
  publication: PublishReviewInput;
}>;


export type PublishReviewMutation = { publishReview: { id: string, stage: ReviewStage, publication: { url: string, sentToPanelOn: string, publishedOn: string, availableUntil: string, plainEnglishSummary: string } | null } };

export type PublishedReviewsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PublishedReviewsQuery = { publishedReviews: { edges: Array<{ cursor: string, node: { id: string, reference: string, kind: ReviewKind, themes: Array<LearningTheme>, board: { code: string, name: string }, publication: { url: string, publishedOn: string, plainEnglishSummary: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateActionPlanMutationVariables = Exact<{
  plan: CreateActionPlanInput;
}>;


export type CreateActionPlanMutation = { createActionPlan: { id: string, review: { id: string, reference: string } } };

export type AddActionMutationVariables = Exact<{
  action: AddActionInput;
}>;


export type AddActionMutation = { addAction: { id: string, status: ActionStatus, rag: Rag, dueOn: string, version: number, ownerAgency: { id: string, name: string } } };

export type UpdateActionMutationVariables = Exact<{
  update: UpdateActionInput;
}>;


export type UpdateActionMutation = { updateAction: { id: string, status: ActionStatus, rag: Rag, version: number } };

export type IncidentTrendsQueryVariables = Exact<{
  boardCode: string | number;
  from: string;
  to: string;
  interval?: Interval | null | undefined;
  by?: IncidentDimension | null | undefined;
}>;


export type IncidentTrendsQuery = { board: { code: string, name: string, incidentStats: Array<{ period: string, key: string, count: number | null, suppressed: boolean }>, reviewTimeliness: { completed: number, completedWithinTimescale: number } } | null };

export type IncidentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: IncidentFilter | null | undefined;
}>;


export type IncidentsQuery = { incidents: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, reference: string, notifiable: boolean, awareOn: string, notificationDueOn: string | null, notificationStatus: DeadlineStatus, board: { code: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReviewsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ReviewFilter | null | undefined;
}>;


export type ReviewsQuery = { reviews: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, reference: string, kind: ReviewKind, stage: ReviewStage, decisionDueOn: string | null, completionDueOn: string | null, timescaleStatus: DeadlineStatus | null, board: { code: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PanelNotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PanelNotificationsQuery = { panelNotifications: { edges: Array<{ cursor: string, node: { id: string, incidentReference: string, boardCode: string, criterion: NotifiableCriterion, abuseOrNeglect: AbuseOrNeglect, suspectedSuicide: boolean, occurredOn: string, awareOn: string, notifiedOn: string, abuseTypes: Array<AbuseType>, recordedAt: string, children: Array<{ ageBand: AgeBand, sex: Sex, ethnicity: Ethnicity, socialCareStatus: SocialCareStatus }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };


export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"board"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"boards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"partnershipArrangementsFrom"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const ReportIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incident"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incident"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notifiable"}},{"kind":"Field","name":{"kind":"Name","value":"awareOn"}},{"kind":"Field","name":{"kind":"Name","value":"notificationDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"notificationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"board"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pseudonym"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}}]}}]}}]}}]} as unknown as DocumentNode<ReportIncidentMutation, ReportIncidentMutationVariables>;
export const RecordNotificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordNotification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notifiedOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordNotification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"incidentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"notifiedOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notifiedOn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"notificationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedTo"}}]}}]}}]} as unknown as DocumentNode<RecordNotificationMutation, RecordNotificationMutationVariables>;
export const IncidentReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncidentReviews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<IncidentReviewsQuery, IncidentReviewsQueryVariables>;
export const RecordDecisionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordDecision"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"decision"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"decision"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"initiatedOn"}},{"kind":"Field","name":{"kind":"Name","value":"completionDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"criteriaMet"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"onTime"}}]}}]}}]}}]} as unknown as DocumentNode<RecordDecisionMutation, RecordDecisionMutationVariables>;
export const ReviewersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Reviewers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"qualifications"}}]}}]}}]} as unknown as DocumentNode<ReviewersQuery, ReviewersQueryVariables>;
export const AppointReviewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AppointReviewer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"appointment"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AppointReviewerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointReviewer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"appointment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"appointments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lead"}},{"kind":"Field","name":{"kind":"Name","value":"appointedOn"}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AppointReviewerMutation, AppointReviewerMutationVariables>;
export const BoardAgenciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BoardAgencies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"boardCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"boardCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"boardCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}}]}}]}}]} as unknown as DocumentNode<BoardAgenciesQuery, BoardAgenciesQueryVariables>;
export const InvolveAgencyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InvolveAgency"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"involvement"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InvolveAgencyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"involveAgency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"involvement"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"involvedAgencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<InvolveAgencyMutation, InvolveAgencyMutationVariables>;
export const RequestInformationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestInformation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"request"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestInformationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestInformation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"request"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statutoryBasis"}},{"kind":"Field","name":{"kind":"Name","value":"requestedOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RequestInformationMutation, RequestInformationMutationVariables>;
export const ExtendTimescaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExtendTimescale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"extension"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExtendTimescaleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extendTimescale"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"extension"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"completionDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"timescaleStatus"}},{"kind":"Field","name":{"kind":"Name","value":"extensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"completionDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"agreedOn"}},{"kind":"Field","name":{"kind":"Name","value":"interimLearning"}}]}}]}}]}}]} as unknown as DocumentNode<ExtendTimescaleMutation, ExtendTimescaleMutationVariables>;
export const SetMethodologyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMethodology"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"methodology"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetMethodologyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMethodology"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"methodology"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"methodology"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dataCollection"}},{"kind":"Field","name":{"kind":"Name","value":"analysis"}}]}}]}}]}}]} as unknown as DocumentNode<SetMethodologyMutation, SetMethodologyMutationVariables>;
export const CompleteReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"completion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"completion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"completedOn"}},{"kind":"Field","name":{"kind":"Name","value":"timescaleStatus"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}}]}}]}}]} as unknown as DocumentNode<CompleteReviewMutation, CompleteReviewMutationVariables>;
export const PublishReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publication"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publication"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"publication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sentToPanelOn"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"availableUntil"}},{"kind":"Field","name":{"kind":"Name","value":"plainEnglishSummary"}}]}}]}}]}}]} as unknown as DocumentNode<PublishReviewMutation, PublishReviewMutationVariables>;
export const PublishedReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublishedReviews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishedReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"board"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"publishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"plainEnglishSummary"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PublishedReviewsQuery, PublishedReviewsQueryVariables>;
export const CreateActionPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateActionPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateActionPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createActionPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plan"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}}]}}]}}]} as unknown as DocumentNode<CreateActionPlanMutation, CreateActionPlanMutationVariables>;
export const AddActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rag"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"ownerAgency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AddActionMutation, AddActionMutationVariables>;
export const UpdateActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"update"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"update"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rag"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateActionMutation, UpdateActionMutationVariables>;
export const IncidentTrendsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncidentTrends"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"boardCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Interval"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"by"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentDimension"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"board"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"boardCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"incidentStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}},{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"by"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewTimeliness"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"completedWithinTimescale"}}]}}]}}]}}]} as unknown as DocumentNode<IncidentTrendsQuery, IncidentTrendsQueryVariables>;
export const IncidentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Incidents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"notifiable"}},{"kind":"Field","name":{"kind":"Name","value":"awareOn"}},{"kind":"Field","name":{"kind":"Name","value":"notificationDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"notificationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"board"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<IncidentsQuery, IncidentsQueryVariables>;
export const ReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Reviews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"completionDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"timescaleStatus"}},{"kind":"Field","name":{"kind":"Name","value":"board"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ReviewsQuery, ReviewsQueryVariables>;
export const PanelNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PanelNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"panelNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentReference"}},{"kind":"Field","name":{"kind":"Name","value":"boardCode"}},{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"abuseOrNeglect"}},{"kind":"Field","name":{"kind":"Name","value":"suspectedSuicide"}},{"kind":"Field","name":{"kind":"Name","value":"occurredOn"}},{"kind":"Field","name":{"kind":"Name","value":"awareOn"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"abuseTypes"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"ethnicity"}},{"kind":"Field","name":{"kind":"Name","value":"socialCareStatus"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PanelNotificationsQuery, PanelNotificationsQueryVariables>;