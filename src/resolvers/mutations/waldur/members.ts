/** addProjectMember, removeProjectMember: `projects/<uuid>/add_user/` and `delete_user/` (docs/contracts/waldur.md §8.2). */
import type { Context } from '../../../context.ts';
import { literal, upstream } from './common.ts';
import { Checks } from './validate.ts';

/** Waldur's role names (the GraphQL enum's internal values). */
export const PROJECT_ROLES = ['PROJECT.ADMIN', 'PROJECT.MANAGER', 'PROJECT.MEMBER'] as const;

export interface MemberInput {
  projectUuid: string;
  userUuid: string;
  role: string;
}

export interface AddMemberInput extends MemberInput {
  expirationTime?: string | null;
}

export interface MemberOutcome {
  projectUuid: string;
  userUuid: string;
  role: string;
  expirationTime: string | null;
}

const FIELDS = { user: 'userUuid', role: 'role', expiration_time: 'expirationTime' };

function checkMember(check: Checks, input: MemberInput) {
  const projectUuid = check.uuid('projectUuid', input.projectUuid);
  const userUuid = check.uuid('userUuid', input.userUuid);
  const role = check.choice('role', input.role, PROJECT_ROLES) as string;
  return { projectUuid, userUuid, role };
}

const verifyMember = (projectUuid: string, userUuid: string) =>
  `project(uuid: ${literal(projectUuid)}) { members(filter: { user: ${literal(userUuid)} }) { nodes { role expirationTime } } }`;

/** Grants a role; Waldur answers 201 `{expiration_time}`, and 400 `non_field_errors` when the user already holds it. */
export async function addProjectMember(ctx: Context, input: AddMemberInput): Promise<MemberOutcome> {
  const check = new Checks();
  const { projectUuid, userUuid, role } = checkMember(check, input);
  const expirationTime = check.futureTime('expirationTime', input.expirationTime);
  check.done();
  const body = { role, user: userUuid, ...(expirationTime !== undefined && { expiration_time: expirationTime }) };
  const reply = await upstream(
    () => ctx.waldur.action<{ expiration_time?: string | null } | undefined>('projects', projectUuid, 'add_user', body),
    { verifyWith: verifyMember(projectUuid, userUuid), fields: FIELDS },
  );
  return { projectUuid, userUuid, role, expirationTime: reply?.expiration_time ?? null };
}

/** Revokes a role; idempotent upstream (revoking a role the user does not hold succeeds). */
export async function removeProjectMember(ctx: Context, input: MemberInput): Promise<MemberOutcome> {
  const check = new Checks();
  const { projectUuid, userUuid, role } = checkMember(check, input);
  check.done();
  await upstream(
    () => ctx.waldur.action('projects', projectUuid, 'delete_user', { role, user: userUuid }),
    { verifyWith: verifyMember(projectUuid, userUuid), fields: FIELDS },
  );
  return { projectUuid, userUuid, role, expirationTime: null };
}
