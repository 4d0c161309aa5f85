// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must wrap http, express, graphql and mysql2 before they load.
import '@scr/observability/tracing';
import { runSubgraph } from '@scr/graphql-kit';
import { reviewsSubgraph } from './index';

/** The reviews subgraph as its own process: its database, its outbox relays, its HTTP server. */
runSubgraph(reviewsSubgraph);
