import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { AgenciesContext } from '../context';
import { Agency } from '../agencies/agency.entity';
import { Board } from './board.entity';
import { UpdateBoardInput } from './board.inputs';
import { BoardKind, boardKind } from './board.rules';
import { listBoards, updateBoard } from './board.service';

registerEnumType(BoardKind, { name: 'BoardKind' });

@Resolver(() => Board)
export class BoardResolver {
  // Shareable: the other subgraphs answer the list too, from their copies of this directory (boardsQueryResolver).
  @Query(() => [Board])
  @Directive('@shareable')
  boards(@Ctx() ctx: AgenciesContext): Promise<Board[]> {
    return listBoards(ctx);
  }

  @Query(() => Board, { nullable: true })
  @Directive('@shareable')
  board(@Arg('code', () => ID) code: string, @Ctx() ctx: AgenciesContext): Promise<Board | null> {
    return ctx.loaders.boardByCode.load(code);
  }

  @Mutation(() => Board)
  updateBoard(@Arg('input') input: UpdateBoardInput, @Ctx() ctx: AgenciesContext): Promise<Board> {
    return updateBoard(ctx, input);
  }

  @FieldResolver(() => BoardKind)
  kind(@Root() board: Board, @Ctx() ctx: AgenciesContext): BoardKind {
    return boardKind(board.partnershipArrangementsFrom, ctx.today);
  }

  @FieldResolver(() => [Agency])
  agencies(@Root() board: Board, @Ctx() ctx: AgenciesContext): Promise<Agency[]> {
    return ctx.loaders.agenciesByBoard.load(board.code);
  }
}
