import './scalars.ts';
import './node.ts';
import './marketplace/backend-resource-request.ts';
import './marketplace/customer.ts';
import './marketplace/offering.ts';
import './marketplace/order.ts';
import './marketplace/plan.ts';
import './marketplace/project.ts';
import './marketplace/resource.ts';
import './marketplace/resource-details.ts';
import './marketplace/resource-links.ts';
import './marketplace/offering-details.ts';
import './marketplace/subscriptions.ts';
import './marketplace/user.ts';
import './marketplace/waldur-version.ts';
import './orchestration/allocation.ts';
import './orchestration/artefact.ts';
import './orchestration/payload.ts';
import './orchestration/subscriptions.ts';
import './links.ts';
import './mutations/errors.ts';
import './mutations/orchestration/allocation-mutations.ts';
import './mutations/orchestration/payload-mutations.ts';
import './mutations/orchestration/reservation-mutations.ts';
import './mutations/waldur/project.ts';
import './mutations/waldur/members.ts';
import './mutations/waldur/order.ts';
import './mutations/waldur/resource.ts';
import './mutations/waldur/resource-lifecycle.ts';
import './mutations/waldur/backend-resource-request.ts';
import './federation.ts';
import { specifiedDirectives, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import { LiveDirective } from './live-directive.ts';

export const schema = builder.toSchema({ directives: [...specifiedDirectives, LiveDirective] });

let subgraph: GraphQLSchema | undefined;

/**
 * FEDERATION=true: the same graph as a Federation v2 subgraph (`@key`s, `_service`, `_entities`). Built on first
 * use only: a second toSchema pass rebinds Pothos' per-field state, so the plain schema must not share a process with
 * it unless asked for.
 */
export function subgraphSchema(): GraphQLSchema {
  return (subgraph ??= builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6', directives: [...specifiedDirectives, LiveDirective] }));
}
