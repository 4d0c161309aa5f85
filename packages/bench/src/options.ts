import { parseArgs } from 'node:util';
import { z } from 'zod';

/** What `pnpm bench --help` prints. */
export const USAGE = `pnpm bench [options]   (MariaDB at BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306)

  --incidents N        incidents to generate (default 100000)
  --scenario a,b       only these scenarios (repeatable): SCENARIOS
  --rounds N           measured rounds of every read scenario (default 2)
  --duration S         seconds per round (default 8)
  --warmup S           seconds of load on each read scenario before the rounds (default 3; 0 for none)
  --connections N      concurrent connections (default 50)
  --write-rate N       write pairs per second (default 30)
  --write-seconds S    seconds of the measured write load (default 60)
  --write-warmup S     seconds of write load before it (default 15; 0 for none)
  --profile DIR        a CPU profile of every part into DIR when it stops
  --node-arg ARG       a Node or V8 option for every part (repeatable)
  --baseline DIR       an installed checkout of another version, measured on the same data in turns
  --help               this text`;

const count = (min: number) => z.coerce.number().int().min(min);

const NUMBERS = {
  incidents: count(1),
  rounds: count(1),
  duration: count(1),
  warmup: count(0),
  connections: count(1),
  'write-rate': count(1),
  'write-seconds': count(1),
  'write-warmup': count(0),
} as const;

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
        incidents: { type: 'string', default: '100000' },
        duration: { type: 'string', default: '8' },
        rounds: { type: 'string', default: '2' },
        connections: { type: 'string', default: '50' },
        scenario: { type: 'string', multiple: true },
        'write-rate': { type: 'string', default: '30' },
        'write-seconds': { type: 'string', default: '60' },
        'write-warmup': { type: 'string', default: '15' },
        warmup: { type: 'string', default: '3' },
        profile: { type: 'string' },
        'node-arg': { type: 'string', multiple: true },
        baseline: { type: 'string' },
      },
    }));
  } catch (error) {
    // node:util's own message (from another realm under jest, so no instanceof), on one line.
    const message = (error as { message?: unknown } | undefined)?.message;
    throw new UsageError((typeof message === 'string' ? message : String(error)).replace(/\s*\n\s*/g, ' '));
  }
  if (values.help) return 'help';

  const numbers = {} as Record<keyof typeof NUMBERS, number>;
  for (const [name, schema] of Object.entries(NUMBERS) as [keyof typeof NUMBERS, (typeof NUMBERS)[keyof typeof NUMBERS]][]) {
    const parsed = schema.safeParse(values[name]);
    if (!parsed.success) throw new UsageError(`--${name} ${String(values[name])}: expected a whole number of at least ${schema.minValue}`);
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
