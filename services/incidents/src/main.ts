// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must wrap http, express, graphql and mysql2 before they load.
import '@scr/observability/tracing';
import { runSubgraph } from '@scr/graphql-kit';
import { incidentsSubgraph } from './index';

/** The incidents subgraph as its own process: its database, its outbox relays, its HTTP server. */
runSubgraph(incidentsSubgraph);
