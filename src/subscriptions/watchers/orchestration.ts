import type { Context } from '../../context.ts';
import type { ScopedAllocation, ScopedPayload } from '../../loaders/orchestration.ts';

/** Fingerprints ignore nothing: any visible change (state, ports, labels, timestamps) is an update. */
const fingerprint = (value: unknown) => JSON.stringify(value);

/**
 * Orchestration watchers poll through a caller built for each poll, so the access check (a Waldur project the
 * subscriber can see links to the orchestration project) is made again on every poll, not remembered from
 * the moment of subscribing: a subscriber who loses access stops receiving updates with FORBIDDEN.
 */
export function watchPayload(ctx: Context, projectId: string, allocationId: string, payloadId: string) {
  return ctx.pollers.watch<ScopedPayload>({
    key: `payload:${projectId}/${allocationId}/${payloadId}:${ctx.principal.key}`,
    scope: ctx.principal.key,
    fetch: async (signal) => {
      const row = await ctx.callersFor(signal).orchestration.getPayload(projectId, allocationId, payloadId);
      return { ...row, allocation_id: row.allocation_id || allocationId, projectId };
    },
    fingerprint,
    isTerminal: (p) => p.status?.state === 'Shutdown',
  });
}

/** An allocation now and after every change; completes once it is Deleted. */
export function watchAllocation(ctx: Context, projectId: string, allocationId: string) {
  return ctx.pollers.watch<ScopedAllocation>({
    key: `allocation:${projectId}/${allocationId}:${ctx.principal.key}`,
    scope: ctx.principal.key,
    fetch: async (signal) => ({ ...(await ctx.callersFor(signal).orchestration.getAllocation(projectId, allocationId)), projectId }),
    fingerprint,
    isTerminal: (a) => a.status?.state === 'Deleted',
  });
}

/** The payload list of an allocation now and whenever a payload appears, disappears or changes. */
export function watchAllocationPayloads(ctx: Context, projectId: string, allocationId: string) {
  return ctx.pollers.watch<ScopedPayload[]>({
    key: `payloads:${projectId}/${allocationId}:${ctx.principal.key}`,
    scope: ctx.principal.key,
    fetch: async (signal) => (await ctx.callersFor(signal).orchestration.listPayloads(projectId, allocationId))
      .map((p) => ({ ...p, allocation_id: p.allocation_id || allocationId, projectId }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    fingerprint,
    isTerminal: () => false,
  });
}
