import type { ReviewerFacts } from '../appointments/independence.rules';
import type { Reviewer } from './reviewer.entity';

export function reviewerFacts(r: Reviewer): ReviewerFacts {
  return {
    name: r.name,
    qualifications: JSON.parse(r.qualificationsJson) as string[],
    affiliatedAgencyIds: JSON.parse(r.affiliatedAgencyIdsJson) as string[],
    affiliatedBoardCodes: JSON.parse(r.affiliatedBoardCodesJson) as string[],
  };
}
