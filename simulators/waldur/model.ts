import type { Micros } from './time.ts';

/** The records the simulator keeps; serializers turn them into Waldur's JSON shapes. */

export interface User {
  uuid: string;
  username: string;
  fullName: string;
  email: string;
  isStaff: boolean;
  isSupport: boolean;
  /** null: the user has no active session, so staff cannot impersonate them. */
  token: string | null;
  dateJoined: Micros;
}

export interface Customer {
  uuid: string;
  name: string;
  slug: string;
  abbreviation: string;
  nativeName: string;
  description: string;
  backendId: string;
  email: string;
  phoneNumber: string;
  domain: string;
  country: string;
  registrationCode: string;
  agreementNumber: string;
  contactDetails: string;
  created: Micros;
  archived: boolean;
  blocked: boolean;
  isServiceProvider: boolean;
  serviceProviderUuid: string | null;
  ownerUuids: Set<string>;
}

export type ProjectRoleName = 'PROJECT.ADMIN' | 'PROJECT.MANAGER' | 'PROJECT.MEMBER';

export interface ProjectRole {
  uuid: string;
  projectUuid: string;
  userUuid: string;
  role: ProjectRoleName;
  created: Micros;
  expirationTime: Micros | null;
  createdByUuid: string | null;
}

export interface Project {
  uuid: string;
  name: string;
  slug: string;
  description: string;
  customerUuid: string;
  backendId: string;
  created: Micros;
  modified: Micros;
  startDate: string | null;
  endDate: string | null;
  oecdFos2007Code: string | null;
  isIndustry: boolean;
  kind: 'default' | 'course' | 'public';
  isRemoved: boolean;
}

export type BillingType = 'fixed' | 'usage' | 'limit' | 'one' | 'few';

export interface OfferingComponent {
  uuid: string;
  type: string;
  name: string;
  measuredUnit: string;
  billingType: BillingType;
  minValue: number | null;
  maxValue: number | null;
  defaultLimit: number | null;
  /** Paid in advance for 12–36 months: resources of such offerings can be renewed (`renew/`). */
  isPrepaid?: boolean;
}

export interface Plan {
  uuid: string;
  offeringUuid: string;
  name: string;
  description: string;
  unit: 'month' | 'quarter' | 'half_month' | 'day' | 'hour' | 'quantity';
  unitPrice: string;
  archived: boolean;
  /** Price per unit of each component type, as decimal strings. */
  prices: Record<string, string>;
  quotas: Record<string, number>;
}

export type OfferingState = 'Draft' | 'Active' | 'Paused' | 'Archived' | 'Unavailable';

export interface Offering {
  uuid: string;
  name: string;
  slug: string;
  description: string;
  type: string;
  state: OfferingState;
  customerUuid: string;
  categoryUuid: string;
  categoryTitle: string;
  shared: boolean;
  billable: boolean;
  created: Micros;
  components: OfferingComponent[];
  plans: Plan[];
  options: { order: string[]; options: Record<string, Record<string, unknown>> };
  attributes: Record<string, unknown>;
}

export type ResourceState = 'Creating' | 'OK' | 'Erred' | 'Updating' | 'Terminating' | 'Terminated';

export interface Resource {
  uuid: string;
  name: string;
  slug: string;
  description: string;
  projectUuid: string;
  offeringUuid: string;
  planUuid: string | null;
  state: ResourceState;
  backendId: string;
  effectiveId: string;
  attributes: Record<string, unknown>;
  limits: Record<string, number>;
  currentUsages: Record<string, number>;
  options: Record<string, unknown>;
  endDate: string | null;
  created: Micros;
  modified: Micros;
  lastSync: Micros;
  errorMessage: string;
  errorTraceback: string;
  creationOrderUuid: string | null;
  paused: boolean;
  downscaled: boolean;
  restrictMemberAccess: boolean;
  /** Who set the end date through `set_end_date_by_staff/` (Waldur `end_date_requested_by`). */
  endDateRequestedByUuid?: string | null;
}

export type OrderState =
  | 'pending-consumer' | 'pending-provider' | 'pending-project' | 'pending-start-date'
  | 'executing' | 'done' | 'erred' | 'canceled' | 'rejected';
export type OrderType = 'Create' | 'Update' | 'Terminate' | 'Restore';

export interface Order {
  uuid: string;
  type: OrderType;
  state: OrderState;
  projectUuid: string;
  offeringUuid: string;
  planUuid: string | null;
  oldPlanUuid: string | null;
  resourceUuid: string;
  attributes: Record<string, unknown>;
  limits: Record<string, number>;
  cost: string | null;
  created: Micros;
  modified: Micros;
  completedAt: Micros | null;
  createdByUuid: string;
  consumerReviewedByUuid: string | null;
  consumerReviewedAt: Micros | null;
  providerReviewedByUuid: string | null;
  providerReviewedAt: Micros | null;
  errorMessage: string;
  errorTraceback: string;
  requestComment: string | null;
  callbackUrl: string | null;
  startDate: string | null;
  consumerRejectionComment: string;
  providerRejectionComment: string;
  output: string;
}

export type BackendRequestState = 'Sent' | 'Processing' | 'Done' | 'Erred';

export interface BackendResourceRequest {
  uuid: string;
  offeringUuid: string;
  state: BackendRequestState;
  created: Micros;
  modified: Micros;
  started: Micros | null;
  finished: Micros | null;
  errorMessage: string;
  errorTraceback: string;
}
