import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLNonNull } from 'graphql';

/** `query … @live`: the @n1ru4l/graphql-live-query convention, served over graphql-ws and SSE. */
export const LiveDirective = new GraphQLDirective({
  name: 'live',
  description: [
    'Makes this query live (over graphql-ws or SSE): the first result at once, then a new result only when something it read',
    'changed upstream (Waldur or the Orchestration API). Clients holding the same query, variables and credentials share one',
    'execution and one set of pollers; each list in it needs `first` or `last`, and each upstream object or list it reads counts',
    'against the per-caller watch limit.',
  ].join(' '),
  locations: [DirectiveLocation.QUERY],
  args: {
    if: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: true, description: 'When false the query runs once, as if the directive were absent.' },
    patches: {
      type: new GraphQLNonNull(GraphQLBoolean),
      defaultValue: false,
      description: 'When true, each result after the first is `{ revision, patch }`: an RFC 6902 JSON patch against the previous result (the @n1ru4l/graphql-live-query-patch shape); the first is `{ revision: 1, data }`.',
    },
  },
});
