import type { ApolloServer } from '@apollo/server';
import type { Request, Response, RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { TokenVerifier } from '@scr/auth';
import type { Config } from '@scr/config';
import { gatewayContext, type GatewayContext } from '../context';
import { auditGatewayRefusal } from '../refusal-audit';
import { RETRY_AFTER_SECONDS } from '@scr/graphql-kit/edge';
import { statisticsCsv, type StatCell } from './statistics-csv';
import { exportFileName, QuestionError, readStatisticsQuestion, statisticsOperation } from './statistics-question';

/** The HTTP status of an answer refused with the DOMAIN.md code. */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** GraphQL names the operation's variables ("$interval", "$b0"); the caller wrote URL parameters. */
export function asParameters(message: string): string {
  return message.replace(/Variable "\$b\d+"/g, 'Parameter "board"').replace(/Variable "\$(from|to|interval|by)"/g, 'Parameter "$1"');
}

function refuse(res: Response, code: string, message: string): void {
  if (code === 'SERVICE_UNAVAILABLE') res.set('retry-after', String(RETRY_AFTER_SECONDS));
  res.status(STATUS[code] ?? 500).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * `GET /exports/statistics.csv`: runs the `incidentStats` operation through
 * this gateway's own GraphQL pipeline as the caller (same token checks,
 * permissions, limits, suppression and rounding as at /graphql) and writes
 * the cells as CSV. Refusals answer JSON with the contract's error code.
 */
export function statisticsExport(config: Config, apollo: ApolloServer<GatewayContext>, verify: TokenVerifier): RequestHandler {
  return async (req: Request, res: Response) => {
    let question;
    try {
      question = readStatisticsQuestion(req.query as Record<string, unknown>);
    } catch (error) {
      if (error instanceof QuestionError) return refuse(res, 'BAD_USER_INPUT', error.message);
      throw error;
    }
    let contextValue: GatewayContext;
    try {
      contextValue = await gatewayContext(req, verify);
    } catch (error) {
      await auditGatewayRefusal(config, req, 'UNAUTHENTICATED');
      return refuse(res, 'UNAUTHENTICATED', error instanceof Error ? error.message : 'The bearer token could not be checked.');
    }
    if (!contextValue.principal) return refuse(res, 'UNAUTHENTICATED', 'Sign in: send "Authorization: Bearer <token>" (get one with pnpm token).');

    const response = await apollo.executeOperation(statisticsOperation(question), { contextValue });
    if (response.body.kind !== 'single') return refuse(res, 'INTERNAL_SERVER_ERROR', 'The statistics could not be exported.');
    const { data, errors } = response.body.singleResult as {
      data?: Record<string, { code: string; incidentStats: StatCell[] } | null>;
      errors?: readonly GraphQLFormattedError[];
    };
    const [firstError] = errors ?? [];
    if (firstError) {
      const code = String(firstError.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      return refuse(res, code, asParameters(firstError.message));
    }
    const answers = question.boards.map((_, i) => data?.[`b${i}`]);
    const unknown = question.boards.filter((_, i) => !answers[i]);
    if (unknown.length) return refuse(res, 'NOT_FOUND', `No board with code ${unknown.map((c) => `"${c}"`).join(', ')}.`);

    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .set('content-disposition', `attachment; filename="${exportFileName(question)}"`)
      .set('cache-control', 'no-store')
      .send(statisticsCsv(question, answers as { code: string; incidentStats: StatCell[] }[]));
  };
}
