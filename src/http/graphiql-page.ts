import type { GraphiQLOptions } from 'graphql-yoga';
import { graphiqlTabs, PLACEHOLDER_VARIABLES, type ExampleVariables } from './graphiql.ts';

/** The gateway's own in-process fetch (yoga.fetch): the example values are read through the full API. */
type GatewayFetch = (url: string, init: RequestInit) => Promise<Response>;

// What the GameServers and PickOrderInputs operations select first, so the values filled in are ones those tabs show.
const EXAMPLE_VALUES = `query ExampleValues {
  projects(first: 1) { nodes { orchestrationProjectId resources(first: 20) { nodes { allocation { allocationId payloads(state: [READY]) { payloadId } } } } } }
  customers(first: 3, filter: { archived: false }) { nodes { projects(first: 2) { nodes { uuid } } } }
  offerings(first: 1, filter: { type: ["Marketplace.GameServer"], state: [ACTIVE] }) { nodes { uuid plans { uuid } } }
}`;

interface ExampleValuesResult {
  customers: { nodes: Array<{ projects: { nodes: Array<{ uuid: string }> } }> };
  projects: { nodes: Array<{ orchestrationProjectId: string | null; resources: { nodes: Array<{ allocation: { allocationId: string; payloads: unknown[] } | null }> } }> };
  offerings: { nodes: Array<{ uuid: string; plans: Array<{ uuid: string }> }> };
}

/** Runs ExampleValues through the gateway itself, as the given caller; placeholders for whatever it cannot find. */
async function exampleValues(fetch: GatewayFetch, authorization: string): Promise<ExampleVariables> {
  const response = await fetch('http://graphiql.local/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: EXAMPLE_VALUES }),
  });
  const { data } = (await response.json()) as { data?: ExampleValuesResult };
  const project = data?.projects.nodes[0];
  const allocations = (project?.resources.nodes ?? []).flatMap((r) => (r.allocation ? [r.allocation] : []));
  const allocation = allocations.find((a) => a.payloads.length > 0) ?? allocations[0];
  const offering = data?.offerings.nodes[0];
  const orderProject = data?.customers.nodes.flatMap((c) => c.projects.nodes)[0];
  return {
    reserve: project?.orchestrationProjectId && allocation
      ? { projectId: project.orchestrationProjectId, allocationId: allocation.allocationId }
      : PLACEHOLDER_VARIABLES.reserve,
    order: orderProject && offering?.plans[0]
      ? { projectUuid: orderProject.uuid, offeringUuid: offering.uuid, planUuid: offering.plans[0].uuid }
      : PLACEHOLDER_VARIABLES.order,
  };
}

/**
 * GraphiQL's options per page load: the example tabs, with the Variables panes filled from the data the caller
 * (the demo staff token in embedded mode) can see. Without a token the tabs keep their placeholders.
 */
export function graphiqlOptions(fetch: GatewayFetch, authorization: string | undefined) {
  return async (): Promise<GraphiQLOptions> => {
    const values = authorization ? await exampleValues(fetch, authorization).catch(() => PLACEHOLDER_VARIABLES) : PLACEHOLDER_VARIABLES;
    const defaultTabs = graphiqlTabs(authorization, values);
    return {
      title: 'Junction',
      defaultTabs,
      // GraphiQL 5 fills the first open tab's headers editor from this, not from the tab itself (the other tabs load
      // their own variables and headers when selected; the first tab, Viewer, has no variables).
      headers: defaultTabs[0].headers,
      // GET requests and EventSource need Yoga's CSRF header (README "Clients"); GraphiQL sends it on every request.
      additionalHeaders: { 'x-graphql-yoga-csrf': '1' },
      subscriptionsProtocol: 'WS',
    };
  };
}

let render: Promise<(options: GraphiQLOptions) => string> | undefined;
let last: { key: string; html: string } | undefined;

/**
 * GraphiQL as one self-contained page from the installed @graphql-yoga/render-graphiql (scripts, styles and
 * editor workers inline): nothing loads from a CDN. The 9 MB bundle is imported on the first page load only.
 */
export async function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  render ??= import('@graphql-yoga/render-graphiql').then((m) => m.renderGraphiQL as (options: GraphiQLOptions) => string);
  const key = JSON.stringify(options);
  if (last?.key !== key) last = { key, html: (await render)(options) };
  return last.html;
}
