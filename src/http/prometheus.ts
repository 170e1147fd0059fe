import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';

/**
 * Yoga's own phase and HTTP metrics (`graphql_envelop_*`, `graphql_yoga_http_duration`) on Junction's registry.
 * Operation names are client-chosen, so they are no label here (junction_graphql_operations_total keeps a bounded
 * set); neither are error paths nor URLs, which carry list indices and query strings.
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
      graphql_envelop_deprecated_field: true,
      graphql_yoga_http_duration: true,
    },
  });
}
