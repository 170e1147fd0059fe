/**
 * renewResource, moveResource, unlinkResource, restoreResource, pullResource, setResourceEndDate, setResourcePaused,
 * setResourceDownscaled, setResourceRestrictMemberAccess, setResourceSlug.
 */
import * as mutate from '../../../resolvers/mutations/waldur/resource-lifecycle.ts';
import type { LifecycleOutcome } from '../../../resolvers/mutations/waldur/resource-lifecycle.ts';
import { loadOrder } from '../../../resolvers/marketplace/order.ts';
import { loadResource } from '../../../resolvers/marketplace/resource.ts';
import { builder } from '../../builder.ts';
import { Order } from '../../marketplace/order.ts';
import { Resource } from '../../marketplace/resource.ts';
import { uuidInput } from './inputs.ts';
import { waldurErrors } from './results.ts';

const RenewResourceInput = uuidInput('RenewResourceInput', 'A prepaid resource to renew (state OK or Erred).', 'resource', (t) => ({
  extensionMonths: t.int({ required: true, description: 'How many months to extend it by: 12–60.' }),
  limits: t.field({ type: 'JSON', description: 'New limits for the renewed period, a JSON object of component → non-negative integer; omit to keep the current ones.' }),
  requestComment: t.string({ description: 'A comment for the reviewers (at most 255 characters).' }),
}));
const MoveResourceInput = uuidInput('MoveResourceInput', 'A resource and the project to move it to (staff only).', 'resource', (t) => ({
  projectUuid: t.string({ required: true, description: 'The target project\'s Waldur UUID (sent as its hyperlink).' }),
}));
const ResourceRefInput = (name: string, description: string) => uuidInput(name, description, 'resource', () => ({}));
const UnlinkResourceInput = ResourceRefInput('UnlinkResourceInput', 'A resource to remove from Waldur without touching its backend (staff only).');
const RestoreResourceInput = ResourceRefInput('RestoreResourceInput', 'A Terminated resource to bring back.');
const PullResourceInput = ResourceRefInput('PullResourceInput', 'A resource to synchronise from its backend (state OK or Erred, with a backend id).');
const SetResourceEndDateInput = uuidInput('SetResourceEndDateInput', 'A resource\'s end date, set by staff (it is terminated then).', 'resource', (t) => ({
  endDate: t.string({ description: 'The end date, `YYYY-MM-DD`; null clears it. Required (pass null explicitly to clear).' }),
}));
const SetResourcePausedInput = uuidInput('SetResourcePausedInput', 'Whether a resource is paused (staff only).', 'resource', (t) => ({
  paused: t.boolean({ required: true, description: 'true to pause it, false to resume it.' }),
}));
const SetResourceDownscaledInput = uuidInput('SetResourceDownscaledInput', 'Whether a resource is downscaled (staff only).', 'resource', (t) => ({
  downscaled: t.boolean({ required: true, description: 'true to mark it downscaled, false to lift that.' }),
}));
const SetResourceRestrictMemberAccessInput = uuidInput('SetResourceRestrictMemberAccessInput', 'Whether plain project members are kept from a resource (staff only).', 'resource', (t) => ({
  restrictMemberAccess: t.boolean({ required: true, description: 'true to keep plain members out, false to let them in.' }),
}));
const SetResourceSlugInput = uuidInput('SetResourceSlugInput', 'A new slug for a resource (staff only).', 'resource', (t) => ({
  slug: t.string({ required: true, description: '1–50 letters, digits, hyphens or underscores.' }),
}));

interface SuccessParts { order?: string; message?: string }

/** `<Mutation>Success`: the resource (re-read when selected, unless Waldur answered with it), and what else the action yields. */
function success(name: string, description: string, parts: SuccessParts = {}) {
  return builder.objectRef<LifecycleOutcome>(name).implement({
    description,
    fields: (t) => ({
      resource: t.field({ type: Resource, description: 'The resource, read after the change.', resolve: (o, _a, ctx, info) => o.resource ?? loadResource(ctx, info, o.resourceUuid) }),
      ...(parts.order ? {
        orderUuid: t.exposeString('orderUuid', { description: `The uuid of the ${parts.order} order Waldur created.` }),
        order: t.field({ type: Order, description: `The ${parts.order} order Waldur created; it may wait for approval.`, resolve: (o, _a, ctx, info) => (o.orderUuid ? loadOrder(ctx, info, o.orderUuid) : null) }),
      } : {}),
      ...(parts.message ? { statusMessage: t.exposeString('message', { description: parts.message }) } : {}),
    }),
  });
}

const status = 'Waldur\'s status text, e.g. whether the value changed.';
const UnlinkResourceSuccess = builder.objectRef<LifecycleOutcome>('UnlinkResourceSuccess').implement({
  description: 'The resource was removed from Waldur (its backend was not touched).',
  fields: (t) => ({ unlinkedUuid: t.exposeString('resourceUuid', { nullable: false, description: 'The uuid of the resource that no longer exists.' }) }),
});

const field = (name: string) => waldurErrors(name[0].toUpperCase() + name.slice(1));
type Resolve = Parameters<typeof mutate.renewResource>;

builder.mutationFields((t) => {
  const mutation = <I>(name: string, type: ReturnType<typeof success>, description: string, input: Parameters<typeof t.arg>[0]['type'], run: (ctx: Resolve[0], info: Resolve[1], input: I) => Promise<LifecycleOutcome>) =>
    t.field({
      type, description, errors: field(name),
      args: { input: t.arg({ type: input, required: true, description: 'What to change.' }) },
      resolve: (_root, args, ctx, info) => run(ctx, info, args.input as I),
    });
  return {
    renewResource: mutation('renewResource', success('RenewResourceSuccess', 'An Update order renewing the resource was created.', { order: 'Update (renewal)' }),
      'Orders the renewal of a prepaid resource for 12–60 more months, optionally with new limits (`renew/`; OK or Erred, prepaid offerings only).', RenewResourceInput, mutate.renewResource),
    moveResource: mutation('moveResource', success('MoveResourceSuccess', 'The resource now belongs to the target project.'),
      'Moves a resource, its orders and its billing to another project (`move_resource/`, staff only; a ConflictError when its invoices cannot move).', MoveResourceInput, mutate.moveResource),
    unlinkResource: mutation('unlinkResource', UnlinkResourceSuccess as ReturnType<typeof success>,
      'Deletes a resource from Waldur without any backend operation, e.g. one stuck in a transitional state (`unlink/`, staff only).', UnlinkResourceInput, mutate.unlinkResource),
    restoreResource: mutation('restoreResource', success('RestoreResourceSuccess', 'A Restore order was created; the resource is Creating again.', { order: 'Restore' }),
      'Brings back a Terminated resource through a Restore order (`restore/`; a ValidationError when it is not Terminated or its offering cannot restore).', RestoreResourceInput, mutate.restoreResource),
    pullResource: mutation('pullResource', success('PullResourceSuccess', 'A sync from the backend was scheduled.', { message: 'Waldur\'s answer, e.g. that the pull was scheduled.' }),
      'Schedules a sync of the resource from its backend (`pull/`; OK or Erred, with a backend id).', PullResourceInput, mutate.pullResource),
    setResourceEndDate: mutation('setResourceEndDate', success('SetResourceEndDateSuccess', 'The end date was set (or cleared).'),
      'Sets or clears the date a resource is terminated, as staff (`set_end_date_by_staff/`).', SetResourceEndDateInput, mutate.setResourceEndDate),
    setResourcePaused: mutation('setResourcePaused', success('SetResourcePausedSuccess', 'The paused flag was set.', { message: status }),
      'Pauses or resumes a resource (`set_paused/`, staff only).', SetResourcePausedInput,
      (ctx, info, input: { uuid: string; paused: boolean }) => mutate.setResourceFlag(ctx, info, input.uuid, 'paused', input.paused, 'paused')),
    setResourceDownscaled: mutation('setResourceDownscaled', success('SetResourceDownscaledSuccess', 'The downscaled flag was set.', { message: status }),
      'Marks a resource downscaled or not (`set_downscaled/`, staff only).', SetResourceDownscaledInput,
      (ctx, info, input: { uuid: string; downscaled: boolean }) => mutate.setResourceFlag(ctx, info, input.uuid, 'downscaled', input.downscaled, 'downscaled')),
    setResourceRestrictMemberAccess: mutation('setResourceRestrictMemberAccess', success('SetResourceRestrictMemberAccessSuccess', 'The member-access flag was set.', { message: status }),
      'Keeps plain project members from a resource, or lets them in again (`set_restrict_member_access/`, staff only).', SetResourceRestrictMemberAccessInput,
      (ctx, info, input: { uuid: string; restrictMemberAccess: boolean }) => mutate.setResourceFlag(ctx, info, input.uuid, 'restrict_member_access', input.restrictMemberAccess, 'restrictMemberAccess')),
    setResourceSlug: mutation('setResourceSlug', success('SetResourceSlugSuccess', 'The slug was set.', { message: status }),
      'Sets a resource\'s slug (`set_slug/`, staff only).', SetResourceSlugInput, mutate.setResourceSlug),
  };
});
