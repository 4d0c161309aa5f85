import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { collectProcessMetrics, registry } from '../metrics';

/**
 * The Grafana dashboard and the Prometheus alert rules in infra/observability
 * parse, and every metric they name is one the platform's processes export:
 * a renamed metric would otherwise leave a blank panel or an alert that never fires.
 */
const ROOT = path.join(__dirname, '..', '..', '..', '..');
const DIR = path.join(ROOT, 'infra', 'observability');

async function exportedNames(): Promise<Set<string>> {
  collectProcessMetrics('test');
  const names = new Set<string>();
  for (const metric of await registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${metric.name}${suffix}`);
  }
  return names;
}

/** Metric names in a PromQL expression: ours (scr_), and the process and Node.js ones prom-client exports. */
function metricNames(expr: string): string[] {
  return [...expr.matchAll(/\b((?:scr|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]!); // group 1 is not optional: every match has it
}

const dashboard = JSON.parse(fs.readFileSync(path.join(DIR, 'grafana-dashboard.json'), 'utf8')) as {
  panels: { title: string; targets: { expr: string }[] }[];
};
const rules = YAML.parse(fs.readFileSync(path.join(DIR, 'prometheus-rules.yaml'), 'utf8')) as {
  groups: { name: string; rules: { alert: string; expr: string; for?: string; annotations: { summary: string } }[] }[];
};

it('the dashboard uses only exported metrics, in every panel', async () => {
  const exported = await exportedNames();
  expect(dashboard.panels.length).toBeGreaterThan(5);
  for (const panel of dashboard.panels) {
    expect(panel.targets.length).toBeGreaterThan(0);
    for (const { expr } of panel.targets) {
      const names = metricNames(expr);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect({ panel: panel.title, name, exported: exported.has(name) }).toEqual({ panel: panel.title, name, exported: true });
    }
  }
});

it('the alert rules are the ones the issue asks for and use only exported metrics', async () => {
  const exported = await exportedNames();
  const all = rules.groups.flatMap((g) => g.rules);
  expect(all.map((r) => r.alert)).toEqual(
    expect.arrayContaining(['ScrHighErrorRate', 'ScrHighLatencyP95', 'ScrOutboxBacklogOld', 'ScrPanelWebhookDeadLetters', 'ScrPartNotReady']),
  );
  for (const rule of all) {
    expect(rule.annotations.summary).toBeTruthy();
    const names = metricNames(rule.expr);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect({ alert: rule.alert, name, exported: exported.has(name) }).toEqual({ alert: rule.alert, name, exported: true });
  }
  // The backlog alert fires past 15 minutes, as the issue says.
  expect(all.find((r) => r.alert === 'ScrOutboxBacklogOld')!.expr).toMatch(/scr_outbox_oldest_undelivered_age_seconds\) > 900\b/);
});

it('the Helm chart names both files', () => {
  const values = YAML.parse(fs.readFileSync(path.join(ROOT, 'infra', 'helm', 'values.yaml'), 'utf8')) as {
    observability: { grafanaDashboard: string; prometheusRules: string };
  };
  for (const file of [values.observability.grafanaDashboard, values.observability.prometheusRules]) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
});
