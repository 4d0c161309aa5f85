/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: spans go there as OTLP/HTTP.
 * Import this module first in a process's main.ts, before anything loads
 * http, express, graphql or mysql2, so the instrumentations can wrap them.
 * Incoming and outgoing HTTP (Node's fetch included) carry W3C `traceparent`,
 * so one trace covers the gateway, the subgraph calls it makes and the
 * subgraphs' SQL. The part's name (service.name) is OTEL_SERVICE_NAME or
 * `scr-<part>`, the part being read from the entry point's path.
 */
import path from 'node:path';

export function partFromEntry(entry: string | undefined): string {
  const parts = (entry ?? '').split(path.sep);
  const services = parts.lastIndexOf('services');
  const service = services >= 0 ? parts[services + 1] : undefined;
  if (service) return service;
  if (parts.includes('gateway')) return 'gateway';
  return path.basename(entry ?? 'process', path.extname(entry ?? ''));
}

export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_SDK_DISABLED !== 'true';
}

let shutdown: (() => Promise<void>) | undefined;

/** Sends the spans still buffered; the process calls it when it stops. */
export function stopTracing(): Promise<void> {
  return shutdown ? shutdown() : Promise.resolve();
}

function startTracing(): void {
  // Loaded only when wanted: the SDK and its instrumentations cost start-up time and memory.

  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { ExpressInstrumentation, ExpressLayerType } =
    require('@opentelemetry/instrumentation-express') as typeof import('@opentelemetry/instrumentation-express');
  const { GraphQLInstrumentation } = require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const { MySQL2Instrumentation } = require('@opentelemetry/instrumentation-mysql2') as typeof import('@opentelemetry/instrumentation-mysql2');

  const quiet = (url: string | undefined) => /^\/(health|metrics)(\/|$)/.test(url ?? '');
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME || `scr-${partFromEntry(process.argv[1])}`,
    // Short batches: a part that is stopped soon after a request still gets its spans out.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 1000 })],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => quiet(req.url) }),
      new UndiciInstrumentation({ ignoreRequestHook: (req) => quiet(req.path) }),
      // Routers and handlers, not every middleware layer (a span each, on every request).
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      // No variables or literal values on spans: they may hold a child's name.
      // Parse, validate and execute of each operation; no span per resolved field (thousands on a page of records).
      new GraphQLInstrumentation({ allowValues: false, ignoreResolveSpans: true }),
      // The SQL text with its values masked: never SQL parameters.
      new MySQL2Instrumentation({ maskStatement: true }),
    ],
  });
  sdk.start();
  shutdown = () => sdk.shutdown().catch(() => undefined);
}

if (tracingWanted()) startTracing();
