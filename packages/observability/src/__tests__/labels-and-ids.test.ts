import { OperationLabels, outcomeLabel, routeLabel } from '../labels';
import { logLevel, wantsPretty } from '../logger';
import { acceptedRequestId } from '../request-context';
import { partFromEntry, tracingWanted } from '../tracing';

describe('metric labels stay bounded', () => {
  it('gives the first operation names their own label, then "other"; odd or missing names never get one', () => {
    const labels = new OperationLabels(2);
    expect(labels.label('Boards')).toBe('Boards');
    expect(labels.label('Incidents')).toBe('Incidents');
    expect(labels.label('Boards')).toBe('Boards');
    expect(labels.label('Third')).toBe('other');
    expect(new OperationLabels().label('<script>')).toBe('other');
    expect(new OperationLabels().label('a'.repeat(81))).toBe('other');
    expect(new OperationLabels().label(undefined)).toBe('anonymous');
  });

  it('names the outcome by the first error code, OK without one, OTHER for anything not a code', () => {
    expect(outcomeLabel([])).toBe('OK');
    expect(outcomeLabel(['FORBIDDEN', 'NOT_FOUND'])).toBe('FORBIDDEN');
    expect(outcomeLabel(['not a code'])).toBe('OTHER');
  });

  it('labels a route by its pattern, never by a path holding an id', () => {
    expect(routeLabel('', '/graphql')).toBe('/graphql');
    expect(routeLabel('/internal', '/incidents/:id')).toBe('/internal/incidents/:id');
    expect(routeLabel('/graphql', undefined)).toBe('/graphql');
    expect(routeLabel('', undefined)).toBe('unmatched');
  });
});

describe('request ids', () => {
  it("keeps a caller's plain id and replaces anything else with a fresh UUID", () => {
    expect(acceptedRequestId('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    expect(acceptedRequestId(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'a'.repeat(37), 'line\nbreak', '{"json":1}']) {
      expect(acceptedRequestId(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

describe('settings', () => {
  it('reads LOG_LEVEL, falling back to info (error under jest)', () => {
    expect(logLevel({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(logLevel({ LOG_LEVEL: 'loud' })).toBe('info');
    expect(logLevel({})).toBe('info');
    expect(logLevel({ JEST_WORKER_ID: '1' })).toBe('error');
  });

  it('prints pretty lines only at a terminal outside production', () => {
    expect(wantsPretty({ NODE_ENV: 'development' }, true)).toBe(true);
    expect(wantsPretty({ NODE_ENV: 'development' }, false)).toBe(false);
    expect(wantsPretty({ NODE_ENV: 'production' }, true)).toBe(false);
    // pnpm start at a terminal: the parts' stdout is a pipe to it.
    expect(wantsPretty({ LOG_PRETTY: '1' }, false)).toBe(true);
    expect(wantsPretty({ LOG_PRETTY: '1', NODE_ENV: 'production' }, false)).toBe(false);
  });

  it('traces only with an OTLP endpoint, naming the part from its entry point', () => {
    expect(tracingWanted({})).toBe(false);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(partFromEntry('/app/services/action-plans/dist/main.js')).toBe('action-plans');
    expect(partFromEntry('/app/gateway/dist/main.js')).toBe('gateway');
  });
});
