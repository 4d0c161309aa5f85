import { randomUUID } from 'node:crypto';
import { badInput, requiredText } from '@scr/graphql-kit';
import type { ReviewsContext } from '../context';
import { missingDirectoryEntries } from '../directory.client';
import { Reviewer } from './reviewer.entity';
import type { RegisterReviewerInput } from './reviewer.inputs';

export async function registerReviewer(ctx: ReviewsContext, input: RegisterReviewerInput): Promise<Reviewer> {
  const name = requiredText('name', input.name, 200);
  const qualifications = input.qualifications.map((q, i) => requiredText(`qualifications[${i}]`, q, 300));
  const agencyIds = [...new Set(input.affiliatedAgencyIds)];
  const boardCodes = [...new Set(input.affiliatedBoardCodes)];
  const missing = await missingDirectoryEntries(ctx.internal, boardCodes, agencyIds);
  if (missing.boardCodes.length) throw badInput('affiliatedBoardCodes', `No board with code ${missing.boardCodes.join(', ')} exists.`);
  if (missing.agencyIds.length) throw badInput('affiliatedAgencyIds', `No agency with id ${missing.agencyIds.join(', ')} exists.`);
  return ctx.db.transaction(async (manager) => {
    const reviewer = manager.create(Reviewer, {
      id: randomUUID(),
      name,
      qualificationsJson: JSON.stringify(qualifications),
      affiliatedAgencyIdsJson: JSON.stringify(agencyIds),
      affiliatedBoardCodesJson: JSON.stringify(boardCodes),
      createdAt: new Date(),
    });
    await manager.insert(Reviewer, reviewer);
    return reviewer;
  });
}

export function listReviewers(ctx: ReviewsContext): Promise<Reviewer[]> {
  return ctx.db.manager.find(Reviewer, { order: { name: 'ASC', seq: 'ASC' } });
}
