import 'reflect-metadata';
import { graphql } from 'graphql';
import { buildSchema, Query, Resolver } from 'type-graphql';
import type { Principal } from '@scr/auth';
import { authenticated, AuthenticatedCtx, type Authenticated, type RequestContext } from '../context';
import { forbidden } from '../errors';

const chair: Principal = { subject: 'chair-1', roles: ['BOARD_CHAIR'], board: 'LEEDS' };
const base = (extra: Partial<RequestContext> = {}) => ({ requestId: 'r1', now: new Date(), today: '2026-12-01', ...extra }) as RequestContext;

describe('authenticated', () => {
  it("hands back the same context, typed as a signed-in caller's", () => {
    const ctx = base({ principal: chair });
    const narrowed: Authenticated = authenticated(ctx);
    expect(narrowed).toBe(ctx);
    expect(narrowed.principal.subject).toBe('chair-1');
  });

  it('refuses a caller without a principal with UNAUTHENTICATED', () => {
    expect(() => authenticated(base())).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
  });

  it('refuses with the reason the token was not usable, though it named a principal', () => {
    const why = forbidden('That board does not exist.');
    expect(() => authenticated(base({ principal: chair, authError: why }))).toThrow(why);
  });
});

@Resolver()
class WhoResolver {
  @Query(() => String)
  who(@AuthenticatedCtx() ctx: Authenticated): string {
    return ctx.principal.subject;
  }
}

describe('@AuthenticatedCtx()', () => {
  const run = async (contextValue: RequestContext) => {
    const schema = await buildSchema({ resolvers: [WhoResolver], validate: false });
    return graphql({ schema, source: '{ who }', contextValue });
  };

  it("gives the resolver the signed-in caller's context", async () => {
    expect((await run(base({ principal: chair }))).data).toEqual({ who: 'chair-1' });
  });

  it('answers UNAUTHENTICATED, not a TypeError, when a field was left open by mistake', async () => {
    const res = await run(base());
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
