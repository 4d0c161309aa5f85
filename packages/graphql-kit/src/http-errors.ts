import type { NextFunction, Request, Response } from 'express';
import { logFailure, SERVICE_UNAVAILABLE_MESSAGE, transientReason } from './log-failure';
import { sendServiceUnavailable } from './request-deadline';

/** Body-parser and other HTTP-level failures answer JSON with a code, never a stack trace. */
export function httpErrors(error: { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) {
  if (error.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: 'The request body is larger than 1 MB.', extensions: { code: 'BAD_USER_INPUT' } }] });
    return;
  }
  if (error.status && error.status < 500) {
    res.status(400).json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } }] });
    return;
  }
  logFailure(`[http] ${req.method} ${req.path}`, error);
  if (transientReason(error)) {
    sendServiceUnavailable(res, SERVICE_UNAVAILABLE_MESSAGE);
    return;
  }
  res.status(500).json({ errors: [{ message: 'Internal error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}
