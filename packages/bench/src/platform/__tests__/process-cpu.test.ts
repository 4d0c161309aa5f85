import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpuMillis } from '../process-cpu';

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
});
