import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Express, Request, Response } from 'express';
import { logger } from './logger';
import { registry } from './metrics';

export interface MetricsExposure {
  /** METRICS_TOKEN: GET /metrics on the part's own port answers only `Authorization: Bearer <token>`. */
  token?: string;
  /** METRICS_PORT: a separate listener serving only GET /metrics, without a token (keep the port private). */
  port?: number;
  /** Where the separate listener binds. */
  host?: string;
}

/** Reads METRICS_TOKEN and METRICS_PORT; neither set: no /metrics at all. */
export function metricsExposure(env: NodeJS.ProcessEnv = process.env, host?: string): MetricsExposure {
  const token = env.METRICS_TOKEN?.trim() || undefined;
  const raw = env.METRICS_PORT?.trim();
  const port = raw ? Number(raw) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`Configuration error: METRICS_PORT must be a port number, got "${raw}"`);
  }
  return { token, port, host };
}

async function answer(res: { setHeader(n: string, v: string): void; end(body: string): void; statusCode: number }): Promise<void> {
  try {
    const body = await registry.metrics();
    res.setHeader('content-type', registry.contentType);
    res.end(body);
  } catch (error) {
    logger.error({ err: error }, 'metrics: could not collect');
    res.statusCode = 500;
    res.end('could not collect metrics');
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Mounts GET /metrics on the app behind the token, and/or starts the separate
 * listener. Returns a function closing that listener.
 */
export async function exposeMetrics(app: Express, exposure: MetricsExposure): Promise<() => Promise<void>> {
  if (exposure.token) {
    const token = exposure.token;
    app.get('/metrics', (req: Request, res: Response) => {
      const match = /^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '');
      if (!match || !sameSecret(match[1]!, token)) {
        res.status(401).json({ error: 'metrics need the METRICS_TOKEN bearer token' });
        return;
      }
      void answer(res);
    });
  }
  if (exposure.port === undefined) return async () => undefined;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') void answer(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(exposure.port, exposure.host, resolve);
  });
  const address = server.address();
  logger.info(`metrics on port ${typeof address === 'object' && address ? address.port : exposure.port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
