import { benchOptions, UsageError } from '../options';

const NAMES = ['direct-boards', 'boards', 'list', 'review', 'stats', 'write'];

function usageMessage(args: string[]): string {
  try {
    benchOptions(args, NAMES);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('pnpm bench options', () => {
  it('runs every scenario with the documented defaults when given nothing', () => {
    expect(benchOptions([], NAMES)).toEqual({
      incidents: 100_000,
      rounds: 2,
      duration: 8,
      warmup: 3,
      connections: 50,
      writeRate: 30,
      writeSeconds: 60,
      writeWarmup: 15,
      scenarios: undefined,
      profile: undefined,
      nodeArgs: [],
      baseline: undefined,
    });
  });

  it('takes scenarios comma-separated and repeated, and numbers and folders as given', () => {
    const options = benchOptions(
      [
        '--scenario',
        'direct-boards,list',
        '--scenario',
        'write',
        '--incidents',
        '1000000',
        '--warmup',
        '0',
        '--profile',
        '/tmp/p',
        '--node-arg=--max-semi-space-size=64',
      ],
      NAMES,
    );
    expect(options).toMatchObject({
      scenarios: ['direct-boards', 'list', 'write'],
      incidents: 1_000_000,
      warmup: 0,
      profile: '/tmp/p',
      nodeArgs: ['--max-semi-space-size=64'],
    });
  });

  it('answers --help with the usage, before any check of the rest', () => {
    expect(benchOptions(['--help', '--rounds', 'x'], NAMES)).toBe('help');
  });

  it('refuses a misspelt scenario, naming it and the real ones, rather than measuring nothing', () => {
    expect(usageMessage(['--scenario', 'list,reveiw'])).toBe('--scenario reveiw: not a scenario (there are direct-boards, boards, list, review, stats, write)');
  });

  it('refuses a number that is not a whole number at or above its least', () => {
    expect(usageMessage(['--incidents', '10k'])).toBe('--incidents 10k: expected a whole number of at least 1');
    expect(usageMessage(['--rounds', '0'])).toBe('--rounds 0: expected a whole number of at least 1');
    expect(usageMessage(['--duration', '2.5'])).toBe('--duration 2.5: expected a whole number of at least 1');
    expect(usageMessage(['--warmup=-1'])).toBe('--warmup -1: expected a whole number of at least 0');
  });

  it('refuses an unknown option by name', () => {
    expect(usageMessage(['--incident', '5'])).toBe("Unknown option '--incident'");
  });
});
