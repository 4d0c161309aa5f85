import type { NextFunction, Request, Response } from 'express';
import onFinished from 'on-finished';

/** nginx's "client closed request": the caller hung up before it could be answered. */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * Put right after `express.json()`. A caller that hangs up while its request
 * waits (behind the rate limiter, say) leaves a request the body parser skips
 * as finished (its socket no longer readable), so it never gets a body;
 * Apollo's middleware then answers 500 ("req.body is not set"), which the
 * request log showed as a server error at the end of load-test rounds
 * although nobody was there to receive it.
 * Such a request is not run (it has no operation to run) and is logged as
 * 499; a request without a body from a caller still connected goes on to
 * Apollo's own answer.
 */
export function dropAbandonedRequests(req: Request, res: Response, next: NextFunction): void {
  // The body parser's own test (on-finished): the caller closed its side (even half-closed), so nothing more is read.
  const bodyUnread = !Reflect.has(req, 'body');
  if (bodyUnread && onFinished.isFinished(req)) {
    res.statusCode = CLIENT_CLOSED_REQUEST;
    res.end();
    return;
  }
  next();
}
