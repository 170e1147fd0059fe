import type { BackendResourceRequest, Customer, Offering, Order, Project, ProjectRoleName, Resource, User } from '../model.ts';
import type { Store } from '../store.ts';

/**
 * What one caller may see and do. Staff and support see everything (`filter_queryset_for_user` returns the whole
 * queryset for `is_staff or is_support`: waldur_core/structure/managers.py), but only staff may act as staff
 * (`has_permission` grants everything to `is_staff` alone: waldur_core/permissions/utils.py); a customer owner sees the customer's projects
 * and everything in them; a project role holder sees that project; a provider owner also sees the orders
 * and backend requests of its offerings. Everything else is invisible (404, absent from lists).
 */
export class Scope {
  /** Staff: every permission. Support users are not staff. */
  readonly isStaff: boolean;
  /** Staff or support: every object is visible. */
  readonly seesAll: boolean;
  private readonly owned: Set<string>;
  private readonly roles = new Map<string, ProjectRoleName[]>();

  constructor(private readonly store: Store, readonly user: User | null) {
    this.isStaff = Boolean(user?.isStaff);
    this.seesAll = Boolean(user && (user.isStaff || user.isSupport));
    this.owned = new Set(user ? store.customersOwnedBy(user.uuid).map((customer) => customer.uuid) : []);
    const now = Date.now() * 1000;
    for (const role of user ? store.rolesOfUser(user.uuid) : []) {
      if (role.expirationTime !== null && role.expirationTime < now) continue;
      const list = this.roles.get(role.projectUuid);
      if (list) list.push(role.role);
      else this.roles.set(role.projectUuid, [role.role]);
    }
  }

  ownsCustomer(customerUuid: string): boolean {
    return this.owned.has(customerUuid);
  }

  hasProjectRole(projectUuid: string, ...roles: ProjectRoleName[]): boolean {
    const held = this.roles.get(projectUuid);
    return Boolean(held && (roles.length === 0 || held.some((role) => roles.includes(role))));
  }

  canSeeProject(project: Project | undefined): project is Project {
    if (!project || project.isRemoved) return false;
    return this.seesAll || this.owned.has(project.customerUuid) || this.roles.has(project.uuid);
  }

  canSeeCustomer(customer: Customer | undefined): customer is Customer {
    if (!customer) return false;
    if (this.seesAll || this.owned.has(customer.uuid)) return true;
    return this.store.projectsOf(customer.uuid).some((project) => this.roles.has(project.uuid));
  }

  canSeeResource(resource: Resource | undefined): resource is Resource {
    return Boolean(resource && this.canSeeProject(this.store.projects.get(resource.projectUuid)));
  }

  canSeeOrder(order: Order | undefined): order is Order {
    if (!order) return false;
    if (this.canSeeProject(this.store.projects.get(order.projectUuid))) return true;
    return this.isProviderOwner(this.store.offerings.get(order.offeringUuid));
  }

  canSeeBackendRequest(request: BackendResourceRequest | undefined): request is BackendResourceRequest {
    return Boolean(request && (this.seesAll || this.isProviderOwner(this.store.offerings.get(request.offeringUuid))));
  }

  isProviderOwner(offering: Offering | undefined): boolean {
    return Boolean(offering && this.owned.has(offering.customerUuid));
  }

  /** Staff, the customer's owner, or a holder of one of `roles` in the project. */
  can(project: Project, ...roles: ProjectRoleName[]): boolean {
    return this.isStaff || this.owned.has(project.customerUuid) || (roles.length > 0 && this.hasProjectRole(project.uuid, ...roles));
  }

  /** Waldur's `can_manage` filter: owners of the customer and project managers only — no exception for staff. */
  manages(project: Project): boolean {
    return this.owned.has(project.customerUuid) || this.hasProjectRole(project.uuid, 'PROJECT.MANAGER');
  }

  /** Staff, customer owners and project managers approve orders, so their own orders skip consumer review. */
  canApproveOrdersIn(project: Project): boolean {
    return this.can(project, 'PROJECT.MANAGER');
  }

  /** The project uuids this caller may see, or null for "all" (staff and support). */
  visibleProjectUuids(): Set<string> | null {
    if (this.seesAll) return null;
    const visible = new Set(this.roles.keys());
    for (const customerUuid of this.owned) for (const project of this.store.projectsOf(customerUuid)) visible.add(project.uuid);
    for (const uuid of visible) if (this.store.projects.get(uuid)?.isRemoved) visible.delete(uuid);
    return visible;
  }
}
