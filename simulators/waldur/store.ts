import type {
  BackendResourceRequest, Customer, Offering, Order, Plan, Project, ProjectRole, Resource, User,
} from './model.ts';

function push<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function remove<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (!list) return;
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
}

/** The simulator's whole state: records by uuid plus the few indexes the routes need to stay fast at scale. */
export class Store {
  readonly users = new Map<string, User>();
  readonly customers = new Map<string, Customer>();
  readonly projects = new Map<string, Project>();
  readonly roles = new Map<string, ProjectRole>();
  readonly offerings = new Map<string, Offering>();
  readonly plans = new Map<string, Plan>();
  readonly resources = new Map<string, Resource>();
  readonly orders = new Map<string, Order>();
  readonly backendRequests = new Map<string, BackendResourceRequest>();
  /**
   * The offering whose resources stand for orchestration projects: the service provider records the orchestration
   * project id as the resource's backend_id (simulators/waldur/orchestration-link.ts).
   */
  orchestrationOfferingUuid = '';

  private readonly usersByToken = new Map<string, User>();
  private readonly projectsByCustomer = new Map<string, Project[]>();
  private readonly rolesByUser = new Map<string, ProjectRole[]>();
  private readonly rolesByProject = new Map<string, ProjectRole[]>();
  private readonly resourcesByProject = new Map<string, Resource[]>();
  private readonly ordersByResource = new Map<string, Order[]>();
  private readonly customersByOwner = new Map<string, Customer[]>();

  addUser(user: User): void {
    this.users.set(user.uuid, user);
    if (user.token) this.usersByToken.set(user.token, user);
  }

  userByToken(token: string): User | undefined {
    return this.usersByToken.get(token);
  }

  addCustomer(customer: Customer): void {
    this.customers.set(customer.uuid, customer);
    for (const owner of customer.ownerUuids) push(this.customersByOwner, owner, customer);
  }

  customersOwnedBy(userUuid: string): readonly Customer[] {
    return this.customersByOwner.get(userUuid) ?? [];
  }

  addProject(project: Project): void {
    this.projects.set(project.uuid, project);
    push(this.projectsByCustomer, project.customerUuid, project);
  }

  moveProject(project: Project, customerUuid: string): void {
    remove(this.projectsByCustomer, project.customerUuid, project);
    project.customerUuid = customerUuid;
    push(this.projectsByCustomer, customerUuid, project);
  }

  projectsOf(customerUuid: string): readonly Project[] {
    return this.projectsByCustomer.get(customerUuid) ?? [];
  }

  addRole(role: ProjectRole): void {
    this.roles.set(role.uuid, role);
    push(this.rolesByUser, role.userUuid, role);
    push(this.rolesByProject, role.projectUuid, role);
  }

  removeRole(role: ProjectRole): void {
    this.roles.delete(role.uuid);
    remove(this.rolesByUser, role.userUuid, role);
    remove(this.rolesByProject, role.projectUuid, role);
  }

  rolesOfUser(userUuid: string): readonly ProjectRole[] {
    return this.rolesByUser.get(userUuid) ?? [];
  }

  rolesInProject(projectUuid: string): readonly ProjectRole[] {
    return this.rolesByProject.get(projectUuid) ?? [];
  }

  addOffering(offering: Offering): void {
    this.offerings.set(offering.uuid, offering);
    for (const plan of offering.plans) this.plans.set(plan.uuid, plan);
  }

  addResource(resource: Resource): void {
    this.resources.set(resource.uuid, resource);
    push(this.resourcesByProject, resource.projectUuid, resource);
  }

  moveResource(resource: Resource, projectUuid: string): void {
    remove(this.resourcesByProject, resource.projectUuid, resource);
    resource.projectUuid = projectUuid;
    push(this.resourcesByProject, projectUuid, resource);
  }

  removeResource(resource: Resource): void {
    this.resources.delete(resource.uuid);
    remove(this.resourcesByProject, resource.projectUuid, resource);
    for (const order of [...this.ordersOf(resource.uuid)]) this.removeOrder(order);
  }

  resourcesOf(projectUuid: string): readonly Resource[] {
    return this.resourcesByProject.get(projectUuid) ?? [];
  }

  addOrder(order: Order): void {
    this.orders.set(order.uuid, order);
    push(this.ordersByResource, order.resourceUuid, order);
  }

  removeOrder(order: Order): void {
    this.orders.delete(order.uuid);
    remove(this.ordersByResource, order.resourceUuid, order);
  }

  ordersOf(resourceUuid: string): readonly Order[] {
    return this.ordersByResource.get(resourceUuid) ?? [];
  }

  addBackendRequest(request: BackendResourceRequest): void {
    this.backendRequests.set(request.uuid, request);
  }
}
