/** Values that make the example tabs run as written (embedded mode discovers them; otherwise placeholders). */
export interface ExampleVariables {
  /** From the GameServers tab: the first project's `orchestrationProjectId` and one of its `allocation.allocationId`s. */
  reserve: { projectId: string; allocationId: string };
  /** From the OrderGameServer tab's PickOrderInputs query. */
  order: { projectUuid: string; offeringUuid: string; planUuid: string };
}

export const PLACEHOLDER_VARIABLES: ExampleVariables = {
  reserve: { projectId: 'orchestrationProjectId from the GameServers tab', allocationId: 'allocation.allocationId from the GameServers tab' },
  order: { projectUuid: 'a project uuid from PickOrderInputs', offeringUuid: 'the game-server offering uuid', planUuid: 'one of its plan uuids' },
};

/** The documents of the example tabs: they ship as the trusted-documents manifest (`junction print-manifest`). */
export function graphiqlDocuments(): string[] {
  return EXAMPLES.map(([, query]) => query);
}

/** The example operations GraphiQL opens with: one tab each, so people can explore by running them. */
export function graphiqlTabs(authorization: string | undefined, values: ExampleVariables = PLACEHOLDER_VARIABLES) {
  const headers = authorization ? JSON.stringify({ Authorization: authorization }, null, 2) : undefined;
  const variables: Record<string, unknown> = {
    ReservePayload: values.reserve,
    OrderGameServer: { ...values.order, attributes: { name: 'my-first-server', region: 'eu-west' }, orderUuid: 'paste order.uuid from the CreateOrder result here' },
  };
  return EXAMPLES.map(([name, query]) => ({
    query,
    headers,
    variables: variables[name] === undefined ? undefined : JSON.stringify(variables[name], null, 2),
  }));
}

const EXAMPLES: Array<[title: string, query: string]> = [
  ['Viewer', `# Who am I, and which organizations can I see?
query Viewer {
  viewer { username fullName isStaff }
  customers(first: 5) {
    totalCount
    nodes { uuid name abbreviation }
  }
}`],
  ['Dashboard', `# Organizations → projects → resources, in one round trip.
# Junction asks Waldur only for the fields selected here (field=…), fetches the projects of all
# customers in ONE call (?customer=a,b,c), and reads project/offering names from the resources themselves.
query Dashboard {
  customers(first: 5, orderBy: [NAME_ASC]) {
    totalCount
    nodes {
      uuid
      name
      projects(first: 3) {
        totalCount
        nodes {
          name
          resources(first: 5, filter: { state: [OK, ERRED] }) {
            totalCount
            nodes { name state project { name } offering { name type } }
          }
        }
      }
    }
  }
}`],
  ['RecentOrders', `# The newest orders with their links; project, offering and resource names come from the order itself.
query RecentOrders($after: String) {
  orders(first: 10, after: $after, orderBy: [CREATED_DESC]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id
        type
        state
        cost
        created
        project { uuid name }
        offering { name type }
        resource { uuid name }
      }
    }
  }
}`],
  ['ProjectPlans', `# A project's resources with their offerings' plans (read through the offerings, batched by uuid_list).
query ProjectPlans {
  projects(first: 1) {
    nodes {
      name
      resources(first: 10) {
        nodes {
          name
          plan { name unit unitPrice }
          offering { name plans { name unit unitPrice } }
        }
      }
    }
  }
}`],
  ['GameServers', `# A project's game-server resources with their allocations and payloads, across both backends.
# Junction checks once that your Waldur credentials see a project linked to the orchestration project,
# lists that project's allocations ONCE for all resources, and each allocation's payloads once.
# orchestrationProjectId and allocation.allocationId are what the ReservePayload tab takes.
query GameServers {
  projects(first: 1) {
    nodes {
      name
      orchestrationProjectId
      resources(first: 20) {
        nodes {
          name
          state
          allocation {
            allocationId
            name
            status
            spec { bufferSize minPayloads maxPayloads region }
            payloads(state: [READY, RESERVED]) {
              payloadId
              state
              address
              ports { name port }
              labels { key value }
              artefacts(first: 3) { nodes { filePath sizeBytes updated } }
            }
          }
        }
      }
    }
  }
}`],
  ['ReservePayload', `# Reserve a game server for a match: the first selector that matches wins. Here: back-fill a running
# match that asked for players (RESERVED + needs-backfill=true), else take any READY payload; mark it so the
# same back-fill is not handed out twice. The Variables pane holds the GameServers tab's orchestrationProjectId
# and one of its allocation.allocationId values. Input is validated before any upstream call; the result is a
# union, so branch on __typename (NoPayloadAvailableError once every payload is taken).
mutation ReservePayload($projectId: String!, $allocationId: String!) {
  reservePayload(input: {
    projectId: $projectId
    allocationId: $allocationId
    selectors: [
      { matchLabels: [{ key: "needs-backfill", value: "true" }], state: RESERVED }
      { state: READY }
    ]
    payloadMetadata: {
      labels: [{ key: "needs-backfill", value: "false" }]
      annotations: [{ key: "match_id", value: "m-2024-001" }]
    }
  }) {
    __typename
    ... on ReservePayloadSuccess { payloadId address ports { name port protocol } payload { state labels { key value } } }
    ... on NoPayloadAvailableError { message }
    ... on ValidationError { message fields { field message } }
    ... on MutationError { message }
  }
}`],
  ['OrderGameServer', `# Order a game server, then watch the order until it is DONE. Three operations: run them in turn with the
# Run button's menu (or put the cursor in one and press Ctrl-Enter).
#  1. PickOrderInputs: projects of an organization that is not archived (Waldur refuses orders there), and the
#     game-server offering with its plans (the Variables pane already holds uuids it finds, when Junction runs on
#     its embedded simulators).
#  2. CreateOrder: staff, customer owners and project managers skip the consumer's approval, and game-server
#     offerings need no provider approval, so the order starts EXECUTING at once. (Orders for Basic or Slurm
#     offerings wait in PENDING_PROVIDER until the provider runs approveOrder; a project member's orders wait in
#     PENDING_CONSUMER until a manager approves them.)
#  3. WatchOrder: paste order.uuid from the CreateOrder result into "orderUuid" in the Variables pane and run it:
#     a live subscription that shows each change, the resource being created, and completes once the order is DONE.
query PickOrderInputs {
  customers(first: 3, filter: { archived: false }) {
    nodes { name projects(first: 2) { nodes { uuid name } } }
  }
  offerings(first: 1, filter: { type: ["Marketplace.GameServer"], state: [ACTIVE] }) {
    nodes { uuid name type plans { uuid name unitPrice unit } }
  }
}

mutation CreateOrder($projectUuid: String!, $offeringUuid: String!, $planUuid: String, $attributes: JSON) {
  createOrder(input: {
    projectUuid: $projectUuid
    offeringUuid: $offeringUuid
    planUuid: $planUuid
    attributes: $attributes
  }) {
    __typename
    ... on CreateOrderSuccess {
      order { uuid state type created }
      resource { uuid name state }
    }
    ... on ValidationError { message fields { field message } }
    ... on ConflictError { message validStates }
    ... on MutationError { message }
  }
}

subscription WatchOrder($orderUuid: String!) {
  orderUpdated(uuid: $orderUuid) {
    uuid
    state
    errorMessage
    resource { name state }
  }
}`],
];
