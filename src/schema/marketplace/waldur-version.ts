import { waldurVersion, type WaldurVersion as Version } from '../../resolvers/marketplace/waldur-version.ts';
import { builder } from '../builder.ts';

const WaldurVersion = builder.objectRef<Version>('WaldurVersion').implement({
  description: 'The version of the Waldur behind this gateway, as Waldur reports it.',
  fields: (t) => ({
    version: t.exposeString('version', { nullable: false, description: 'The installed version, e.g. `8.0.5`.' }),
    latestVersion: t.exposeString('latestVersion', { description: 'The latest released version, when Waldur knows it.' }),
    supported: t.exposeBoolean('supported', {
      description: 'Whether Junction supports this major version (7 and 8; 8.0.5 is the reference). Null for a version without a number.',
    }),
  }),
});

builder.queryField('waldurVersion', (t) => t.field({
  type: WaldurVersion,
  description: 'The Waldur version (`/api/version/`). Waldur shows it to staff and support only: null for other callers, '
    + 'and for a Waldur without that endpoint.',
  resolve: waldurVersion,
}));
