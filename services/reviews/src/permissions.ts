import { allow, hasAnyRole, isAuthenticated, readableBy, type Reach, type ReachOf } from '@scr/graphql-kit';
import type { ReviewsContext } from './context';
import type { InformationRequest } from './information-requests/information-request.entity';
import { informationRequestReach } from './information-requests/information-request.reach';
import type { PeerChallenge } from './peer-challenges/peer-challenge.entity';
import { peerChallengeReach } from './peer-challenges/peer-challenge.reach';
import type { Review } from './reviews/review.entity';

const boardStaff = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR');
const chair = hasAnyRole('BOARD_CHAIR');
const staffOrReviewer = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER');
const reviewSummaryReaders = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER', 'AGENCY_CONTRIBUTOR');
const statisticsReaders = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'ANALYST', 'PANEL', 'ADMIN');

// Rows are scoped in SQL (the union of the caller's roles). A record's fields are answered by
// which of the caller's roles reach *that* record (its reach), so a token combining roles reads
// each record only as a role that reaches it would. Rules read the record, never the operation.
const reviewReach: ReachOf<Review, ReviewsContext> = (review, ctx) => ctx.reviewReach(review);
const review = (...who: Reach[]) => readableBy('Review', reviewReach, ...who);
const requestReach: ReachOf<InformationRequest, ReviewsContext> = informationRequestReach;
const request = (...who: Reach[]) => readableBy('InformationRequest', requestReach, ...who);
const challengeReach: ReachOf<PeerChallenge, ReviewsContext> = (challenge, ctx) => peerChallengeReach(challenge, ctx.principal);
const challenge = (...who: Reach[]) => readableBy('PeerChallenge', challengeReach, ...who);

/** DOMAIN.md: `Review.*` is BM, BC, PC, RV; AC only reference, board, kind and stage of a review it is asked about. */
const REVIEW_READERS: Reach[] = ['BM', 'BC', 'PC', 'RV'];
const REVIEW_SUMMARY_READERS: Reach[] = [...REVIEW_READERS, 'AC'];

/** Who may do what in this subgraph, as DOMAIN.md's table says; anything unlisted is denied. */
export const permissions = {
  Query: {
    // The boards list from the copy of the directory: signed-in callers, as at the directory.
    boards: isAuthenticated,
    board: isAuthenticated,
    review: reviewSummaryReaders,
    reviews: reviewSummaryReaders,
    reviewers: hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'ADMIN'),
    publishedReviews: allow,
    informationRequests: reviewSummaryReaders,
    peerChallenges: boardStaff,
  },
  Mutation: {
    registerReviewer: hasAnyRole('ADMIN'),
    recordDecision: chair,
    requestPeerChallenge: chair,
    respondToPeerChallenge: chair,
    revokePeerChallenge: chair,
    publishReview: chair,
    setMethodology: staffOrReviewer,
    recordFindings: staffOrReviewer,
    requestInformation: staffOrReviewer,
    withdrawInformationRequest: staffOrReviewer,
    appointReviewer: boardStaff,
    involveAgency: boardStaff,
    extendTimescale: boardStaff,
    linkParallelProcess: boardStaff,
    recordFamilyEngagement: boardStaff,
    setThemes: boardStaff,
    completeReview: boardStaff,
    closeReview: boardStaff,
    respondToInformationRequest: hasAnyRole('AGENCY_CONTRIBUTOR'),
  },
  // A new Review field is covered by '*' (BM, BC, PC, RV); list it only to answer it to AC too.
  Review: {
    '*': review(...REVIEW_READERS),
    id: review(...REVIEW_SUMMARY_READERS),
    reference: review(...REVIEW_SUMMARY_READERS),
    board: review(...REVIEW_SUMMARY_READERS),
    kind: review(...REVIEW_SUMMARY_READERS),
    stage: review(...REVIEW_SUMMARY_READERS),
  },
  // Everyone, signed in or not: the type has public fields only, so nothing here depends on who asks.
  PublishedReview: allow,
  PublishedReviewEdge: allow,
  PublishedReviewConnection: allow,
  PageInfo: allow,
  // The types below are reached only through the fields above (or their own scoped queries and
  // mutations), which have already decided whether the caller may read them.
  Publication: allow,
  ReviewConnection: isAuthenticated,
  ReviewEdge: isAuthenticated,
  // A board's name is public, as at the directory.
  Board: { code: allow, name: allow, themeStats: statisticsReaders, reviewTimeliness: statisticsReaders, annualReport: statisticsReaders },
  AnnualReport: statisticsReaders,
  StatCell: isAuthenticated,
  ReviewTimeliness: isAuthenticated,
  Incident: {
    '*': isAuthenticated,
    reviews: staffOrReviewer,
  },
  Agency: isAuthenticated,
  // Answered through an appointment the caller may read, the reviewers register (BM, BC, AD), or
  // `_entities`, which answers only those and the reviewer itself (see schema.ts).
  Reviewer: isAuthenticated,
  ReviewerAppointment: isAuthenticated,
  ReviewDecision: isAuthenticated,
  TimescaleExtension: isAuthenticated,
  Methodology: isAuthenticated,
  ParallelProcess: isAuthenticated,
  FamilyEngagement: isAuthenticated,
  InformationRequest: request(...REVIEW_SUMMARY_READERS),
  InformationRequestConnection: isAuthenticated,
  InformationRequestEdge: isAuthenticated,
  PeerChallenge: challenge('BM', 'BC', 'PC'),
};
