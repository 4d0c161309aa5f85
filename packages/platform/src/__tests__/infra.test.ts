import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PART_NODE_OPTIONS } from '../launcher/node-options';
import { renderTemplate } from './helm-template';

const INFRA = path.join(__dirname, '..', '..', '..', '..', 'infra');
const PARTS = ['gateway', 'agencies', 'incidents', 'reviews', 'action-plans'];
const SUBGRAPHS = PARTS.filter((p) => p !== 'gateway');

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
};

/** The kubernetes-models class for an object's apiVersion and kind (core objects live under v1/). */
function modelFor(object: K8sObject): new (data: unknown) => { validate(): void } {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];

  const module = require(`kubernetes-models/${group ? `${group}/` : ''}${version}/${object.kind}`);
  return module[object.kind] ?? module.default;
}

function renderChart(values?: (v: any) => void): K8sObject[] {
  const chart = path.join(INFRA, 'helm');
  const defaults = YAML.parse(fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8'));
  values?.(defaults);
  const root = { Values: defaults, Release: { Name: 'scr', Namespace: 'default' } };
  const objects: K8sObject[] = [];
  for (const file of fs.readdirSync(path.join(chart, 'templates')).sort()) {
    const rendered = renderTemplate(fs.readFileSync(path.join(chart, 'templates', file), 'utf8'), root);
    for (const doc of YAML.parseAllDocuments(rendered)) {
      const [error] = doc.errors;
      if (error) throw new Error(`${file}: ${error.message}\n${rendered}`);
      const object = doc.toJS();
      if (object) objects.push(object);
    }
  }
  return objects;
}

describe('Helm chart (infra/helm)', () => {
  const objects = renderChart();
  const named = (kind: string) => objects.filter((o) => o.kind === kind);

  it('renders only objects that are valid against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(20);
    for (const object of objects) {
      const Model = modelFor(object);
      expect(() => new Model(object).validate()).not.toThrow();
    }
  });

  it('gives every part a Deployment, Service, HPA and PDB, with probes on the health routes and resources', () => {
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
      expect(
        named(kind)
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual(PARTS.map((p) => `scr-${p}`).sort());
    }
    for (const deployment of named('Deployment')) {
      const [container] = deployment.spec.template.spec.containers;
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.resources.requests.cpu).toBeDefined();
      expect(container.resources.limits.memory).toBeDefined();
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      const part = deployment.metadata.name.replace(/^scr-/, '');
      expect(container.command.join(' ')).toContain(part === 'gateway' ? 'gateway/dist/main.js' : `services/${part}/dist/main.js`);
      // Configuration from the ConfigMap, secrets only by reference to a Secret the operator owns.
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'scr-config' } }, { secretRef: { name: 'scr-platform' } }]);
      // Prometheus scrapes /metrics on its own port (METRICS_PORT), found through the pod's annotations.
      expect(container.env).toEqual([{ name: 'METRICS_PORT', value: '9464' }]);
      expect(container.ports).toContainEqual({ name: 'metrics', containerPort: 9464 });
      expect(deployment.spec.template.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9464' });
    }
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
  });

  it('lets only the gateway (and sibling subgraphs, for internal calls) reach a subgraph, and only the monitoring namespace its metrics port', () => {
    const policies = named('NetworkPolicy');
    expect(policies.map((p) => p.metadata.name).sort()).toEqual(SUBGRAPHS.map((p) => `scr-${p}`).sort());
    for (const policy of policies) {
      const [app, metrics, ...rest] = policy.spec.ingress;
      expect(rest).toEqual([]);
      expect(app.from.map((f: any) => f.podSelector.matchLabels['scr-platform/tier']).sort()).toEqual(['gateway', 'subgraph']);
      expect(app.ports.map((p: any) => p.port)).not.toContain(9464);
      expect(metrics).toEqual({
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ port: 9464, protocol: 'TCP' }],
      });
    }
    const gatewayPod = named('Deployment').find((d) => d.metadata.name === 'scr-gateway')!.spec.template.metadata.labels;
    expect(gatewayPod['scr-platform/tier']).toBe('gateway');
  });

  it('points each part at its siblings through the ConfigMap, and migrates in a pre-install/pre-upgrade Job', () => {
    const [config] = named('ConfigMap');
    expect(config).toBeDefined();
    expect(config!.data).toMatchObject({
      AGENCIES_URL: 'http://scr-agencies:4101',
      INCIDENTS_URL: 'http://scr-incidents:4102',
      REVIEWS_URL: 'http://scr-reviews:4103',
      ACTION_PLANS_URL: 'http://scr-action-plans:4104',
      MIGRATE_ON_START: '0',
      NODE_ENV: 'production',
    });
    const [job] = named('Job');
    expect(job).toBeDefined();
    expect(job!.metadata.annotations!['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(job!.spec.template.spec.containers[0]?.command.join(' ')).toContain('packages/platform/dist/migrate.js');
  });

  it('follows the values: replicas, sizes and the secret name', () => {
    const custom = renderChart((v) => {
      v.parts.incidents.autoscaling.maxReplicas = 12;
      v.existingSecret = 'prod-scr';
    });
    const hpa = custom.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === 'scr-incidents')!;
    expect(hpa.spec.maxReplicas).toBe(12);
    const deployment = custom.find((o) => o.kind === 'Deployment')!;
    expect(deployment.spec.template.spec.containers[0].envFrom[1]).toEqual({ secretRef: { name: 'prod-scr' } });
  });
});

describe('infra/compose.yaml', () => {
  const compose = YAML.parse(fs.readFileSync(path.join(INFRA, 'compose.yaml'), 'utf8'), { merge: true });

  it('names MySQL, Redis, a migration job, the four subgraphs and the gateway', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['mysql', 'redis', 'migrate', ...PARTS].sort());
  });

  it('starts each part only once what it needs is healthy, and checks each part on its readiness route', () => {
    for (const part of SUBGRAPHS) {
      const service = compose.services[part];
      expect(service.depends_on.mysql.condition).toBe('service_healthy');
      expect(service.depends_on.migrate.condition).toBe('service_completed_successfully');
      expect(service.healthcheck.test.join(' ')).toContain('/health/ready');
      expect(service.command.join(' ')).toContain(`services/${part}/dist/main.js`);
    }
    const gateway = compose.services.gateway;
    for (const part of SUBGRAPHS) expect(gateway.depends_on[part].condition).toBe('service_healthy');
    expect(gateway.healthcheck.test.join(' ')).toContain('/health/ready');
    expect(compose.services.migrate.command.join(' ')).toContain('packages/platform/dist/migrate.js');
    // Only the gateway is published.
    expect(
      Object.entries(compose.services)
        .filter(([, s]: [string, any]) => s.ports)
        .map(([name]) => name),
    ).toEqual(['gateway']);
  });
});

describe('infra/Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(INFRA, 'Dockerfile'), 'utf8');
  const root = path.join(INFRA, '..');

  it('copies every workspace manifest before the frozen install, so each package gets its own dependencies', () => {
    const workspaces = YAML.parse(fs.readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8')).packages as string[];
    const manifests = workspaces
      .flatMap((pattern) =>
        pattern.endsWith('/*') ? fs.readdirSync(path.join(root, pattern.slice(0, -2))).map((dir) => `${pattern.slice(0, -2)}/${dir}`) : [pattern],
      )
      .map((dir) => `${dir}/package.json`)
      .filter((manifest) => fs.existsSync(path.join(root, manifest)));
    const beforeInstall = dockerfile.slice(0, dockerfile.indexOf('RUN pnpm install'));
    const copied = [...beforeInstall.matchAll(/^COPY (\S+\/package\.json) /gm)].map((m) => m[1]);
    expect(copied.sort()).toEqual(manifests.sort());
  });

  it('runs every part in the image with the V8 options the launcher gives it', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    const match = /\bNODE_OPTIONS=(?:"([^"]*)"|(\S+))/.exec(runtime);
    expect((match?.[1] ?? match?.[2])?.split(' ')).toEqual(PART_NODE_OPTIONS);
  });
});
