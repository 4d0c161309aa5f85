import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The whole-number options: the least each takes, its default, and what --help says of it. */
const NUMBERS = {
  incidents: { least: 1, byDefault: 100_000, arg: 'N', text: 'incidents to generate' },
  rounds: { least: 1, byDefault: 2, arg: 'N', text: 'measured rounds of every read scenario' },
  duration: { least: 1, byDefault: 8, arg: 'S', text: 'seconds per round' },
  warmup: { least: 0, byDefault: 3, arg: 'S', text: 'seconds of load on each read scenario before the rounds' },
  connections: { least: 1, byDefault: 50, arg: 'N', text: 'concurrent connections' },
  'write-rate': { least: 1, byDefault: 30, arg: 'N', text: 'write pairs per second' },
  'write-seconds': { least: 1, byDefault: 60, arg: 'S', text: 'seconds of the measured write load' },
  'write-warmup': { least: 0, byDefault: 15, arg: 'S', text: 'seconds of write load before it' },
} as const;
type NumberOption = keyof typeof NUMBERS;

const usageLine = (option: string, text: string) => `  ${option.padEnd(21)}${text}`;

/** What `pnpm bench --help` prints; SCENARIOS stands for the scenarios' names. */
export const USAGE = [
  'pnpm bench [options]   (MariaDB at BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306)',
  '',
  usageLine('--scenario a,b', 'only these scenarios (repeatable): SCENARIOS'),
  ...Object.entries(NUMBERS).map(([name, { least, byDefault, arg, text }]) =>
    usageLine(`--${name} ${arg}`, `${text} (default ${byDefault}${least === 0 ? '; 0 for none' : ''})`),
  ),
  usageLine('--profile DIR', 'a CPU profile of every part into DIR when it stops'),
  usageLine('--node-arg ARG', 'a Node or V8 option for every part (repeatable)'),
  usageLine('--baseline DIR', 'an installed checkout of another version, measured on the same data in turns'),
  usageLine('--help', 'this text'),
].join('\n');

export interface BenchOptions {
  incidents: number;
  rounds: number;
  duration: number;
  warmup: number;
  connections: number;
  writeRate: number;
  writeSeconds: number;
  writeWarmup: number;
  /** The scenarios asked for by name; undefined runs them all. */
  scenarios?: string[];
  profile?: string;
  nodeArgs: string[];
  baseline?: string;
}

/** A mistake in the command line: shown as one line, with no stack trace. */
export class UsageError extends Error {}

/**
 * Reads the command line. `scenarioNames` are the ones the bench knows; an
 * unknown name, option or number is a UsageError saying which and why, so a
 * typo never runs a long benchmark that measures something else.
 */
export function benchOptions(args: string[], scenarioNames: readonly string[]): BenchOptions | 'help' {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        help: { type: 'boolean' },
        scenario: { type: 'string', multiple: true },
        profile: { type: 'string' },
        'node-arg': { type: 'string', multiple: true },
        baseline: { type: 'string' },
        ...Object.fromEntries(Object.entries(NUMBERS).map(([name, { byDefault }]) => [name, { type: 'string', default: String(byDefault) } as const])),
      },
    }));
  } catch (error) {
    // node:util's own message (from another realm under jest, so no instanceof), on one line.
    const message = (error as { message?: unknown } | undefined)?.message;
    throw new UsageError((typeof message === 'string' ? message : String(error)).replace(/\s*\n\s*/g, ' '));
  }
  if (values.help) return 'help';

  const numbers = {} as Record<NumberOption, number>;
  for (const [name, { least }] of Object.entries(NUMBERS) as [NumberOption, (typeof NUMBERS)[NumberOption]][]) {
    const parsed = z.coerce.number().int().min(least).safeParse(values[name]);
    if (!parsed.success) throw new UsageError(`--${name} ${String(values[name])}: expected a whole number of at least ${least}`);
    numbers[name] = parsed.data;
  }

  const scenarios = (values.scenario as string[] | undefined)?.flatMap((s) => s.split(',')).filter(Boolean);
  const unknown = scenarios?.filter((s) => !scenarioNames.includes(s)) ?? [];
  if (unknown.length) throw new UsageError(`--scenario ${unknown.join(',')}: not a scenario (there are ${scenarioNames.join(', ')})`);

  return {
    incidents: numbers.incidents,
    rounds: numbers.rounds,
    duration: numbers.duration,
    warmup: numbers.warmup,
    connections: numbers.connections,
    writeRate: numbers['write-rate'],
    writeSeconds: numbers['write-seconds'],
    writeWarmup: numbers['write-warmup'],
    scenarios: scenarios?.length ? scenarios : undefined,
    profile: values.profile as string | undefined,
    nodeArgs: (values['node-arg'] as string[] | undefined) ?? [],
    baseline: values.baseline as string | undefined,
  };
}
