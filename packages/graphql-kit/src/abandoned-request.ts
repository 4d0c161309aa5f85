import type { NextFunction, Request, Response } from 'express';

/** nginx's "client closed request": the caller hung up before it could be answered. */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * Put right after `express.json()`. A caller that hangs up while its request
 * waits (behind the rate limiter, say) leaves a request the body parser skips
 * as finished, so it never gets a body; Apollo's middleware then answers 500
 * ("req.body is not set"), which the request log showed as a server error at
 * the end of every load-test round although nobody was there to receive it.
 * Such a request is not run (it has no operation to run) and is logged as
 * 499; a request without a body from a caller still connected goes on to
 * Apollo's own answer.
 */
export function dropAbandonedRequests(req: Request, res: Response, next: NextFunction): void {
  const bodyUnread = !Reflect.has(req, 'body');
  if (bodyUnread && (req.readableAborted || req.socket?.destroyed)) {
    res.statusCode = CLIENT_CLOSED_REQUEST;
    res.end();
    return;
  }
  next();
}
