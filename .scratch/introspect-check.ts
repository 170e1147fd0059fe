import { getIntrospectionQuery, parse, validate } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { schema } from '/work/wt/harden/src/schema/index.ts';
for (const n of [10, 11, 12, 13, 14, 15]) {
  const errors = validate(schema, parse(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true })), [maxDepthRule({ n, flattenFragments: true, ignoreIntrospection: false, propagateOnRejection: false, onReject: [(_c, e) => console.log(n, e.message)] })]);
}
console.log('types', Object.keys(schema.getTypeMap()).length);
