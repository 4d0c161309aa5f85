import { Ctx, Directive, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
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
