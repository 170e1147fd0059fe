import { createHash } from 'node:crypto';
import type { Call } from '../api/call.ts';
import type { Offering, Resource } from '../model.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';

/**
 * The nested parts of offerings and resources the seed does not store: endpoints, SLURM partitions, software
 * catalogs, offering roles. Derived from the type (with stable uuids), so they cost nothing to seed.
 */
export const derivedUuid = (...parts: string[]) => createHash('md5').update(parts.join('/')).digest('hex');

const hostOf = (call: Call) => new URL(call.req.origin).hostname;

/** NestedEndpoint items of an offering: game servers have a console, HPC has a login node. */
export function offeringEndpoints(call: Call, offering: Offering) {
  if (offering.type === OFFERING_TYPES.gameServer) return [{ uuid: derivedUuid(offering.uuid, 'console'), name: 'Server console', url: `https://console.${hostOf(call)}/game/` }];
  if (offering.type === OFFERING_TYPES.slurm) return [{ uuid: derivedUuid(offering.uuid, 'login'), name: 'Login node', url: `ssh://login.${offering.slug}.example.org` }];
  return [];
}

/** NestedEndpoint items of a resource: a provisioned game server has its own console URL. */
export function resourceEndpoints(call: Call, resource: Resource, offering: Offering) {
  if (offering.type !== OFFERING_TYPES.gameServer || !resource.backendId) return [];
  return [{ uuid: derivedUuid(resource.uuid, 'console'), name: 'Server console', url: `https://console.${hostOf(call)}/game/${resource.backendId}/` }];
}

const PARTITION_DEFAULTS = {
  cpu_bind: null, def_cpu_per_gpu: null, max_cpus_per_socket: null, def_mem_per_gpu: null, def_mem_per_node: null,
  max_mem_per_cpu: null, exclusive_topo: false, req_resv: false,
};

/** NestedPartition items: HPC offerings have a `batch` and a `gpu` partition. */
export function offeringPartitions(offering: Offering) {
  if (offering.type !== OFFERING_TYPES.slurm) return [];
  return [
    { uuid: derivedUuid(offering.uuid, 'batch'), partition_name: 'batch', ...PARTITION_DEFAULTS, max_cpus_per_node: 128, def_mem_per_cpu: 2048,
      max_mem_per_node: 515_000, default_time: 60, max_time: 2880, grace_time: 300, max_nodes: 64, min_nodes: 1, exclusive_user: false, priority_tier: 1, qos: 'normal' },
    { uuid: derivedUuid(offering.uuid, 'gpu'), partition_name: 'gpu', ...PARTITION_DEFAULTS, max_cpus_per_node: 64, def_mem_per_cpu: 4096,
      max_mem_per_node: 1_030_000, default_time: 30, max_time: 1440, grace_time: 120, max_nodes: 8, min_nodes: 1, exclusive_user: true, priority_tier: 2, qos: 'gpu' },
  ];
}

/** NestedSoftwareCatalog items: HPC offerings carry EESSI everywhere and Spack in the `gpu` partition. */
export function offeringSoftwareCatalogs(offering: Offering) {
  if (offering.type !== OFFERING_TYPES.slurm) return [];
  const gpu = { uuid: derivedUuid(offering.uuid, 'gpu'), partition_name: 'gpu', priority_tier: 2, qos: 'gpu' };
  return [
    { uuid: derivedUuid(offering.uuid, 'eessi'), catalog: { uuid: derivedUuid('catalog', 'eessi'), name: 'EESSI', version: '2023.06', description: 'European Environment for Scientific Software Installations.' },
      enabled_cpu_family: ['x86_64'], enabled_cpu_microarchitectures: ['zen3', 'icelake'], package_count: 412, partition: null },
    { uuid: derivedUuid(offering.uuid, 'spack'), catalog: { uuid: derivedUuid('catalog', 'spack'), name: 'Spack', version: '0.22', description: 'Spack-built packages.' },
      enabled_cpu_family: ['x86_64'], enabled_cpu_microarchitectures: ['zen3'], package_count: 96, partition: gpu },
  ];
}

/** NestedRole items: HPC offerings define PI and user roles. */
export function offeringRoles(call: Call, offering: Offering) {
  if (offering.type !== OFFERING_TYPES.slurm) return [];
  return ['PI', 'User'].map((name) => {
    const uuid = derivedUuid(offering.uuid, 'role', name);
    return { uuid, name, url: `${call.req.origin}/api/marketplace-offering-user-roles/${uuid}/` };
  });
}

/** MergedPluginOptions: Support offerings cannot restore resources; HPC (site-agent) offerings manage offering users. */
export function pluginOptions(offering: Offering) {
  return {
    service_provider_can_create_offering_user: offering.type === OFFERING_TYPES.slurm,
    auto_approve_remote_orders: false, supports_downscaling: false, supports_pausing: false,
    can_restore_resource: offering.type !== OFFERING_TYPES.support,
  };
}
