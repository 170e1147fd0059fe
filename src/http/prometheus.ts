import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';

/**
 * Yoga's own phase and HTTP metrics (`graphql_envelop_*`, `graphql_yoga_http_duration`) on Junction's registry.
 * Operation names are client-chosen, so they are no label here (junction_graphql_operations_total keeps a bounded
 * set); neither are error paths nor URLs, which carry list indices and query strings.
 * Off, because they cost CPU on every operation and say nothing new: the request counter and duration (the
 * junction_graphql_operations_* metrics count the same, with a bounded name label), the request-time summary (its
 * sliding quantile window is the plugin's most expensive metric) and the deprecated-field counter, which walks every
 * document while the schema deprecates nothing.
 */
export function usePrometheusPhases(registry: Registry): Plugin {
  return usePrometheus({
    registry,
    endpoint: false,
    labels: { operationName: false, path: false, url: false },
    metrics: {
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_context: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_phase_subscribe: true,
      graphql_envelop_error_result: true,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_request: false,
      graphql_envelop_request_duration: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_schema_change: false,
      graphql_yoga_http_duration: true,
    },
  });
}
