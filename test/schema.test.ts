import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphiqlTabs } from '../src/http/graphiql.ts';
import { schema } from '../src/schema/index.ts';
import { printSchemaSDL } from '../src/server.ts';

describe('the public schema', () => {
  it('should match the committed schema.graphql (run `npm run schema:print` after a schema change)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../schema.graphql'), 'utf8');
    expect(printSchemaSDL()).toBe(committed);
  });

  it('should describe every type, field, argument, input field and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('should accept every example operation GraphiQL opens with', () => {
    for (const { query } of graphiqlTabs(undefined)) expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
  });
});
