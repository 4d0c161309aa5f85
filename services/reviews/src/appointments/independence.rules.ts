/** What DOMAIN.md step 6 needs to know of a reviewer. */
export interface ReviewerFacts {
  name: string;
  qualifications: string[];
  affiliatedAgencyIds: string[];
  affiliatedBoardCodes: string[];
}

export type AppointmentProblem = { code: 'BAD_USER_INPUT' | 'NOT_INDEPENDENT'; field: string; message: string };

/**
 * A lead reviewer must hold a qualification and be independent of the board
 * and of every agency involved in the case; other panel members need neither.
 */
export function leadAppointmentProblem(reviewer: ReviewerFacts, boardCode: string, involvedAgencyIds: string[]): AppointmentProblem | undefined {
  if (reviewer.qualifications.length === 0) {
    return { code: 'BAD_USER_INPUT', field: 'reviewerId', message: `${reviewer.name} has no recorded qualification, so cannot lead a review.` };
  }
  if (reviewer.affiliatedBoardCodes.includes(boardCode)) {
    return {
      code: 'NOT_INDEPENDENT',
      field: 'reviewerId',
      message: `${reviewer.name} is affiliated with the board ${boardCode}, so is not independent of it.`,
    };
  }
  const conflicted = involvedAgencyIds.filter((id) => reviewer.affiliatedAgencyIds.includes(id));
  if (conflicted.length) {
    return {
      code: 'NOT_INDEPENDENT',
      field: 'reviewerId',
      message: `${reviewer.name} is affiliated with an agency involved in the case (${conflicted.join(', ')}), so is not independent.`,
    };
  }
  return undefined;
}

/** Involving an agency a lead reviewer is affiliated with would end that lead's independence. */
export function involvementProblem(agencyId: string, leads: ReviewerFacts[]): AppointmentProblem | undefined {
  const affiliated = leads.filter((l) => l.affiliatedAgencyIds.includes(agencyId));
  if (!affiliated.length) return undefined;
  return {
    code: 'NOT_INDEPENDENT',
    field: 'agencyId',
    message: `The lead reviewer ${affiliated.map((l) => l.name).join(', ')} is affiliated with this agency; involving it would end their independence.`,
  };
}
