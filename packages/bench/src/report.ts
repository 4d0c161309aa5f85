import type { ScenarioResult } from './cli';
import type { WriteFigures } from './load/write-load';

export interface Report {
  results: ScenarioResult[];
  statsAlone?: { medianMs: number; failed: number; firstError?: string };
  /** The same, each request the first after a change to the counts (nothing kept to answer from). */
  statsAloneAfterChange?: { medianMs: number; failed: number; firstError?: string };
  write?: WriteFigures;
  rss: Record<string, number>;
  /** The same processes' proportional set sizes, when /proc gives them. */
  pss?: Record<string, number>;
  /** The baseline's processes after its read rounds, when one ran (--baseline). */
  baselineRss?: { bytes: number; processes: number };
  incidents: number;
  duration: number;
  rounds: number;
  connections: number;
  panelDeliveries: number;
}

const range = (values: number[], digits = 0) => {
  const lo = Math.min(...values).toFixed(digits);
  const hi = Math.max(...values).toFixed(digits);
  return lo === hi ? lo : `${lo}-${hi}`;
};

/** The figures as a Markdown table, ready to paste into BENCHMARKS.md; ranges over the rounds. */
export function printReport(r: Report): void {
  const out: string[] = [];
  out.push('');
  out.push(`${r.incidents} incidents, ${r.connections} connections, ${r.rounds} rounds of ${r.duration} s per scenario`);
  out.push('');
  out.push('| scenario | requests/s | x direct | p50 ms | p99 ms | SQL statements / request | CPU ms / request | failed |');
  out.push('|---|---|---|---|---|---|---|---|');
  const baseline = r.results.find((x) => x.scenario.name === 'direct-boards');
  for (const result of r.results) {
    const rps = result.rounds.map((x) => x.requestsPerSecond);
    const ratios = baseline
      ? result.rounds.flatMap((x, i) => {
          const base = baseline.rounds[i];
          return base ? [x.requestsPerSecond / base.requestsPerSecond] : [];
        })
      : [];
    const statements = result.rounds.map((x) => x.statements).filter((x): x is number => x !== undefined);
    const cpu = result.rounds.flatMap((x) => (x.cpuMsPerRequest ? [totalCpuMs(x.cpuMsPerRequest)] : []));
    out.push(
      `| ${result.scenario.name} | ${range(rps)} | ${ratios.length ? `${range(ratios, 3)}x` : '-'} | ${range(result.rounds.map((x) => x.p50))} | ${range(result.rounds.map((x) => x.p99))} | ${statements.length ? range(statements, 1) : 'n/a'} | ${cpu.length ? range(cpu, 1) : 'n/a'} | ${result.rounds.reduce((n, x) => n + x.failed, 0)} |`,
    );
  }
  // Each statistics-alone figure: its table row, and after the CPU table its first failure, if any.
  const alone = [
    { row: 'stats, one request alone', failure: 'stats alone', figures: r.statsAlone },
    { row: 'stats, one request alone, the first after a change to the counts', failure: 'stats alone after a change', figures: r.statsAloneAfterChange },
  ];
  for (const { row, figures } of alone) {
    if (figures) out.push(`| ${row} | | | ${figures.medianMs.toFixed(0)} (median of 7) | | | | ${figures.failed} |`);
  }
  out.push(...cpuByPart(r.results));
  for (const { failure, figures } of alone) {
    if (figures?.firstError) out.push(`\n${failure}, first failure: ${figures.firstError}`);
  }
  if (r.write) {
    const w = r.write;
    out.push('');
    out.push(
      `write: ${w.sent} reportIncident+recordNotification pairs sent (${w.skipped} ticks skipped while ten seconds' worth were unanswered), ${w.achievedPerSecond.toFixed(1)}/s done, ${w.failed} failed, p50 ${w.p50.toFixed(0)} ms, p99 ${w.p99.toFixed(0)} ms; panel receiver got ${r.panelDeliveries} deliveries`,
    );
    out.push(`outboxes drained ${w.drainMs === undefined ? 'NOT within 120 s' : `${(w.drainMs / 1000).toFixed(1)} s`} after the load`);
    out.push('');
    out.push('| relay | max undelivered | max oldest undelivered age (s) | oldest in each 10 s of the run (s) |');
    out.push('|---|---|---|---|');
    for (const [relay, m] of Object.entries(w.maxBacklog).sort()) {
      const windows = Array.from(m.oldestMsByWindow, (ms) => ((ms ?? 0) / 1000).toFixed(1)).join(', ');
      out.push(`| ${relay} | ${m.pending} | ${(m.oldestMs / 1000).toFixed(1)} | ${windows} |`);
    }
  }
  out.push(...againstBaseline(r.results));
  out.push('');
  out.push(byPart('RSS after the run', r.rss));
  if (Object.values(r.pss ?? {}).some((bytes) => bytes > 0)) {
    out.push(byPart("PSS after the run (pages the parts share, such as Node's own code, counted once)", r.pss!));
  }
  if (r.baselineRss) out.push(`baseline RSS after its read rounds: ${mb(r.baselineRss.bytes)} in ${r.baselineRss.processes} processes`);
  console.log(out.join('\n'));
}

/** "<label>: agencies 60 MB, gateway 150 MB; total 210 MB" */
function byPart(label: string, bytesByPart: Record<string, number>): string {
  const parts = Object.entries(bytesByPart).map(([name, bytes]) => `${name} ${mb(bytes)}`);
  const total = Object.values(bytesByPart).reduce((a, b) => a + b, 0);
  return `${label}: ${parts.join(', ')}; total ${mb(total)}`;
}

/** Each scenario's requests/s over the baseline's in the round that followed it (--baseline). */
export function againstBaseline(results: ScenarioResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    const base = results.find((x) => x.scenario.name === `${result.scenario.name} (baseline)`);
    if (!base) continue;
    const ratios = result.rounds.flatMap((x, i) => {
      const b = base.rounds[i];
      return b && b.requestsPerSecond > 0 ? [x.requestsPerSecond / b.requestsPerSecond] : [];
    });
    if (ratios.length) lines.push(`${result.scenario.name}: ${ratios.map((x) => `${x.toFixed(2)}x`).join(', ')} the baseline's requests/s, round by round`);
  }
  return lines.length ? ['', ...lines] : [];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A round's CPU ms per request over every part and the database server. */
export const totalCpuMs = (cpuMsPerRequest: Record<string, number>) => sum(Object.values(cpuMsPerRequest));

/**
 * Where each scenario's CPU went, per part and the database server, as ms per
 * request (mean over the rounds). Less sensitive to a busy host than
 * requests/s, so before/after comparisons read this first.
 */
function cpuByPart(results: ScenarioResult[]): string[] {
  const measured = results.filter((x) => x.rounds.some((round) => round.cpuMsPerRequest));
  const parts = [...new Set(measured.flatMap((x) => x.rounds.flatMap((round) => Object.keys(round.cpuMsPerRequest ?? {}))))];
  if (!measured.length || !parts.length) return [];
  const lines = ['', `CPU ms per request, mean over the rounds (all processes' user + system time during the round):`, ''];
  lines.push(`| scenario | ${parts.join(' | ')} |`);
  lines.push(`|---|${parts.map(() => '---').join('|')}|`);
  for (const result of measured) {
    const rounds = result.rounds.flatMap((round) => (round.cpuMsPerRequest ? [round.cpuMsPerRequest] : []));
    lines.push(`| ${result.scenario.name} | ${parts.map((p) => (sum(rounds.map((x) => x[p] ?? 0)) / rounds.length).toFixed(1)).join(' | ')} |`);
  }
  return lines;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
