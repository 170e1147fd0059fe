export interface DemoPrincipal {
  name: string;
  role: string;
  waldurToken: string;
  orchestrationToken: string;
}

export interface BannerFacts {
  /** The GraphQL endpoint the gateway listens on. */
  url: string;
  /** GraphiQL is served (off with NODE_ENV=production). */
  graphiql: boolean;
  waldur: { url: string; embedded: boolean };
  orchestration: { url: string; embedded: boolean };
  /** The embedded simulators' demo principals (empty when both backends are real). */
  principals: readonly DemoPrincipal[];
}

/** What runs where, said exactly: which backend is real and which is simulated, and what a browser finds at the URL. */
export function banner(facts: BannerFacts): string {
  const { url, graphiql, waldur, orchestration, principals } = facts;
  const origin = new URL(url).origin;
  const backend = (b: { url: string; embedded: boolean }, variable: string) =>
    b.embedded ? `${b.url}   (embedded simulator: ${variable} is unset)` : `${b.url}   (${variable})`;
  const lines = [
    '',
    `  Junction ${url}   (GraphQL over HTTP, SSE and WebSocket)`,
    graphiql
      ? `  GraphiQL      ${url} in a browser: example operations in tabs${waldur.embedded ? ', the demo staff token in the headers pane' : ''}`
      : '  GraphiQL      off (NODE_ENV=production)',
    `  Board         ${origin}/   (projects, resources and payloads, live${waldur.embedded ? '; demo sign-ins offered' : ''})`,
    `  Health        ${origin}/healthz  ${origin}/readyz  ${origin}/metrics`,
    `  Waldur        ${backend(waldur, 'WALDUR_URL')}`,
    `  Orchestration ${backend(orchestration, 'ORCHESTRATION_URL')}`,
  ];
  if (principals.length && (waldur.embedded || orchestration.embedded)) {
    const headers = [waldur.embedded && 'Authorization', orchestration.embedded && 'X-Orchestration-Authorization (pass-through)'].filter(Boolean);
    lines.push('', `  Demo principals of the embedded simulator${waldur.embedded && orchestration.embedded ? 's' : ''} (send as ${headers.join('; ')}):`);
    for (const p of principals) {
      const parts = [waldur.embedded && `Authorization: Token ${p.waldurToken}`, orchestration.embedded && `X-Orchestration-Authorization: Bearer ${p.orchestrationToken}`];
      lines.push(`    ${p.name.padEnd(8)} ${p.role.padEnd(16)} ${parts.filter(Boolean).join('   ')}`);
    }
  }
  lines.push('', '  Stop with Ctrl-C (SIGINT) or SIGTERM.', '');
  return lines.join('\n');
}
