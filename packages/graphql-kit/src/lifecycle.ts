import type { Server } from 'node:http';
import type { Express, RequestHandler } from 'express';
import { loadConfig, type Config } from '@scr/config';
import { collectProcessMetrics, logger, registerReadiness, setLogPart, stopTracing } from '@scr/observability';

/**
 * Health and shutdown shared by the gateway and every subgraph process.
 * Kubernetes (and the launcher) read /health/live (the process answers) and
 * /health/ready (it can serve: its database or its subgraphs are there); a
 * stopping process turns not-ready first so no new traffic is sent its way.
 */
export class Lifecycle {
  draining = false;

  /** While draining, every answer closes its connection so keep-alive clients move to another replica. */
  readonly closeWhileDraining: RequestHandler = (_req, res, next) => {
    if (this.draining) res.setHeader('connection', 'close');
    next();
  };

  /** Mounts GET /health/live and GET /health/ready; `problem` names what keeps the process from serving, if anything. */
  mountHealth(app: Express, name: string, problem: () => Promise<string | undefined>): void {
    // The same answer on each scrape (scr_ready), for the "part not ready" alert.
    registerReadiness(name, async () => (this.draining ? 'shutting down' : problem()));
    app.get('/health/live', (_req, res) => {
      res.json({ part: name, live: true });
    });
    app.get('/health/ready', async (_req, res) => {
      const why = this.draining ? 'shutting down' : await problem();
      res.status(why ? 503 : 200).json(why ? { part: name, ready: false, problem: why } : { part: name, ready: true });
    });
  }
}

/**
 * Stops accepting connections and lets requests in flight finish, for at most
 * graceMs; then cuts what is left. graceMs 0 cuts at once (the in-process test
 * harness stops platforms quickly).
 */
/**
 * Idle keep-alive connections outlive the clients' own idle timeouts (undici
 * keeps a socket for the server's advertised timeout less one second; load
 * balancers about 60 s). With Node's 5 s default the server could close a
 * socket in the instant a client reuses it, after a pause of the event loop
 * longer than that, and the client's request failed with ECONNRESET.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Node requires headersTimeout above keepAliveTimeout, or it cuts slow first requests on reused sockets.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}

export function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    server.close(() => {
      if (timer) clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
    if (graceMs <= 0) server.closeAllConnections();
    else timer = setTimeout(() => server.closeAllConnections(), graceMs);
  });
}

export interface Stoppable {
  stop(options?: { graceMs?: number }): Promise<void>;
}

/**
 * Runs one part of the platform as a process: reads the environment, starts it, and on SIGTERM or
 * SIGINT stops it (not ready, drain, relays, pools) and exits 0. Failures are
 * one plain line, never a stack trace; a failed start exits 1.
 */
export function runProcess(name: string, start: (config: Config) => Promise<Stoppable>): void {
  setLogPart(name);
  collectProcessMetrics(name);
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    logger.fatal(`${name} could not start: ${plain(error)}`);
    process.exit(1);
  }
  const graceMs = config.shutdownGraceMs;
  const started = start(config);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${name}: ${signal}, finishing requests in flight (up to ${graceMs} ms) and stopping`);
    started
      .then((part) => part.stop({ graceMs }))
      .then(() => stopTracing())
      .then(
        () => {
          logger.info(`${name}: stopped`);
          process.exit(0);
        },
        (error: unknown) => {
          logger.error(`${name}: stopped with an error: ${plain(error)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Started by the launcher (an IPC channel): stop when it is gone, so no part outlives it.
  if (process.send) process.on('disconnect', () => stop('the launcher is gone'));
  process.on('unhandledRejection', (error) => {
    // A rejection nobody awaited must not take the process down with a stack trace mid-drain.
    logger.error(`${name}: unhandled failure: ${plain(error)}`);
  });
  started.catch((error: unknown) => {
    logger.fatal(`${name} could not start: ${plain(error)}`);
    process.exit(1);
  });
}

function plain(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
