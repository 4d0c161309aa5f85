import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuthenticatedCtx, type Authenticated } from '@scr/graphql-kit';
import type { AgenciesContext } from '../context';
import { Board } from '../boards/board.entity';
import { Agency } from './agency.entity';
import { RegisterAgencyInput } from './agency.inputs';
import { listAgencies, registerAgency } from './agency.service';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency])
  agencies(@Arg('boardCode', () => ID, { nullable: true }) boardCode: string | null, @Ctx() ctx: AgenciesContext) {
    return listAgencies(ctx, boardCode);
  }

  @Query(() => Agency, { nullable: true })
  agency(@Arg('id', () => ID) id: string, @Ctx() ctx: AgenciesContext) {
    return ctx.loaders.agencyById.load(id);
  }

  @Mutation(() => Agency)
  registerAgency(@Arg('input') input: RegisterAgencyInput, @AuthenticatedCtx() ctx: Authenticated<AgenciesContext>) {
    return registerAgency(ctx, input);
  }

  @FieldResolver(() => [Board])
  boards(@Root() agency: Agency, @Ctx() ctx: AgenciesContext) {
    return ctx.loaders.boardsByAgency.load(agency.id);
  }
}
