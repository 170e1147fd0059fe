import { getIntrospectionQuery, parse } from 'graphql';
import { schema } from '../src/schema/index.ts';
import { createYoga } from 'graphql-yoga';
import { useCostLimit } from '../src/http/cost-limit.ts';
const yoga = createYoga({ schema, plugins: [useCostLimit({ maxCost: 1 })], maskedErrors: false });
const q = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
for (const query of [q, '{ __schema { types { fields { type { fields { name } } } } } }']) {
  const r = await yoga.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  console.log((await r.json()).errors?.[0]?.message);
}
