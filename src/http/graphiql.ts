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
];
