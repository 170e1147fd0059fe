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
];
