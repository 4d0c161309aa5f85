import type { Router } from 'express';
import { z } from 'zod';
import type { ServiceName } from '@scr/config';

/**
 * One /internal route: which subgraph answers it, where, and the shape of its
 * request and answer. The asking side and the answering side both use it, so
 * a change to either shape is a type error on the other, and a body that does
 * not fit is refused at the edge instead of being cast with `as`.
 */
export interface InternalRoute<Req extends z.ZodType, Res extends z.ZodType> {
  service: ServiceName;
  path: string;
  request: Req;
  answer: Res;
}

export function internalRoute<Req extends z.ZodType, Res extends z.ZodType>(
  service: ServiceName,
  path: string,
  request: Req,
  answer: Res,
): InternalRoute<Req, Res> {
  return { service, path, request, answer };
}

/** What asks: the platform's InternalClient (graphql-kit), or a stand-in in tests. */
export interface InternalTransport {
  post<T>(service: ServiceName, path: string, body: unknown): Promise<T>;
}

/** The other subgraph answered, but not in the agreed shape: a bug on one side, never the caller's fault. */
export class InternalContractError extends Error {
  constructor(route: InternalRoute<z.ZodType, z.ZodType>, error: z.ZodError) {
    super(`The ${route.service} service's answer to ${route.path} does not fit the internal API: ${z.prettifyError(error)}`);
    this.name = 'InternalContractError';
  }
}

/** Asks a route; the answer is checked against its shape before anyone reads it. */
export async function ask<Req extends z.ZodType, Res extends z.ZodType>(
  transport: InternalTransport,
  route: InternalRoute<Req, Res>,
  body: z.input<Req>,
): Promise<z.output<Res>> {
  const answer = route.answer.safeParse(await transport.post<unknown>(route.service, route.path, body));
  if (!answer.success) throw new InternalContractError(route, answer.error);
  return answer.data;
}

/** Answers a route on the subgraph's internal router: a body that does not fit is HTTP 400 saying why, and the handler gets it typed. */
export function answer<Req extends z.ZodType, Res extends z.ZodType>(
  router: Router,
  route: InternalRoute<Req, Res>,
  handler: (body: z.output<Req>) => Promise<z.input<Res>>,
): void {
  router.post(route.path, async (req, res) => {
    const body = route.request.safeParse(req.body ?? {});
    if (!body.success) {
      res.status(400).json({ error: `${route.path}: ${z.prettifyError(body.error)}` });
      return;
    }
    res.json(await handler(body.data));
  });
}
