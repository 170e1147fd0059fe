/**
 * The lifecycle actions of `/api/marketplace-resources/<uuid>/` beyond updates and orders (OAS 8.0.5 subset):
 * renew, move_resource, unlink, restore, pull, set_end_date_by_staff, set_paused, set_downscaled,
 * set_restrict_member_access, set_slug. Input is checked first (a rejected input makes no upstream call);
 * permissions and states are Waldur's to decide (403 → ForbiddenError, 409 → ConflictError).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../../context.ts';
import type { Row } from '../../../loaders/waldur/row.ts';
import type { OrderUuid, Resource } from '../../../upstream/waldur/types.ts';
import { forget, literal, upstream } from './common.ts';
import { checkedResourceInput, verifyResourceOrders } from './resource-input.ts';

const COLLECTION = 'marketplace-resources';
const SLUG = /^[-a-zA-Z0-9_]+$/;

/** What a lifecycle mutation leaves: the resource, the order Waldur created for the change, Waldur's status text. */
export interface LifecycleOutcome {
  resourceUuid: string;
  /** The whole resource, when Waldur answered with it (move_resource, restore): no re-read needed. */
  resource?: Row<Resource>;
  orderUuid?: string | null;
  message?: string | null;
}

type Info = GraphQLResolveInfo;

const verify = (uuid: string, fields: string) => `resource(uuid: ${literal(uuid)}) { ${fields} }`;

/** POSTs one action; the request's loaders then forget the resource so the success object reads it afresh. */
async function act<T>(ctx: Context, uuid: string, action: string, body: unknown, verifyWith: string, fields?: Record<string, string>) {
  const reply = await upstream(() => ctx.waldur.action<T | undefined>(COLLECTION, uuid, action, body), { verifyWith, fields });
  forget(ctx, 'Resource', uuid);
  return reply;
}

const statusOf = (reply: { status?: string; detail?: string } | undefined) => reply?.status ?? reply?.detail ?? null;

export interface RenewInput { uuid: string; extensionMonths: number; limits?: unknown; requestComment?: string | null }

/** `renew/`: an Update order extending a prepaid resource by 12–60 months (OK or Erred; prepaid offerings only). */
export async function renewResource(ctx: Context, info: Info, input: RenewInput): Promise<LifecycleOutcome> {
  const { uuid, months, limits, requestComment } = checkedResourceInput(input.uuid, (check) => {
    const months = input.extensionMonths;
    if (!Number.isInteger(months) || months < 12 || months > 60) check.problem('extensionMonths', `expected a whole number of months from 12 to 60, received ${months}`);
    return { months, limits: check.limits('limits', input.limits), requestComment: check.text('requestComment', input.requestComment, { max: 255 }) };
  });
  const body = { extension_months: months, ...(limits && { limits }), ...(typeof requestComment === 'string' && { request_comment: requestComment }) };
  const reply = await act<OrderUuid>(ctx, uuid, 'renew', body, verifyResourceOrders(uuid), { extension_months: 'extensionMonths', request_comment: 'requestComment' });
  return { resourceUuid: uuid, orderUuid: reply?.order_uuid ?? null };
}

/** `move_resource/` (staff): `{"project": {"url": …}}`; Waldur answers with the whole moved resource. */
export async function moveResource(ctx: Context, info: Info, input: { uuid: string; projectUuid: string }): Promise<LifecycleOutcome> {
  const { uuid, projectUuid } = checkedResourceInput(input.uuid, (check) => ({ projectUuid: check.uuid('projectUuid', input.projectUuid) }));
  const body = { project: { url: ctx.waldur.urlFor('projects', projectUuid) } };
  const resource = await act<Row<Resource>>(ctx, uuid, 'move_resource', body, verify(uuid, 'project { uuid }'), { project: 'projectUuid' });
  return { resourceUuid: uuid, resource: resource?.uuid ? resource : undefined };
}

/** `unlink/` (staff): deletes the resource from Waldur's database only, nothing on the backend; 204. */
export async function unlinkResource(ctx: Context, info: Info, input: { uuid: string }): Promise<LifecycleOutcome> {
  const { uuid } = checkedResourceInput(input.uuid, () => ({}));
  await act(ctx, uuid, 'unlink', undefined, `${verify(uuid, 'uuid')} (null once unlinked)`);
  return { resourceUuid: uuid };
}

/**
 * `restore/` of a Terminated resource: a Restore order. The operation declares a ResourceRequest body with `name` and
 * `offering` required, so they are read from the resource first (one GET) and sent unchanged. The answer is the
 * Resource (OAS), whose `order_in_progress` is the new order; Waldur's code answers `{order_uuid}`: both are read.
 */
export async function restoreResource(ctx: Context, info: Info, input: { uuid: string }): Promise<LifecycleOutcome> {
  const { uuid } = checkedResourceInput(input.uuid, () => ({}));
  const current = await upstream(() => ctx.waldur.retrieve<Row<Resource>>(COLLECTION, uuid, ['name', 'offering']));
  const reply = await act<Row<Resource> & Partial<OrderUuid>>(ctx, uuid, 'restore', { name: current.name, offering: current.offering }, verifyResourceOrders(uuid));
  const resource = reply && 'state' in reply ? reply : undefined;
  return { resourceUuid: uuid, resource, orderUuid: reply?.order_uuid ?? resource?.order_in_progress?.uuid ?? null };
}

/** `pull/`: schedules a sync from the backend (202 `{detail}`); OK or Erred resources with a backend id only. */
export async function pullResource(ctx: Context, info: Info, input: { uuid: string }): Promise<LifecycleOutcome> {
  const { uuid } = checkedResourceInput(input.uuid, () => ({}));
  const reply = await act<{ detail?: string }>(ctx, uuid, 'pull', undefined, verify(uuid, 'lastSync'));
  return { resourceUuid: uuid, message: statusOf(reply) };
}

/** `set_end_date_by_staff/` (staff): `{"end_date": "YYYY-MM-DD" | null}`; 200 with no body. */
export async function setResourceEndDate(ctx: Context, info: Info, input: { uuid: string; endDate?: string | null }): Promise<LifecycleOutcome> {
  const { uuid, endDate } = checkedResourceInput(input.uuid, (check) => {
    if (input.endDate === undefined) check.problem('endDate', 'expected a date as YYYY-MM-DD, or null to clear it, received nothing');
    return { endDate: check.date('endDate', input.endDate) ?? null };
  });
  await act(ctx, uuid, 'set_end_date_by_staff', { end_date: endDate }, verify(uuid, 'endDate endDateRequestedByUuid'), { end_date: 'endDate' });
  return { resourceUuid: uuid };
}

type Flag = 'paused' | 'downscaled' | 'restrict_member_access';

/** `set_paused/`, `set_downscaled/`, `set_restrict_member_access/` (staff): `{<flag>: bool}` → 200 `{status}`. */
export async function setResourceFlag(ctx: Context, info: Info, uuidInput: string, flag: Flag, value: boolean, inputName: string): Promise<LifecycleOutcome> {
  const { uuid } = checkedResourceInput(uuidInput, (check) => {
    if (typeof value !== 'boolean') check.problem(inputName, `expected true or false, received ${String(value)}`);
    return {};
  });
  const graphqlField = { paused: 'paused', downscaled: 'downscaled', restrict_member_access: 'restrictMemberAccess' }[flag];
  const reply = await act<{ status?: string }>(ctx, uuid, `set_${flag}`, { [flag]: value }, verify(uuid, graphqlField), { [flag]: inputName });
  return { resourceUuid: uuid, message: statusOf(reply) };
}

/** `set_slug/` (staff): 1–50 letters, digits, `-` or `_` → 200 `{status}`. */
export async function setResourceSlug(ctx: Context, info: Info, input: { uuid: string; slug: string }): Promise<LifecycleOutcome> {
  const { uuid, slug } = checkedResourceInput(input.uuid, (check) => {
    const slug = check.text('slug', input.slug, { required: true, max: 50 });
    if (typeof slug === 'string' && !SLUG.test(slug)) check.problem('slug', `expected only letters, digits, hyphens and underscores, received ${JSON.stringify(slug)}`);
    return { slug };
  });
  const reply = await act<{ status?: string }>(ctx, uuid, 'set_slug', { slug }, verify(uuid, 'slug'));
  return { resourceUuid: uuid, message: statusOf(reply) };
}
