import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isBoardStaffOf } from '@scr/auth';
import type { IncidentsContext } from '../context';
import { ChildIdentity, IncidentChild } from './child.entity';

@Resolver(() => IncidentChild)
export class IncidentChildResolver {
  /** Only the owning board's manager and chair see who the child is. */
  @FieldResolver(() => ChildIdentity, {
    nullable: true,
    description: "Null unless the caller is the owning board's manager or chair; every read is audited.",
  })
  async identity(@Root() child: IncidentChild & { boardCode?: string }, @Ctx() ctx: IncidentsContext): Promise<ChildIdentity | null> {
    if (!child.boardCode || !isBoardStaffOf(ctx.principal, child.boardCode)) return null;
    ctx.auditor.noteIdentityRead(child.incidentId, child.boardCode);
    return { fullName: child.fullName, dateOfBirth: child.dateOfBirth };
  }
}
