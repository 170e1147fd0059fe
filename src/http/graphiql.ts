/** The documents of the example tabs: they ship as the trusted-documents manifest (`junction print-manifest`). */
export function graphiqlDocuments(): string[] {
  return EXAMPLES.map(([, query]) => query);
}

/** The example operations GraphiQL opens with: one tab each, so people can explore by running them. */
export function graphiqlTabs(authorization: string | undefined) {
  const headers = authorization ? JSON.stringify({ Authorization: authorization }, null, 2) : undefined;
  return EXAMPLES.map(([, query]) => ({ query, headers }));
}

const EXAMPLES: Array<[title: string, query: string]> = [
  ['viewer', `# Who am I, and which organizations can I see?
query Viewer {
  viewer { username fullName isStaff }
  customers(first: 5) {
    totalCount
    nodes { uuid name abbreviation }
  }
}`],
  ['dashboard', `# Organizations → projects → resources, in one round trip.
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
  ['orders', `# The newest orders with their links; project, offering and resource names come from the order itself.
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
  ['plans', `# A project's resources with their offerings' plans (read through the offerings, batched by uuid_list).
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
  ['game servers', `# A project's game-server resources with their allocations and payloads, across both backends.
# Junction checks once that your Waldur credentials see a project linked to the orchestration project,
# lists that project's allocations ONCE for all resources, and each allocation's payloads once.
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
            id
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
  ['reserve a payload', `# Reserve a game server for a match: the first selector that matches wins. Here: back-fill a running
# match that asked for players (RESERVED + needs-backfill=true), else take any READY payload; mark it so the
# same back-fill is not handed out twice. Find ids with the "game servers" tab. Input is validated before any
# upstream call; the result is a union, so branch on __typename.
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
  ['create an order', `# Order an offering for a project. First run PickOrderInputs and copy a project uuid, an offering uuid
# and one of its plan uuids into the Variables pane, e.g.
#   { "projectUuid": "…", "offeringUuid": "…", "planUuid": "…", "attributes": { "name": "my-first-resource" } }
# then run CreateOrder. Junction checks the input before calling Waldur and builds the hyperlinks Waldur wants.
# Members' orders wait for consumer approval (approveOrder as CONSUMER); owners' and managers' skip it.
query PickOrderInputs {
  projects(first: 3) { nodes { uuid name } }
  offerings(first: 5, filter: { state: [ACTIVE] }) { nodes { uuid name type plans { uuid name unitPrice unit } } }
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
}`],
];
