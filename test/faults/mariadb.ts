import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@scr/testing';

const run = promisify(execFile);
const MARIADBD = process.env.FAULTS_MARIADBD || '/usr/sbin/mariadbd';
const INSTALL_DB = process.env.FAULTS_MARIADB_INSTALL_DB || 'mariadb-install-db';

/**
 * A MariaDB server of the fault suite's own (Debian's mariadbd), in a temp
 * datadir on a free port, so it can be frozen, killed and restarted without
 * touching the machine's shared server. Runs as whoever runs the tests
 * (`--user=root` when that is root, which mariadbd otherwise refuses).
 */
export class TestMariaDb {
  private process?: ChildProcess;
  readonly log: string[] = [];

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.process!.pid!;
  }

  static async start(): Promise<TestMariaDb> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scr-faults-mariadb-'));
    await run(
      INSTALL_DB,
      ['--no-defaults', `--datadir=${path.join(dir, 'data')}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'],
      {
        maxBuffer: 10 * 1024 * 1024,
      },
    );
    const db = new TestMariaDb(dir, await freePort());
    await db.launch();
    return db;
  }

  /** Starts mariadbd on the datadir (again after a kill: InnoDB recovers what was committed) and waits until it accepts connections. */
  async launch(): Promise<number> {
    const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
    this.process = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${path.join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${path.join(this.dir, 'mariadb.sock')}`,
        `--pid-file=${path.join(this.dir, 'mariadb.pid')}`,
        '--skip-log-bin',
        '--innodb-buffer-pool-size=64M',
        '--skip-name-resolve',
        ...asRoot,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => this.log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    this.process.stdout!.on('data', keep);
    this.process.stderr!.on('data', keep);
    return this.waitAccepting();
  }

  /** Resolves with the time (ms since epoch) at which a MySQL handshake first succeeds again. */
  async waitAccepting(timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await greets(this.port)) return Date.now();
      if (Date.now() > deadline) throw new Error(`MariaDB did not accept connections within ${timeoutMs} ms:\n${this.log.slice(-20).join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGSTOP: connections stay open, nothing answers (a hung server, a stalled disk). */
  freeze(): void {
    process.kill(this.pid, 'SIGSTOP');
  }

  resume(): void {
    process.kill(this.pid, 'SIGCONT');
  }

  /** SIGKILL: every connection drops, new ones are refused, until launch(). */
  async kill(): Promise<void> {
    const child = this.process!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid!, 'SIGCONT');
      } catch {
        // already gone
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** True when the server sends its handshake greeting (a frozen server accepts the socket but says nothing). */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('data', () => done(true));
    socket.once('error', () => done(false));
  });
}
