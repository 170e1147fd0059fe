import { builder } from '../builder.ts';

/** One label or annotation; GraphQL has no map type, so maps are lists of entries sorted by key. */
export const MetadataEntry = builder.objectRef<{ key: string; value: string }>('MetadataEntry');

MetadataEntry.implement({
  description: 'One key/value pair of a label or annotation map.',
  fields: (t) => ({
    key: t.exposeString('key', { nullable: false, description: 'The key (1–59 characters: letters, digits, ".", "_", "-").' }),
    value: t.exposeString('value', { nullable: false, description: 'The value (labels: up to 63 characters; annotations: any string).' }),
  }),
});

export const LabelFilter = builder.inputType('LabelFilter', {
  description: 'Keeps items whose labels contain `key` (with exactly `value`, when given). Applied by the gateway: the Orchestration API cannot filter.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'The label key that must be present.' }),
    value: t.string({ description: 'The value the label must have; omit or null to accept any value.' }),
  }),
});
