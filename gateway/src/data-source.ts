import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { GATEWAY_SECRET_HEADER } from '@scr/graphql-kit/edge';
import { requestIdHeaders, subgraphFetchDuration } from '@scr/observability';
import type { GatewayContext } from './context';
import { dedupeRepresentations, expandEntities } from './entity-dedupe';
import type { Fetcher } from './subgraph-fetcher';

/**
 * Forwards the caller's token (each subgraph verifies it again) and the
 * gateway secret (so subgraphs in production answer no one else). A
 * subgraph's refusal with HTTP 4xx reaches the caller with its own message and
 * code, never as INTERNAL_SERVER_ERROR with the raw response.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly gatewaySecret: string,
    fetcher: Fetcher,
  ) {
    super({ url, fetcher });
  }

  /**
   * A part of the platform that does not answer at all (stopped, crashed,
   * restarting) fails only its own fields, with SERVICE_UNAVAILABLE naming it;
   * the other parts' fields still answer.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const end = subgraphFetchDuration.startTimer({ subgraph: this.subgraph });
    // Each distinct entity is asked for once (a list's 50 rows of one board: one Board).
    const deduped = dedupeRepresentations(options.request.variables);
    if (deduped) options.request.variables = { ...options.request.variables, representations: deduped.unique };
    try {
      const answered = await super.process(options);
      const response = deduped ? expandEntities(answered, deduped.positions) : answered;
      end({ outcome: response.errors?.length ? 'error' : 'ok' });
      return response;
    } catch (error) {
      end({ outcome: error instanceof GraphQLError ? 'error' : 'unreachable' });
      if (error instanceof GraphQLError) throw error;
      throw new GraphQLError(`The ${this.subgraph} part of the platform is not answering. Try again shortly.`, {
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    // The subgraph logs under the gateway's request id, so one request's lines join across processes.
    for (const [name, value] of Object.entries(requestIdHeaders())) request.http?.headers.set(name, value);
    const authorization = (context as Partial<GatewayContext>)?.authorization;
    if (authorization) request.http?.headers.set('authorization', authorization);
  }

  override async errorFromResponse(response: Response): Promise<GraphQLError> {
    let body: { errors?: { message?: string; extensions?: { code?: string; field?: string } }[] } | undefined;
    try {
      body = (await response.json()) as typeof body;
    } catch {
      body = undefined;
    }
    const first = body?.errors?.[0];
    if (first?.message && first.extensions?.code) {
      return new GraphQLError(first.message, { extensions: { code: first.extensions.code, field: first.extensions.field } });
    }
    // A proxy or the subgraph itself saying "not now" (502, 503, 504) is a temporary condition.
    const temporary = response.status === 502 || response.status === 503 || response.status === 504;
    return new GraphQLError('A service behind the gateway could not answer. Try again shortly.', {
      extensions: { code: temporary ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR' },
    });
  }
}
