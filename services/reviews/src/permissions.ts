import { allow, forbidden, hasAnyRole, isAuthenticated, underRootField } from '@scr/graphql-kit';
import { and, not, or } from 'graphql-shield';

const boardStaff = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR');
const chair = hasAnyRole('BOARD_CHAIR');
const staffOrReviewer = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER');
// Rows are scoped in SQL; these rules say which roles may read which fields of the rows they reach.
const reviewReaders = staffOrReviewer;
const reviewSummaryReaders = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER', 'AGENCY_CONTRIBUTOR');
const statisticsReaders = hasAnyRole('BOARD_MANAGER', 'BOARD_CHAIR', 'ANALYST', 'PANEL', 'ADMIN');
const publicListing = underRootField('publishedReviews');
const publicOr = (r: ReturnType<typeof hasAnyRole>) => or(publicListing, r);
// The public listing answers public fields only, whoever asks: owners read the rest through review/reviews.
const privateField = (r: ReturnType<typeof hasAnyRole>) =>
  and(r, not(publicListing, forbidden('Only public fields are answered under publishedReviews; read the rest through review or reviews.')));

/** Who may do what in this subgraph, as DOMAIN.md's table says; anything unlisted is denied. */
export const permissions = {
  Query: {
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
  Review: {
    '*': privateField(reviewReaders),
    reference: publicOr(reviewSummaryReaders),
    board: publicOr(reviewSummaryReaders),
    kind: publicOr(reviewSummaryReaders),
    stage: privateField(reviewSummaryReaders),
    themes: publicOr(reviewReaders),
    publication: publicOr(reviewReaders),
    // Private like their siblings extension and findings.
    extensions: privateField(reviewReaders),
    goodPractice: privateField(reviewReaders),
  },
  Publication: publicOr(reviewReaders),
  ReviewConnection: or(publicListing, isAuthenticated),
  ReviewEdge: or(publicListing, isAuthenticated),
  PageInfo: or(publicListing, isAuthenticated),
  Board: { code: allow, themeStats: statisticsReaders, reviewTimeliness: statisticsReaders },
  StatCell: isAuthenticated,
  ReviewTimeliness: isAuthenticated,
  Incident: {
    '*': isAuthenticated,
    reviews: staffOrReviewer,
  },
  Agency: isAuthenticated,
  Reviewer: isAuthenticated,
  ReviewerAppointment: isAuthenticated,
  ReviewDecision: isAuthenticated,
  TimescaleExtension: isAuthenticated,
  Methodology: isAuthenticated,
  ParallelProcess: isAuthenticated,
  FamilyEngagement: isAuthenticated,
  InformationRequest: isAuthenticated,
  InformationRequestConnection: isAuthenticated,
  InformationRequestEdge: isAuthenticated,
  PeerChallenge: isAuthenticated,
};
