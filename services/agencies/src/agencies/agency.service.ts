import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { badInput, requiredText } from '@scr/graphql-kit';
import type { AgenciesContext } from '../context';
import { Board } from '../boards/board.entity';
import { Agency } from './agency.entity';
import { AgencyMembership } from './agency-membership.entity';
import type { RegisterAgencyInput } from './agency.inputs';

export async function listAgencies(ctx: AgenciesContext, boardCode?: string | null): Promise<Agency[]> {
  if (boardCode) return ctx.loaders.agenciesByBoard.load(boardCode);
  return ctx.db.manager.find(Agency, { order: { name: 'ASC' } });
}

export async function registerAgency(ctx: AgenciesContext, input: RegisterAgencyInput): Promise<Agency> {
  const name = requiredText('name', input.name, 200);
  const boardCodes = [...new Set(input.boardCodes)];
  if (boardCodes.length === 0) throw badInput('boardCodes', 'An agency must be a member of at least one board.');
  return ctx.db.transaction(async (manager) => {
    const boards = await manager.find(Board, { where: { code: In(boardCodes) } });
    const missing = boardCodes.filter((c) => !boards.some((b) => b.code === c));
    if (missing.length) throw badInput('boardCodes', `No board with code ${missing.join(', ')} exists.`);
    const agency = manager.create(Agency, { id: randomUUID(), name, sector: input.sector });
    await manager.save(agency);
    await manager.insert(
      AgencyMembership,
      boardCodes.map((boardCode) => ({ agencyId: agency.id, boardCode })),
    );
    return agency;
  });
}
