import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpuMillis, processGroup, pssBytes, rssBytes } from '../process-cpu';

const linux = process.platform === 'linux' ? describe : describe.skip;

/** Once told to go, spins until it has used 300 ms of CPU by its own count (however busy the machine), then says done. */
const SPINNER = `
console.log('ready');
process.stdin.once('data', () => {
  const from = process.cpuUsage();
  while ((process.cpuUsage(from).user + process.cpuUsage(from).system) < 300000);
  console.log('done');
});`;

linux('cpuMillis (the bench CPU per request column)', () => {
  it('reads the CPU a process used: a child that spins for 300 ms of CPU reads as about 300 ms more', async () => {
    const child = spawn(process.execPath, ['-e', SPINNER], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const readings: number[] = [];
      for await (const _line of createInterface({ input: child.stdout! })) {
        readings.push(cpuMillis(child.pid!)!);
        if (readings.length === 2) break;
        child.stdin!.write('go\n');
      }
      const [start, done] = readings as [number, number];
      // /proc counts in 10 ms ticks; the console.log calls add a little.
      expect(done - start).toBeGreaterThanOrEqual(280);
      expect(done - start).toBeLessThan(600);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('answers undefined for a process that is not there, so a part that died shows no figure rather than a wrong one', () => {
    expect(cpuMillis(2 ** 30)).toBeUndefined();
  });

  it('finds every process of a group, children included, so a baseline started under pnpm is counted whole', async () => {
    // A shell leading its own group, with two children of its own.
    const leader = spawn('sh', ['-c', 'sleep 30 & sleep 30 & wait'], { detached: true, stdio: 'ignore' });
    try {
      let group: number[] = [];
      for (let tries = 0; tries < 50 && group.length < 3; tries++) {
        await new Promise((r) => setTimeout(r, 20));
        group = processGroup(leader.pid!);
      }
      expect(group).toContain(leader.pid);
      expect(group).toHaveLength(3);
      expect(group).not.toContain(process.pid);
      expect(rssBytes(leader.pid!)).toBeGreaterThan(0);
    } finally {
      process.kill(-leader.pid!, 'SIGKILL');
    }
  });

  it("splits pages a process shares with another between them: two Node processes' PSS is less than their RSS", async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const rss = rssBytes(other.pid!);
      const pss = pssBytes(other.pid!);
      // Both map Node's own code; the other's share of it is at most half.
      expect(pss).toBeGreaterThan(0);
      expect(pss).toBeLessThan(rss);
      expect(pssBytes(2 ** 30)).toBe(0);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
