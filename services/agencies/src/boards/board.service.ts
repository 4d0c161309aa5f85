import { badInput, notFound, requiredText } from '@scr/graphql-kit';
import type { AgenciesContext } from '../context';
import { announceDirectoryChange } from '../directory-notices';
import { Board } from './board.entity';
import type { UpdateBoardInput } from './board.inputs';

export async function listBoards(ctx: AgenciesContext): Promise<Board[]> {
  return ctx.db.manager.find(Board, { order: { code: 'ASC' } });
}

export async function updateBoard(ctx: AgenciesContext, input: UpdateBoardInput): Promise<Board> {
  const updated = await ctx.db.transaction(async (manager) => {
    const board = await manager.findOne(Board, { where: { code: input.code } });
    if (!board) throw notFound('board', input.code);
    if (input.name !== undefined && input.name !== null) board.name = requiredText('name', input.name, 200);
    if (input.partnershipArrangementsFrom !== undefined) {
      board.partnershipArrangementsFrom = input.partnershipArrangementsFrom;
    }
    if (input.name === undefined && input.partnershipArrangementsFrom === undefined) {
      throw badInput('input', 'Give a new name or partnershipArrangementsFrom to change.');
    }
    await manager.save(board);
    ctx.loaders.boardByCode.clear(board.code).prime(board.code, board);
    return board;
  });
  if (input.name !== undefined && input.name !== null) await announceDirectoryChange(ctx.internal);
  return updated;
}
