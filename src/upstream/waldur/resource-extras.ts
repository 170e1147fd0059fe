/**
 * DTOs of the resource dashboard fields and of the per-resource actions of `/api/marketplace-resources/`,
 * hand-written from the component schemas of test/contracts/waldur-openapi.subset.yaml (OAS 8.0.5).
 * As in types.ts, everything is optional unless the schema requires it.
 */
import type { Decimal } from './types.ts';

/** NestedEndpoint: a named URL where a resource (or an offering) can be reached. */
export interface NestedEndpoint { uuid?: string; name?: string; url?: string }

/** ReportSection: one section of the report a provider submitted for a resource. */
export interface ReportSection { header?: string; body?: string }

/** BackendMetadata: what the backend last said about a resource. */
export interface BackendMetadata { state?: string; runtime_state?: string; action?: string; instance_name?: string | null }

/** NestedPartition (a SLURM partition of an offering); only the fields the gateway exposes. */
export interface NestedPartition {
  uuid?: string; partition_name?: string; max_nodes?: number | null; min_nodes?: number | null;
  default_time?: number | null; max_time?: number | null; grace_time?: number | null;
  max_cpus_per_node?: number | null; def_mem_per_cpu?: number | null; max_mem_per_node?: number | null;
  priority_tier?: number | null; qos?: string; exclusive_user?: boolean; exclusive_topo?: boolean; req_resv?: boolean;
}

/** NestedSoftwareCatalog: a software catalog enabled for an offering, maybe limited to one partition. */
export interface NestedSoftwareCatalog {
  uuid?: string; package_count?: number;
  catalog?: { uuid?: string; name?: string; version?: string; description?: string };
  partition?: { uuid?: string; partition_name?: string; priority_tier?: number | null; qos?: string } | null;
  enabled_cpu_family?: unknown; enabled_cpu_microarchitectures?: unknown;
}

/** NestedRole: an offering-specific role. */
export interface NestedRole { uuid?: string; name?: string; url?: string }

/** The state of a user's account on an offering (OfferingUserState). */
export type OfferingUserState =
  | 'Requested' | 'Creating' | 'Pending account linking' | 'Pending additional validation' | 'OK'
  | 'Requested deletion' | 'Deleting' | 'Deleted' | 'Error creating' | 'Error deleting';

/** An item of `marketplace-resources/{uuid}/team/` (OAS schema `ProjectUser`); `uuid` is the user's. */
export interface ResourceTeamMember {
  url: string; uuid: string; username: string; full_name: string; email?: string; role: string;
  expiration_time: string | null; offering_user_username: string | null; offering_user_state: OfferingUserState | null;
}

/** BaseComponentUsage: usage of one component within a plan period. */
export interface ComponentUsage {
  uuid: string; created: string; description?: string; type: string; name: string; measured_unit: string;
  usage?: Decimal; date: string; recurring?: boolean;
}

/** ResourcePlanPeriod: an item of `marketplace-resources/{uuid}/plan_periods/` (not paginated). */
export interface ResourcePlanPeriod {
  uuid: string; plan_name: string; plan_uuid: string; start?: string | null; end?: string | null; components: ComponentUsage[];
}

/** RenewalEstimateComponent. */
export interface RenewalEstimateComponent {
  component_type: string; component_name: string; billing_type: string; billing_period: string | null;
  current_limit: number; new_limit: number; unit_price: Decimal; measured_unit: string; period_description: string; total: Decimal;
}

/** RenewalEstimateResponse: the answer of `POST marketplace-resources/{uuid}/estimate_renewal/`. */
export interface RenewalEstimate {
  components: RenewalEstimateComponent[]; subscription_total: Decimal; limit_change_total: Decimal; total: Decimal;
  remaining_days: number; new_end_date: string;
}
