import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { PART_NODE_OPTIONS } from './node-options';

export interface PartSpec {
  name: string;
  /** The built entry point (dist/main.js). */
  entry: string;
  /** GET this for 200 once the part can serve. */
  readyUrl: string;
  /** More Node options for this part, after PART_NODE_OPTIONS so they win (the benchmark's --cpu-prof, which NODE_OPTIONS does not take). */
  nodeArgs?: string[];
}

/**
 * One part of the platform as a child process, its output line by line with
 * the part's name in front, so five processes' logs never interleave
 * mid-line. The child gets an IPC channel only so it notices when the launcher
 * is gone and stops itself: no process outlives `pnpm start`.
 */
export class Child {
  readonly process: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exit?: { code: number | null; signal: NodeJS.Signals | null };

  constructor(
    readonly spec: PartSpec,
    env: NodeJS.ProcessEnv,
    write: (line: string) => void,
  ) {
    this.process = spawn(process.execPath, ['--enable-source-maps', ...PART_NODE_OPTIONS, ...(spec.nodeArgs ?? []), spec.entry], {
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const prefix = `[${spec.name}]`.padEnd(15);
    for (const stream of [this.process.stdout!, this.process.stderr!]) {
      readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => write(`${prefix}${line}`));
    }
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** Polls the readiness route until it answers 200; fails if the child exits first or the deadline passes. */
  async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exit) throw new Error(`${this.spec.name} exited (${describeExit(this.exit)}) before it was ready`);
      try {
        const res = await fetch(this.spec.readyUrl, { signal: AbortSignal.timeout(2000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${this.spec.name} was not ready within ${Math.round(timeoutMs / 1000)} s (${this.spec.readyUrl})`);
  }

  /** SIGTERM (the part drains and exits 0), then SIGKILL if it is still there after killAfterMs. */
  async stop(killAfterMs: number): Promise<void> {
    if (this.exit) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), killAfterMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export function describeExit(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
