import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { AgencySector } from './contract-enums';
import type { DirectoryCopy } from './directory-copy';

interface WithDirectory {
  directory: DirectoryCopy;
}

/**
 * `Board.name` answered by this subgraph from its copy of the directory, so
 * the gateway need not ask the directory for the name of a board this
 * subgraph's records point to. Shareable: the directory answers it too, the
 * same value; who may read it is the subgraph's Board rule, as the
 * directory's (public).
 */
export function boardNameResolver(boardType: ClassType<{ code: string }>) {
  @Resolver(() => boardType)
  class BoardNameResolver {
    @FieldResolver(() => String)
    @Directive('@shareable')
    name(@Root() board: { code: string }, @Ctx() ctx: WithDirectory): Promise<string> {
      return ctx.directory.boardName(board.code);
    }
  }
  return BoardNameResolver;
}

/** `Agency.name` and `Agency.sector` from this subgraph's copy of the directory, as boardNameResolver does for boards. */
export function agencyNamesResolver(agencyType: ClassType<{ id: string }>) {
  @Resolver(() => agencyType)
  class AgencyNamesResolver {
    @FieldResolver(() => String)
    @Directive('@shareable')
    async name(@Root() agency: { id: string }, @Ctx() ctx: WithDirectory): Promise<string> {
      return (await ctx.directory.agency(agency.id)).name;
    }

    @FieldResolver(() => AgencySector)
    @Directive('@shareable')
    async sector(@Root() agency: { id: string }, @Ctx() ctx: WithDirectory): Promise<AgencySector> {
      return (await ctx.directory.agency(agency.id)).sector as AgencySector;
    }
  }
  return AgencyNamesResolver;
}

/**
 * `Query.boards` and `Query.board(code)` answered by this subgraph from its
 * copy of the directory, with each board's code only: a question about boards
 * that asks for this subgraph's fields of them (an analyst's
 * `boards { code incidentStats(...) }`) then goes to this subgraph alone,
 * without first asking the directory for the list. Shareable: the directory
 * answers both too, with the same boards in the same order (by code); the
 * gateway asks whichever answers the whole question in fewer fetches, and on
 * a tie the subgraph first by name. So only subgraphs named after "agencies"
 * use this (incidents, reviews): a plain list of boards stays the directory's
 * alone, and does not fail while another part is down
 * (gateway/src/__tests__/query-plans.test.ts holds both). Who may ask is the
 * subgraph's Query rule, as the directory's (signed in).
 */
export function boardsQueryResolver<B extends { code: string }>(boardType: ClassType<B>) {
  @Resolver(() => boardType)
  class BoardsQueryResolver {
    @Query(() => [boardType])
    @Directive('@shareable')
    async boards(@Ctx() ctx: WithDirectory): Promise<{ code: string }[]> {
      return (await ctx.directory.boardCodes()).map((code) => ({ code }));
    }

    @Query(() => boardType, { nullable: true })
    @Directive('@shareable')
    async board(@Arg('code', () => ID) code: string, @Ctx() ctx: WithDirectory): Promise<{ code: string } | null> {
      return (await ctx.directory.boardCodes()).includes(code) ? { code } : null;
    }
  }
  return BoardsQueryResolver;
}
