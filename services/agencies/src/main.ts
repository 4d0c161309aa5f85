// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must wrap http, express, graphql and mysql2 before they load.
import '@scr/observability/tracing';
import { runSubgraph } from '@scr/graphql-kit';
import { agenciesSubgraph } from './index';

/** The agencies subgraph as its own process: its database, its HTTP server. */
runSubgraph(agenciesSubgraph);
