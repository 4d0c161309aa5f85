import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { isUniqueViolation, keyedRequest, recordOfKey, storeKey } from '@scr/db';
import { badInput, conflict, requiredText, type Authenticated } from '@scr/graphql-kit';
import type { AgenciesContext } from '../context';
import { announceDirectoryChange } from '../directory-notices';
import { Board } from '../boards/board.entity';
import { Agency } from './agency.entity';
import { AgencyMembership } from './agency-membership.entity';
import type { RegisterAgencyInput } from './agency.inputs';

export async function listAgencies(ctx: AgenciesContext, boardCode?: string | null): Promise<Agency[]> {
  if (boardCode) return ctx.loaders.agenciesByBoard.load(boardCode);
  return ctx.db.manager.find(Agency, { order: { name: 'ASC' } });
}

export async function registerAgency(ctx: Authenticated<AgenciesContext>, input: RegisterAgencyInput): Promise<Agency> {
  const name = requiredText('name', input.name, 200);
  const boardCodes = [...new Set(input.boardCodes)];
  if (boardCodes.length === 0) throw badInput('boardCodes', 'An agency must be a member of at least one board.');
  const keyed = input.idempotencyKey ? keyedRequest(ctx.principal.subject, requiredText('idempotencyKey', input.idempotencyKey, 200), input) : undefined;
  // Two calls with the same new key at once: the key's primary key lets one store it; the other runs again and answers its record.
  const register = () =>
    ctx.db.transaction(async (manager) => {
      const earlier = keyed && (await recordOfKey(manager, keyed));
      if (earlier) {
        if (!earlier.sameInput) throw conflict(`The idempotency key "${keyed.key}" was already used with different input; use a new key for a new agency.`);
        return manager.findOneByOrFail(Agency, { id: earlier.recordId });
      }
      const boards = await manager.find(Board, { where: { code: In(boardCodes) } });
      const missing = boardCodes.filter((c) => !boards.some((b) => b.code === c));
      if (missing.length) throw badInput('boardCodes', `No board with code ${missing.join(', ')} exists.`);
      const agency = manager.create(Agency, { id: randomUUID(), name, sector: input.sector });
      await manager.save(agency);
      await manager.insert(
        AgencyMembership,
        boardCodes.map((boardCode) => ({ agencyId: agency.id, boardCode })),
      );
      if (keyed) await storeKey(manager, keyed, agency.id);
      return agency;
    });
  const agency = await register().catch((error: unknown) => {
    if (keyed && isUniqueViolation(error)) return register();
    throw error;
  });
  await announceDirectoryChange(ctx.internal);
  return agency;
}
