import type { Call } from '../api/call.ts';
import type { FieldSpec } from '../api/fields.ts';
import { links } from '../http/links.ts';
import type { User } from '../model.ts';
import { CUSTOMER_OWNER_ROLE, PROJECT_ROLES } from '../roles.ts';
import { avatarUrl, dateTime, userOf } from './common.ts';

/** The user's role grants, as `permissions` of /api/users/me/ lists them. */
function permissionsOf(call: Call, user: User) {
  const { store } = call;
  const owned = store.customersOwnedBy(user.uuid).map((customer) => ({
    user_uuid: user.uuid, user_name: user.fullName, user_slug: user.username.replace(/[^-a-zA-Z0-9_]/g, '-'),
    created: dateTime(customer.created), expiration_time: null, created_by_full_name: '', created_by_username: '',
    role_name: CUSTOMER_OWNER_ROLE.name, role_description: CUSTOMER_OWNER_ROLE.description, role_uuid: CUSTOMER_OWNER_ROLE.uuid,
    scope_type: 'customer', scope_uuid: customer.uuid, scope_name: customer.name, customer_uuid: customer.uuid, customer_name: customer.name,
  }));
  const projectRoles = store.rolesOfUser(user.uuid).map((role) => {
    const project = store.projects.get(role.projectUuid)!;
    const customer = store.customers.get(project.customerUuid)!;
    const creator = userOf(call, role.createdByUuid);
    const definition = PROJECT_ROLES.find((candidate) => candidate.name === role.role)!;
    return {
      user_uuid: user.uuid, user_name: user.fullName, user_slug: user.username.replace(/[^-a-zA-Z0-9_]/g, '-'),
      created: dateTime(role.created), expiration_time: dateTime(role.expirationTime),
      created_by_full_name: creator?.fullName ?? '', created_by_username: creator?.username ?? '',
      role_name: role.role, role_description: definition.description, role_uuid: definition.uuid,
      scope_type: 'project', scope_uuid: project.uuid, scope_name: project.name, customer_uuid: customer.uuid, customer_name: customer.name,
    };
  });
  return [...owned, ...projectRoles];
}

/** `User` of OAS 8.0.5 (as /api/users/me/ returns it), in its property order. */
export const userFields: FieldSpec<User> = [
  ['url', (u, call) => links.user(call.req.origin, u.uuid)],
  ['uuid', (u) => u.uuid],
  ['username', (u) => u.username],
  ['slug', (u) => u.username.replace(/[^-a-zA-Z0-9_]/g, '-')],
  ['full_name', (u) => u.fullName],
  ['native_name', () => ''],
  ['job_title', () => ''],
  ['email', (u) => u.email],
  ['phone_number', () => ''],
  ['organization', () => ''],
  ['civil_number', () => null],
  ['description', () => ''],
  ['is_staff', (u) => u.isStaff],
  ['is_active', () => true],
  ['is_support', (u) => u.isSupport],
  ['token', (u) => u.token ?? ''],
  ['token_lifetime', () => null],
  ['token_expires_at', () => null],
  ['registration_method', () => 'default'],
  ['date_joined', (u) => dateTime(u.dateJoined)],
  ['agreement_date', (u) => dateTime(u.dateJoined)],
  ['notifications_enabled', () => true],
  ['preferred_language', () => 'en'],
  ['permissions', (u, call) => permissionsOf(call, u)],
  ['requested_email', () => null],
  ['affiliations', () => []],
  ['first_name', (u) => u.fullName.split(' ')[0]],
  ['last_name', (u) => u.fullName.split(' ').slice(1).join(' ')],
  ['birth_date', () => null],
  ['identity_provider_name', () => ''],
  ['identity_provider_label', () => ''],
  ['identity_provider_management_url', () => ''],
  ['identity_provider_fields', () => []],
  ['image', (u, call) => avatarUrl(call, u)],
  ['identity_source', () => ''],
  ['has_active_session', (u) => u.token !== null],
  ['ip_address', () => null],
  ['gender', () => null],
  ['personal_title', () => ''],
  ['place_of_birth', () => ''],
  ['country_of_residence', () => ''],
  ['nationality', () => ''],
  ['nationalities', () => []],
  ['organization_country', () => ''],
  ['organization_type', () => ''],
  ['organization_registry_code', () => ''],
  ['eduperson_assurance', () => []],
  ['is_identity_manager', () => false],
  ['attribute_sources', () => ({})],
  ['managed_isds', () => []],
  ['active_isds', () => []],
];
