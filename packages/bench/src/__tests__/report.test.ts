import { printReport } from '../report';
import type { ScenarioResult } from '../cli';

const scenario = (name: string) => ({ name, description: name, principal: { roles: ['ANALYST'] }, query: '{ boards { code } }' });
const round = (requestsPerSecond: number, cpu?: Record<string, number>) => ({
  requests: requestsPerSecond * 8,
  requestsPerSecond,
  p50: 10,
  p99: 20,
  failed: 0,
  statements: 1,
  cpuMsPerRequest: cpu,
});

function printed(results: ScenarioResult[], pss?: Record<string, number>): string {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((text: string) => void lines.push(text));
  try {
    printReport({ results, rss: { gateway: 100 * 1024 * 1024 }, pss, incidents: 10, duration: 8, rounds: 2, connections: 50, panelDeliveries: 0 });
  } finally {
    log.mockRestore();
  }
  return lines.join('\n');
}

describe('the bench report', () => {
  it('shows each scenario CPU per request summed over the parts, and the mean of each part over the rounds', () => {
    const out = printed([
      { scenario: scenario('direct-boards'), rounds: [round(800, { agencies: 1.5, database: 0.25 }), round(700, { agencies: 2.5, database: 0.25 })] },
      { scenario: scenario('list'), rounds: [round(80, { agencies: 3, gateway: 9, database: 3 }), round(70, { agencies: 4, gateway: 10, database: 4 })] },
    ]);
    expect(out).toContain('| list | 70-80 | 0.100x | 10 | 20 | 1.0 | 15.0-18.0 | 0 |');
    expect(out).toContain('| scenario | agencies | database | gateway |');
    expect(out).toContain('| direct-boards | 2.0 | 0.3 | 0.0 |');
    expect(out).toContain('| list | 3.5 | 3.5 | 9.5 |');
  });

  it('says n/a and prints no CPU table when CPU could not be read (not Linux)', () => {
    const out = printed([{ scenario: scenario('list'), rounds: [round(80)] }]);
    expect(out).toContain('| list | 80 | - | 10 | 20 | 1.0 | n/a | 0 |');
    expect(out).not.toContain('CPU ms per request, mean');
  });

  it("compares each scenario with the baseline's run of it round by round, and leaves scenarios without one out", () => {
    const out = printed([
      { scenario: scenario('direct-boards'), rounds: [round(800), round(700)] },
      { scenario: scenario('list'), rounds: [round(80), round(66)] },
      { scenario: scenario('list (baseline)'), rounds: [round(40), round(30)] },
    ]);
    expect(out).toContain("list: 2.00x, 2.20x the baseline's requests/s, round by round");
    expect(out).not.toMatch(/direct-boards: .* the baseline/);
    expect(out).toContain('| list (baseline) | 30-40 | 0.043-0.050x |');
  });

  it("adds each part's PSS and their total beside the RSS when it was read, and no line when it was not", () => {
    const results = [{ scenario: scenario('direct-boards'), rounds: [round(800, { agencies: 1 })] }];
    const MB = 1024 * 1024;
    expect(printed(results, { agencies: 60 * MB, gateway: 150 * MB })).toContain(
      "PSS after the run (pages the parts share, such as Node's own code, counted once): agencies 60 MB, gateway 150 MB; total 210 MB",
    );
    expect(printed(results)).not.toContain('PSS');
  });
});
