import type { RequestHandler, Response } from 'express';

/** How long a caller told SERVICE_UNAVAILABLE is asked to wait before trying again (the messages say "in a minute"). */
export const RETRY_AFTER_SECONDS = 60;

/** The HTTP answer for "a part of the platform is down or too slow: try again" (DOMAIN.md: 503 with Retry-After). */
export function sendServiceUnavailable(res: Response, message: string): void {
  res
    .status(503)
    .set('retry-after', String(RETRY_AFTER_SECONDS))
    .json({ errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
}

export const DEADLINE_MESSAGE = 'The request took too long (a database or service it needs is slow or not answering). Try again in a minute.';

/**
 * Answers 503 SERVICE_UNAVAILABLE with Retry-After when the rest of the
 * chain has not answered within `deadlineMs`, so a hung database or service
 * never holds a caller for longer. The work already started is not
 * cancelled (a write may still commit: every mutation is safe to retry); its
 * late answer is dropped.
 */
export function requestDeadline(deadlineMs: number, onExpired: (path: string) => void = () => undefined): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      onExpired(req.originalUrl);
      sendServiceUnavailable(res, DEADLINE_MESSAGE);
      dropLateAnswer(res);
    }, deadlineMs);
    const clear = () => clearTimeout(timer);
    res.on('finish', clear);
    res.on('close', clear);
    next();
  };
}

/** The handler still running will try to answer: its headers and body go nowhere instead of throwing. */
function dropLateAnswer(res: Response): void {
  const ignore = function (this: Response) {
    return this;
  };
  res.setHeader = ignore as unknown as Response['setHeader'];
  res.writeHead = ignore as unknown as Response['writeHead'];
  res.write = (() => true) as unknown as Response['write'];
  res.end = ignore as unknown as Response['end'];
}
