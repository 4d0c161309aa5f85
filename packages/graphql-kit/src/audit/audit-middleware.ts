import type { GraphQLError, GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareFunction } from 'graphql-middleware';
import { OutsideCalendarError } from '@scr/calendar';
import type { Auditor } from './auditor';
import { mutationInProgress } from './auditor';
import { idsIn, resultFacts } from './target-ids';

function codeOf(error: unknown): string {
  if (error instanceof OutsideCalendarError) return 'BAD_USER_INPUT';
  const code = (error as GraphQLError)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * Wraps every mutation field: its outcome is audited whatever happens. A
 * success is usually recorded inside the mutation's own transaction (see
 * auditedDatabase); one that wrote nothing is recorded here; a failure or
 * refusal (including the shield's) gets a row of its own.
 */
export const auditMutation: IMiddlewareFunction = async (resolve, parent, args, ctx: { auditor: Auditor }, info: GraphQLResolveInfo) => {
  const mutation = { operation: info.fieldName, argIds: idsIn(args), recorded: false };
  return mutationInProgress.run(mutation, async () => {
    let result: unknown;
    try {
      result = await resolve(parent, args, ctx, info);
    } catch (error) {
      await ctx.auditor.standalone({ operation: mutation.operation, targetIds: mutation.argIds, outcome: codeOf(error) });
      throw error;
    }
    if (result instanceof Error) {
      await ctx.auditor.standalone({ operation: mutation.operation, targetIds: mutation.argIds, outcome: codeOf(result) });
    } else if (!mutation.recorded) {
      const facts = resultFacts(result);
      await ctx.auditor.standalone({
        operation: mutation.operation,
        targetIds: [...mutation.argIds, ...(facts.id ? [facts.id] : [])],
        outcome: 'OK',
        recordBoard: facts.board,
      });
    }
    return result;
  });
};
