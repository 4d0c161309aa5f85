import { randomBytes } from 'node:crypto';
import { ENTRY, freePort, TestProcess } from '@scr/testing';

export type Part = 'agencies' | 'incidents' | 'reviews' | 'action-plans' | 'gateway';
const SUBGRAPHS: Part[] = ['agencies', 'incidents', 'reviews', 'action-plans'];
const PORT_VARIABLES: Record<Part, string> = {
  agencies: 'AGENCIES_PORT',
  incidents: 'INCIDENTS_PORT',
  reviews: 'REVIEWS_PORT',
  'action-plans': 'ACTION_PLANS_PORT',
  gateway: 'GATEWAY_PORT',
};

/**
 * The compiled platform, one process per part as production runs it, on the
 * suite's own MariaDB. Parts can be killed and started again one by one; the
 * suite reads every line each one printed.
 */
export class FaultPlatform {
  readonly processes = new Map<Part, TestProcess>();
  /** Every process ever started, restarted ones included, for counting log lines. */
  private readonly all: TestProcess[] = [];

  private constructor(readonly env: Record<string, string>) {}

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.env.GATEWAY_PORT}/graphql`;
  }

  static async start(databaseUrl: string, extraEnv: Record<string, string>): Promise<FaultPlatform> {
    const env: Record<string, string> = {
      NODE_ENV: 'development',
      SEED_DEMO: '0',
      DATABASE_URL: databaseUrl,
      DATABASE_PREFIX: 'faults',
      GATEWAY_SECRET: randomBytes(24).toString('hex'),
      ...extraEnv,
    };
    for (const part of [...SUBGRAPHS, 'gateway' as const]) env[PORT_VARIABLES[part]] = String(await freePort());
    const platform = new FaultPlatform(env);
    // The directory first: the others ask it; then the rest together; the gateway last.
    await platform.startPart('agencies');
    await Promise.all(SUBGRAPHS.filter((p) => p !== 'agencies').map((p) => platform.startPart(p)));
    await platform.startPart('gateway');
    return platform;
  }

  async startPart(part: Part): Promise<void> {
    const child = new TestProcess(ENTRY[part], this.env);
    this.processes.set(part, child);
    this.all.push(child);
    await child.waitFor(new RegExp(`${part}: ready on`), 240_000);
  }

  async killPart(part: Part): Promise<void> {
    const child = this.processes.get(part)!;
    child.kill('SIGKILL');
    await child.exited;
  }

  /** Where each process's output stands now, to read what was printed after it (linesSince). */
  marks(): number[] {
    return this.all.map((p) => p.lines.length);
  }

  /** Every line any part printed after `marks`, process by process (a process started since counts whole). */
  linesSince(marks: number[]): string[] {
    return this.all.flatMap((p, i) => p.lines.slice(marks[i] ?? 0));
  }

  /**
   * What the parts reported about the outage after `marks`: every line but the
   * one access line each request gets (issue 14), whose number follows the
   * load the test chooses, not the outage.
   */
  reportsSince(marks: number[]): string[] {
    return this.linesSince(marks).filter((line) => !isAccessLine(line));
  }

  async stop(): Promise<void> {
    for (const p of this.all) p.kill('SIGKILL');
    await Promise.all(this.all.map((p) => p.exited));
  }
}

/** pino-http's request line: a JSON object with the request and the response. */
function isAccessLine(line: string): boolean {
  const json = line.slice(line.indexOf('{'));
  try {
    const parsed = JSON.parse(json) as { req?: unknown; res?: unknown };
    return parsed.req !== undefined && parsed.res !== undefined;
  } catch {
    return false;
  }
}
