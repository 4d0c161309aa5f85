import { randomUUID } from 'node:crypto';
import { currentRequestId, logger } from '@scr/observability';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import { getOperationAST, Kind, parse, type DocumentNode } from 'graphql';
import type { Principal } from '@scr/auth';
import type { Config } from '@scr/config';
import { argumentIds, InternalClient } from '@scr/graphql-kit/edge';
import { ask, auditShipping } from '@scr/internal-api';
import type { GatewayContext } from './context';

/** A GraphQL name, as the audit stores it: never free text from the request. */
const NAME = /^[A-Za-z0-9_]{1,100}$/;

/** The operation's name as parsed from the document (the one `operationName` picks), or undefined. */
export function parsedOperationName(document: DocumentNode | undefined, operationName: unknown): string | undefined {
  if (!document) return undefined;
  const operation = getOperationAST(document, typeof operationName === 'string' ? operationName : undefined);
  const name = operation?.name?.value;
  return name && NAME.test(name) ? name : undefined;
}

/** Parses a request body's query for its operation name only; whatever cannot be parsed names nothing. */
export function operationNameOfBody(body: unknown, maxTokens: number): string | undefined {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return undefined;
  try {
    return parsedOperationName(parse(query, { maxTokens, noLocation: true }), operationName);
  } catch {
    return undefined;
  }
}

interface GatewayRefusal {
  outcome: string;
  operation?: string;
  principal?: Principal;
  targetIds?: string[];
}

/**
 * A request the gateway itself refuses never reaches a subgraph, so it is
 * audited here: the row goes straight to the directory's trail. Failing to
 * record it must not change the caller's answer, so errors are only logged.
 */
export async function recordGatewayRefusal(config: Config, refusal: GatewayRefusal): Promise<void> {
  const p = refusal.principal;
  try {
    const row = {
      id: randomUUID(),
      at: new Date().toISOString(),
      service: 'gateway',
      subject: (p?.subject ?? 'anonymous').slice(0, 200),
      roles: (p?.roles ?? []).join(',').slice(0, 200),
      board: p?.board?.slice(0, 32) ?? null,
      recordBoard: null,
      operation: refusal.operation && NAME.test(refusal.operation) ? refusal.operation : 'request',
      targetIdsJson: JSON.stringify([...new Set(refusal.targetIds ?? [])].slice(0, 50)),
      outcome: refusal.outcome,
      requestId: currentRequestId() ?? null,
    };
    await ask(new InternalClient(config), auditShipping, { rows: [row] });
  } catch (error) {
    logger.error(`[gateway] could not audit a refused request: ${(error as Error).message}`);
  }
}

/** A request refused for its token (before GraphQL runs): named by the operation its document declares, if any. */
export function auditGatewayRefusal(config: Config, req: Request, outcome: string): Promise<void> {
  return recordGatewayRefusal(config, { outcome, operation: operationNameOfBody(req.body, config.limits.maxTokens) });
}

/**
 * Audits a mutation the gateway refuses before any subgraph sees it
 * (validation, limits, list sizes): who, which mutation, which ids, and the
 * refusal's code. Errors met once execution started come from the
 * subgraphs, which audit their own.
 */
export function mutationRefusalAudit(config: Config): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let executing = false;
      return {
        async executionDidStart() {
          executing = true;
        },
        async didEncounterErrors({ document, request, errors, contextValue }) {
          if (executing || !document) return;
          const operation = getOperationAST(document, request.operationName);
          const isMutation = operation
            ? operation.operation === 'mutation'
            : document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
          if (!isMutation) return;
          const variables = request.variables ?? {};
          const fields = operation?.selectionSet.selections.filter((s) => s.kind === Kind.FIELD) ?? [];
          const [onlyField] = fields;
          const code = errors.map((e) => e.extensions?.code).find((c): c is string => typeof c === 'string') ?? 'GRAPHQL_VALIDATION_FAILED';
          await recordGatewayRefusal(config, {
            outcome: code.slice(0, 40),
            operation: fields.length === 1 && onlyField?.kind === Kind.FIELD ? onlyField.name.value : parsedOperationName(document, request.operationName),
            principal: contextValue.principal,
            targetIds: fields.flatMap((f) => (f.kind === Kind.FIELD ? safeIds(() => argumentIds(f, variables)) : [])),
          });
        },
      };
    },
  };
}

/** Ids of arguments that may not even be valid: whatever cannot be read names nothing. */
function safeIds(read: () => string[]): string[] {
  try {
    return read();
  } catch {
    return [];
  }
}
