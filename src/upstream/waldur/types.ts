/**
 * Waldur DTOs, hand-written from the component schemas of test/contracts/waldur-openapi.subset.yaml (OAS 8.0.5).
 * Everything but `uuid` and `url` is optional: `?field=` sparse fieldsets return only what was asked for.
 * Only the fields the gateway reads are listed; Waldur sends more.
 */
import type {
  BackendMetadata, NestedEndpoint, NestedPartition, NestedRole, NestedSoftwareCatalog, ReportSection,
} from './resource-extras.ts';

export type OrderState =
  | 'pending-consumer' | 'pending-provider' | 'pending-project' | 'pending-start-date'
  | 'executing' | 'done' | 'erred' | 'canceled' | 'rejected';
export type OrderType = 'Create' | 'Update' | 'Terminate' | 'Restore';
export type ResourceState = 'Creating' | 'OK' | 'Erred' | 'Updating' | 'Terminating' | 'Terminated';
export type OfferingState = 'Draft' | 'Active' | 'Paused' | 'Archived' | 'Unavailable';
export type BillingUnit = 'month' | 'quarter' | 'half_month' | 'day' | 'hour' | 'quantity';
export type BillingType = 'fixed' | 'usage' | 'limit' | 'one' | 'few';
export type BackendResourceRequestState = 'Sent' | 'Processing' | 'Done' | 'Erred';

/** Decimal amounts (costs, prices) arrive as strings, e.g. "1.3010000000". */
export type Decimal = string;

/** Every hyperlinked Waldur object. */
export interface WaldurObject {
  uuid: string;
  url: string;
}

/**
 * One page of a list: the body is a bare array, the total comes from `X-Result-Count`, links from `Link`.
 * The document declares neither header, so `total` is undefined when Waldur (or a proxy) leaves it out.
 */
export interface Page<T> {
  items: T[];
  total?: number;
  links: { first?: string; prev?: string; next?: string; last?: string };
}

export interface PriceEstimate { total?: Decimal; current?: Decimal; tax?: Decimal; tax_current?: Decimal }

export interface User extends WaldurObject {
  username?: string; full_name?: string; native_name?: string; first_name?: string; last_name?: string;
  email?: string; organization?: string; job_title?: string; phone_number?: string; description?: string;
  is_staff?: boolean; is_support?: boolean; is_active?: boolean; date_joined?: string; preferred_language?: string;
}

export interface Customer extends WaldurObject {
  created?: string; name?: string; slug?: string; native_name?: string; abbreviation?: string; display_name?: string;
  description?: string; backend_id?: string; email?: string; phone_number?: string; domain?: string; homepage?: string;
  country?: string; blocked?: boolean; archived?: boolean; projects_count?: number; users_count?: number;
  is_service_provider?: boolean; service_provider?: string | null; service_provider_uuid?: string | null;
  billing_price_estimate?: PriceEstimate;
}

export interface Project extends WaldurObject {
  name?: string; slug?: string; description?: string; created?: string; backend_id?: string;
  customer?: string; customer_uuid?: string; customer_name?: string; customer_slug?: string;
  customer_native_name?: string; customer_abbreviation?: string;
  type?: string | null; type_name?: string | null; type_uuid?: string | null;
  start_date?: string | null; end_date?: string | null; oecd_fos_2007_code?: string | null; oecd_fos_2007_label?: string;
  is_industry?: boolean; kind?: 'default' | 'course' | 'public'; resources_count?: number; is_removed?: boolean;
  marketplace_resource_count?: Record<string, number>; billing_price_estimate?: PriceEstimate;
  grace_period_days?: number | null; end_date_requested_by?: string | null;
}

export interface OfferingComponent {
  uuid?: string; type?: string; name?: string; description?: string; measured_unit?: string; billing_type?: BillingType;
  min_value?: number | null; max_value?: number | null; default_limit?: number | null; is_boolean?: boolean;
  limit_period?: string | null; limit_amount?: number | null; unit_factor?: number;
  article_code?: string; is_prepaid?: boolean; min_prepaid_duration?: number | null; max_prepaid_duration?: number | null;
}

export interface PlanComponent {
  type?: string; name?: string; measured_unit?: string; amount?: number; price?: Decimal; future_price?: Decimal | null;
}

/** A public plan (BasePublicPlan); `url` is `/api/marketplace-public-offerings/<offering>/plans/<plan>/`. */
export interface Plan extends WaldurObject {
  name?: string; description?: string; article_code?: string; archived?: boolean; is_active?: boolean;
  unit_price?: Decimal; unit?: BillingUnit; init_price?: number; switch_price?: number; max_amount?: number | null;
  backend_id?: string; prices?: Record<string, number>; quotas?: Record<string, number>; components?: PlanComponent[];
  resources_count?: number; plan_type?: string; minimal_price?: number;
}

/** PublicOfferingDetails. */
export interface PublicOffering extends WaldurObject {
  created?: string; name?: string; slug?: string; description?: string; full_description?: string;
  customer?: string | null; customer_uuid?: string | null; customer_name?: string | null;
  category?: string; category_uuid?: string; category_title?: string;
  type?: string; state?: OfferingState; shared?: boolean; billable?: boolean; backend_id?: string;
  attributes?: Record<string, unknown>; options?: unknown; plugin_options?: Record<string, unknown>;
  components?: OfferingComponent[]; plans?: Plan[]; thumbnail?: string | null; order_count?: number;
  parent_uuid?: string | null; parent_name?: string | null;
  access_url?: string; getting_started?: string; privacy_policy_link?: string; endpoints?: NestedEndpoint[];
  partitions?: NestedPartition[]; software_catalogs?: NestedSoftwareCatalog[]; roles?: NestedRole[];
}

/** OrderDetails. There is no `project` URL on an order: use `project_uuid`. */
export interface Order extends WaldurObject {
  created?: string; modified?: string; completed_at?: string | null; type?: OrderType; state?: OrderState;
  offering?: string; offering_uuid?: string; offering_name?: string; offering_type?: string; offering_description?: string;
  provider_uuid?: string; provider_name?: string; category_uuid?: string; category_title?: string;
  plan?: string; plan_uuid?: string | null; plan_name?: string | null; plan_unit?: BillingUnit;
  project_uuid?: string; project_name?: string; project_description?: string; customer_uuid?: string; customer_name?: string;
  marketplace_resource_uuid?: string; resource_uuid?: string | null; resource_type?: string | null; resource_name?: string;
  attributes?: Record<string, unknown>; limits?: Record<string, number>; cost?: Decimal | null; output?: string;
  error_message?: string; error_traceback?: string; request_comment?: string | null; start_date?: string | null;
  consumer_reviewed_by?: string | null; consumer_reviewed_at?: string | null;
  provider_reviewed_by?: string | null; provider_reviewed_at?: string | null;
  created_by_username?: string; created_by_full_name?: string; can_terminate?: boolean; backend_id?: string;
  old_plan_uuid?: string | null; new_plan_uuid?: string | null; provider_rejection_comment?: string;
}

export interface Resource extends WaldurObject {
  created?: string; modified?: string; name?: string; slug?: string; description?: string; state?: ResourceState;
  backend_id?: string; effective_id?: string; resource_uuid?: string | null; resource_type?: string | null;
  offering?: string; offering_uuid?: string; offering_name?: string; offering_type?: string; offering_state?: OfferingState;
  plan?: string; plan_uuid?: string | null; plan_name?: string | null;
  project?: string; project_uuid?: string; project_name?: string; customer_uuid?: string; customer_name?: string;
  provider_uuid?: string; provider_name?: string; category_uuid?: string; category_title?: string;
  attributes?: Record<string, unknown>; limits?: Record<string, number>; current_usages?: Record<string, number>;
  options?: Record<string, unknown> | null; end_date?: string | null; can_terminate?: boolean; available_actions?: string[];
  error_message?: string; last_sync?: string; paused?: boolean; downscaled?: boolean;
  creation_order?: Order | null; order_in_progress?: Order | null; offering_components?: OfferingComponent[];
  endpoints?: NestedEndpoint[]; report?: ReportSection[]; limit_usage?: Record<string, number>;
  renewal_date?: Record<string, string> | null; end_date_requested_by?: string | null;
  project_end_date?: string | null; project_end_date_requested_by?: string | null;
  is_usage_based?: boolean; is_limit_based?: boolean; user_requires_reconsent?: boolean;
  restrict_member_access?: boolean; username?: string | null; backend_metadata?: BackendMetadata;
}

/**
 * An item of `projects/{uuid}/list_users/` (OAS schema UserRoleDetails; it has no `url`). Not the OAS schema
 * named `ProjectUser`, which is the marketplace-resources `team/` item.
 */
export interface ProjectUser {
  uuid: string;
  created?: string; expiration_time?: string | null; role_name?: string; role_uuid?: string;
  user_uuid?: string; user_username?: string; user_full_name?: string; user_email?: string; user_image?: string;
  created_by_uuid?: string; created_by_full_name?: string;
}

/** BackendResourceReq; `offering` is an offering UUID (not a URL), on input too. */
export interface BackendResourceRequest extends WaldurObject {
  created?: string; modified?: string; started?: string | null; finished?: string | null;
  state?: BackendResourceRequestState; offering?: string; offering_name?: string; offering_url?: string;
  error_message?: string; error_traceback?: string;
}

/** Body of `terminate/`, `update_limits/`, `switch_plan/`. */
export interface OrderUuid { order_uuid: string }
