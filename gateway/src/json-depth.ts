import type { NextFunction, Request, Response } from 'express';

/** Deeper than any input type of the contract; deeper JSON only serves to exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

/** True when the value nests objects or arrays deeper than `max`; iterative, so hostile depth cannot overflow it. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuses a request body whose JSON nests too deep, before anything parses or forwards it. */
export function jsonDepthLimit(req: Request, res: Response, next: NextFunction): void {
  if (nestsDeeperThan(req.body, MAX_JSON_DEPTH + 2)) {
    res.status(400).json({
      errors: [
        {
          message: `The request's JSON nests more than ${MAX_JSON_DEPTH} levels deep; no input of this API needs that.`,
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    return;
  }
  next();
}
