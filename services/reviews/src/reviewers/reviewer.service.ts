import { randomUUID } from 'node:crypto';
import { isUniqueViolation, keyedRequest, recordOfKey, storeKey } from '@scr/db';
import { badInput, conflict, requiredText, type Authenticated } from '@scr/graphql-kit';
import type { ReviewsContext } from '../context';
import { missingDirectoryEntries } from '../directory.client';
import { Reviewer } from './reviewer.entity';
import type { RegisterReviewerInput } from './reviewer.inputs';

export async function registerReviewer(ctx: Authenticated<ReviewsContext>, input: RegisterReviewerInput): Promise<Reviewer> {
  const name = requiredText('name', input.name, 200);
  const qualifications = input.qualifications.map((q, i) => requiredText(`qualifications[${i}]`, q, 300));
  const agencyIds = [...new Set(input.affiliatedAgencyIds)];
  const boardCodes = [...new Set(input.affiliatedBoardCodes)];
  const missing = await missingDirectoryEntries(ctx.internal, boardCodes, agencyIds);
  if (missing.boardCodes.length) throw badInput('affiliatedBoardCodes', `No board with code ${missing.boardCodes.join(', ')} exists.`);
  if (missing.agencyIds.length) throw badInput('affiliatedAgencyIds', `No agency with id ${missing.agencyIds.join(', ')} exists.`);
  const keyed = input.idempotencyKey ? keyedRequest(ctx.principal.subject, requiredText('idempotencyKey', input.idempotencyKey, 200), input) : undefined;
  // Two calls with the same new key at once: the key's primary key lets one store it; the other runs again and answers its record.
  const register = () =>
    ctx.db.transaction(async (manager) => {
      const earlier = keyed && (await recordOfKey(manager, keyed));
      if (earlier) {
        if (!earlier.sameInput) throw conflict(`The idempotency key "${keyed.key}" was already used with different input; use a new key for a new reviewer.`);
        return manager.findOneByOrFail(Reviewer, { id: earlier.recordId });
      }
      const reviewer = manager.create(Reviewer, {
        id: randomUUID(),
        name,
        qualifications,
        affiliatedAgencyIds: agencyIds,
        affiliatedBoardCodes: boardCodes,
        createdAt: ctx.now,
      });
      await manager.insert(Reviewer, reviewer);
      if (keyed) await storeKey(manager, keyed, reviewer.id);
      return reviewer;
    });
  try {
    return await register();
  } catch (error) {
    if (keyed && isUniqueViolation(error)) return register();
    throw error;
  }
}

export function listReviewers(ctx: ReviewsContext): Promise<Reviewer[]> {
  return ctx.db.manager.find(Reviewer, { order: { name: 'ASC', seq: 'ASC' } });
}
