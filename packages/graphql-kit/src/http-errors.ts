import type { NextFunction, Request, Response } from 'express';

/** Body-parser and other HTTP-level failures answer JSON with a code, never a stack trace. */
export function httpErrors(error: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) {
  if (error.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: 'The request body is larger than 1 MB.', extensions: { code: 'BAD_USER_INPUT' } }] });
    return;
  }
  if (error.status && error.status < 500) {
    res.status(400).json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } }] });
    return;
  }
  console.error('[http]', error);
  res.status(500).json({ errors: [{ message: 'Internal error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}
