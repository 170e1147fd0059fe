import type { User as WaldurUser } from '../../upstream/waldur/types.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import { viewer } from '../../resolvers/marketplace/user.ts';
import { uuidOf } from '../../resolvers/marketplace/row-uuid.ts';
import { builder } from '../builder.ts';
import { reads, UUID_DESCRIPTION } from './reads.ts';

/** A Waldur user; `viewer` is the caller. */
export const User = builder.objectRef<Row<WaldurUser>>('User').implement({
  description: 'A Waldur user account.',
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: UUID_DESCRIPTION, extensions: reads('uuid'), resolve: (row) => uuidOf(row, 'User') }),
    username: t.exposeString('username', { description: 'The login name.', extensions: reads('username') }),
    fullName: t.exposeString('full_name', { description: 'The full name.', extensions: reads('full_name') }),
    firstName: t.exposeString('first_name', { description: 'The first name.', extensions: reads('first_name') }),
    lastName: t.exposeString('last_name', { description: 'The last name.', extensions: reads('last_name') }),
    nativeName: t.exposeString('native_name', { description: 'The name in the local language.', extensions: reads('native_name') }),
    email: t.exposeString('email', { description: 'The e-mail address.', extensions: reads('email') }),
    organization: t.exposeString('organization', { description: 'The organization the user states.', extensions: reads('organization') }),
    jobTitle: t.exposeString('job_title', { description: 'The job title.', extensions: reads('job_title') }),
    isStaff: t.exposeBoolean('is_staff', { description: 'Whether the user is Waldur staff (sees everything).', extensions: reads('is_staff') }),
    isSupport: t.exposeBoolean('is_support', { description: 'Whether the user is support (reads everything).', extensions: reads('is_support') }),
    isActive: t.exposeBoolean('is_active', { description: 'Whether the account is active.', extensions: reads('is_active') }),
    dateJoined: t.expose('date_joined', { type: 'DateTime', description: 'When the account was created.', extensions: reads('date_joined') }),
    preferredLanguage: t.exposeString('preferred_language', { description: 'The preferred UI language.', extensions: reads('preferred_language') }),
  }),
});

builder.queryField('viewer', (t) => t.field({
  type: User,
  description: 'The caller, as Waldur knows the forwarded credentials (`/api/users/me/`).',
  resolve: viewer,
}));
