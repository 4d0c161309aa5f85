import { buildFederatedSchema, buildSubgraphSdl } from '@scr/graphql-kit';
import { AnnualReportResolver, BoardAnnualReportResolver } from './annual-report/annual-report.resolver';
import { annualReportWindow } from './annual-report/annual-report.key';
import { AgencyNamesResolver } from './agencies/agency-names.resolver';
import { AppointmentResolver } from './appointments/appointment.resolver';
import { BoardNameResolver } from './boards/board-name.resolver';
import { BoardsQueryResolver } from './boards/boards-query.resolver';
import type { ReviewsContext } from './context';
import { DecisionResolver } from './decisions/decision.resolver';
import { IncidentReviewsResolver } from './incidents/incident-reviews.resolver';
import { InformationRequestResolver } from './information-requests/information-request.resolver';
import { PeerChallengeResolver } from './peer-challenges/peer-challenge.resolver';
import { PublicationResolver } from './publication/publication.resolver';
import { PublishedReviewResolver } from './publication/published-review.resolver';
import { permissions } from './permissions';
import { ReviewProgressResolver } from './progress/progress.resolver';
import { Reviewer } from './reviewers/reviewer.entity';
import { ReviewerResolver } from './reviewers/reviewer.resolver';
import { mayLookUpReviewer } from './reviewers/reviewer.rules';
import { Review } from './reviews/review.entity';
import { ReviewResolver } from './reviews/review.resolver';
import { ReviewStatsResolver } from './stats/review-stats.resolver';

const resolvers = [
  ReviewResolver,
  DecisionResolver,
  PublicationResolver,
  PublishedReviewResolver,
  ReviewProgressResolver,
  ReviewerResolver,
  AppointmentResolver,
  InformationRequestResolver,
  PeerChallengeResolver,
  IncidentReviewsResolver,
  ReviewStatsResolver,
  BoardAnnualReportResolver,
  AnnualReportResolver,
  BoardNameResolver,
  BoardsQueryResolver,
  AgencyNamesResolver,
] as const;

export const referenceResolvers = {
  Reviewer: {
    // Scoped like the reviewers query (and a reviewer itself): anyone else gets null.
    __resolveReference: async (ref: { id: string }, ctx: ReviewsContext): Promise<Reviewer | null> =>
      !ctx.authError && mayLookUpReviewer(ctx.principal, ref.id) ? ctx.loaders.reviewerById.load(ref.id) : null,
  },
  Review: {
    // Scoped like the review query: outside the caller's scope it resolves to null.
    __resolveReference: (ref: { id: string }, ctx: ReviewsContext): Promise<Review | null> => ctx.loaders.reviewById.load(ref.id),
  },
  Incident: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
  Board: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
  AnnualReport: {
    __resolveReference: (ref: { boardCode: string; financialYear: string }, ctx: ReviewsContext) => {
      annualReportWindow(ref.financialYear, ctx.today);
      return { boardCode: ref.boardCode, financialYear: ref.financialYear };
    },
  },
};

export const buildSchema = () => buildFederatedSchema({ resolvers: [...resolvers], referenceResolvers, permissions });
export const buildSdl = () => buildSubgraphSdl({ resolvers: [...resolvers] });
