/**
 * The parts of an offering a resource dashboard shows besides plans and components: endpoints, SLURM partitions,
 * software catalogs and offering roles (PublicOfferingDetails). Each declares its Waldur field, so a `field=` list
 * carries it when an offering is read through `offerings`/`offering`; `Resource.offeringDetails` gets them all.
 */
import type { NestedPartition, NestedRole, NestedSoftwareCatalog } from '../../upstream/waldur/resource-extras.ts';
import { builder } from '../builder.ts';
import { Offering } from './offering.ts';
import { reads } from './reads.ts';
import { Endpoint } from './resource-details.ts';

const OfferingPartition = builder.objectRef<NestedPartition>('OfferingPartition').implement({
  description: 'A SLURM partition of an offering, with its scheduling limits (times in minutes, memory in MB, as SLURM counts them).',
  fields: (t) => ({
    uuid: t.exposeString('uuid', { description: 'The Waldur UUID of this partition.' }),
    name: t.exposeString('partition_name', { description: 'The SLURM partition name.' }),
    minNodes: t.exposeInt('min_nodes', { description: 'The fewest nodes a job may request.' }),
    maxNodes: t.exposeInt('max_nodes', { description: 'The most nodes a job may request.' }),
    defaultTime: t.exposeInt('default_time', { description: 'The time limit of jobs that set none, in minutes.' }),
    maxTime: t.exposeInt('max_time', { description: 'The longest time limit a job may request, in minutes.' }),
    graceTime: t.exposeInt('grace_time', { description: 'Seconds a preempted job gets before it is stopped.' }),
    maxCpusPerNode: t.exposeInt('max_cpus_per_node', { description: 'The most CPUs a job may use per node.' }),
    defaultMemoryPerCpu: t.expose('def_mem_per_cpu', { type: 'Long', description: 'Memory per CPU for jobs that set none, in MB.' }),
    maxMemoryPerNode: t.expose('max_mem_per_node', { type: 'Long', description: 'The most memory a job may use per node, in MB.' }),
    priorityTier: t.exposeInt('priority_tier', { description: 'The partition\'s priority tier (higher runs first).' }),
    qos: t.exposeString('qos', { description: 'The SLURM QOS jobs in this partition get.' }),
    exclusiveUser: t.exposeBoolean('exclusive_user', { description: 'Whether a node runs jobs of one user at a time.' }),
    exclusiveTopology: t.exposeBoolean('exclusive_topo', { description: 'Whether jobs get exclusive topology blocks.' }),
    requiresReservation: t.exposeBoolean('req_resv', { description: 'Whether jobs need a reservation to run here.' }),
  }),
});

const OfferingSoftwareCatalog = builder.objectRef<NestedSoftwareCatalog>('OfferingSoftwareCatalog').implement({
  description: 'A software catalog (e.g. EESSI, Spack) available on an offering, maybe only in one partition.',
  fields: (t) => ({
    uuid: t.exposeString('uuid', { description: 'The Waldur UUID of this catalog\'s attachment to the offering.' }),
    catalogUuid: t.string({ description: 'The Waldur UUID of the catalog itself.', resolve: (c) => c.catalog?.uuid ?? null }),
    name: t.string({ description: 'The catalog name, e.g. `EESSI`.', resolve: (c) => c.catalog?.name ?? null }),
    version: t.string({ description: 'The catalog version.', resolve: (c) => c.catalog?.version ?? null }),
    description: t.string({ description: 'What the catalog holds.', resolve: (c) => c.catalog?.description ?? null }),
    packageCount: t.expose('package_count', { type: 'Long', description: 'How many packages the catalog offers here.' }),
    partitionName: t.string({ description: 'The partition it is limited to; null when it serves the whole offering.', resolve: (c) => c.partition?.partition_name ?? null }),
    enabledCpuFamilies: t.field({ type: 'JSON', description: 'The CPU families whose builds are enabled (as Waldur sends them).', resolve: (c) => c.enabled_cpu_family ?? null }),
    enabledCpuMicroarchitectures: t.field({ type: 'JSON', description: 'The CPU microarchitectures whose builds are enabled.', resolve: (c) => c.enabled_cpu_microarchitectures ?? null }),
  }),
});

const OfferingRole = builder.objectRef<NestedRole>('OfferingRole').implement({
  description: 'A role the offering defines for its users, beyond Waldur\'s project roles.',
  fields: (t) => ({
    uuid: t.exposeString('uuid', { description: 'The Waldur UUID of this role.' }),
    name: t.exposeString('name', { description: 'The role name.' }),
  }),
});

builder.objectFields(Offering, (t) => ({
  accessUrl: t.exposeString('access_url', { description: 'Where users reach the service, if the provider says.', extensions: reads('access_url') }),
  gettingStarted: t.exposeString('getting_started', { description: 'How to start using the service (provider text).', extensions: reads('getting_started') }),
  endpoints: t.field({ type: [Endpoint], nullable: false, description: 'The offering\'s endpoints.', extensions: reads('endpoints'), resolve: (o) => o.endpoints ?? [] }),
  partitions: t.field({ type: [OfferingPartition], nullable: false, description: 'Its SLURM partitions (HPC offerings).', extensions: reads('partitions'), resolve: (o) => o.partitions ?? [] }),
  softwareCatalogs: t.field({ type: [OfferingSoftwareCatalog], nullable: false, description: 'The software catalogs available on it.', extensions: reads('software_catalogs'), resolve: (o) => o.software_catalogs ?? [] }),
  roles: t.field({ type: [OfferingRole], nullable: false, description: 'The offering-specific roles.', extensions: reads('roles'), resolve: (o) => o.roles ?? [] }),
}));
