import { Query, Resolver } from 'type-graphql';
import { AuthenticatedCtx, type Authenticated } from '@scr/graphql-kit';
import type { AgenciesContext } from '../context';
import { PrincipalType } from './principal.type';

@Resolver(() => PrincipalType)
export class MeResolver {
  @Query(() => PrincipalType)
  async me(@AuthenticatedCtx() ctx: Authenticated<AgenciesContext>): Promise<PrincipalType> {
    const p = ctx.principal;
    const [board, agency] = await Promise.all([
      p.board ? ctx.loaders.boardByCode.load(p.board) : null,
      p.agency ? ctx.loaders.agencyById.load(p.agency) : null,
    ]);
    return {
      subject: p.subject,
      roles: p.roles as PrincipalType['roles'],
      board,
      agency,
      reviewer: p.reviewer ? { id: p.reviewer } : null,
    };
  }
}
