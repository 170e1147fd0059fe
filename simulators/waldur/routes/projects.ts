import { currentUser, type Call } from '../api/call.ts';
import { serialize } from '../api/fields.ts';
import { detailResponse, listResponse } from '../api/listing.ts';
import { BodyForm } from '../http/body-form.ts';
import { permissionDenied, validationError } from '../http/errors.ts';
import { links } from '../http/links.ts';
import { empty, json } from '../http/types.ts';
import type { Customer, Project } from '../model.ts';
import { projectList } from '../filters/projects.ts';
import { runtimeRandom } from '../random.ts';
import { slugify } from '../seed/names.ts';
import { projectFields } from '../serializers/project.ts';
import { nowMicros } from '../time.ts';
import { findProject } from './lookup.ts';
import type { RouteDefinition } from './router.ts';

const KINDS = ['default', 'course', 'public'] as const;
const OECD_CODES = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1', '2.2', '3.1', '4.1', '5.1', '6.1'];

/** Reads ProjectRequest / PatchedProjectRequest; `partial` is PATCH. Returns the changes and the customer link. */
function readProject(call: Call, partial: boolean) {
  const form = new BodyForm(call.req.body);
  const name = form.string('name', { required: !partial, allowBlank: false, maxLength: 500 });
  const customerLink = form.link('customer', 'customer', { required: !partial });
  let customer: Customer | undefined;
  if (customerLink) {
    customer = call.store.customers.get(customerLink.uuids[0]);
    if (!call.scope.canSeeCustomer(customer)) form.missing('customer');
  }
  const description = form.string('description');
  const backendId = form.string('backend_id', { maxLength: 255 });
  const startDate = form.date('start_date', { nullable: true });
  const endDate = form.date('end_date', { nullable: true });
  const code = form.string('oecd_fos_2007_code', { nullable: true });
  if (code && !OECD_CODES.includes(code)) form.fail('oecd_fos_2007_code', `"${code}" is not a valid choice.`);
  const isIndustry = form.boolean('is_industry');
  const kind = form.string('kind');
  if (kind && !KINDS.includes(kind as never)) form.fail('kind', `"${kind}" is not a valid choice.`);
  if (form.has('type') && form.data.type !== null) form.fail('type', 'Invalid hyperlink - No URL match.');
  form.check();
  const changes: Partial<Project> = {};
  if (name !== undefined && name !== null) changes.name = name;
  if (description !== undefined && description !== null) changes.description = description;
  if (backendId !== undefined && backendId !== null) changes.backendId = backendId;
  if (startDate !== undefined) changes.startDate = startDate;
  if (endDate !== undefined) changes.endDate = endDate;
  if (code !== undefined) changes.oecdFos2007Code = code || null;
  if (isIndustry !== undefined) changes.isIndustry = isIndustry;
  if (kind) changes.kind = kind as Project['kind'];
  return { changes, customer };
}

function createProject(call: Call) {
  const { changes, customer } = readProject(call, false);
  if (!customer || !(call.scope.isStaff || call.scope.ownsCustomer(customer.uuid))) throw permissionDenied();
  if (customer.blocked) throw validationError('Blocked organization is not available.');
  if (customer.archived) throw validationError('Archived organization is not available.');
  const now = nowMicros();
  const name = changes.name!;
  const project: Project = {
    uuid: runtimeRandom.uuidHex(), name, slug: slugify(name) || 'project', description: '', customerUuid: customer.uuid,
    backendId: '', created: now, modified: now, startDate: null, endDate: null, oecdFos2007Code: null, isIndustry: false,
    kind: 'default', isRemoved: false, ...changes,
  };
  call.store.addProject(project);
  const url = links.project(call.req.origin, project.uuid);
  return json(201, serialize(projectFields, project, call), { Location: url });
}

/**
 * PUT/PATCH need PROJECT.UPDATE on the project or its customer (views.py ProjectViewSet, `permission_factory(
 * UPDATE_PROJECT, ["*", "customer"])`), which permissions.yaml grants to CUSTOMER.OWNER and PROJECT.MANAGER. Every
 * field of ProjectSerializer is then writable, `backend_id` included; only `slug` is staff-only (SlugSerializerMixin).
 */
function updateProject(call: Call, uuid: string, partial: boolean) {
  const project = findProject(call, uuid);
  if (!call.scope.can(project, 'PROJECT.MANAGER')) throw permissionDenied();
  // The customer of an existing project is protected: it is read but never changed here.
  const { changes } = readProject(call, partial);
  Object.assign(project, changes, { modified: nowMicros() });
  return json(200, serialize(projectFields, project, call));
}

function deleteProject(call: Call, uuid: string) {
  const project = findProject(call, uuid);
  if (!(call.scope.isStaff || call.scope.ownsCustomer(project.customerUuid))) throw permissionDenied();
  if (call.store.resourcesOf(project.uuid).some((resource) => resource.state !== 'Terminated')) {
    throw validationError('Project contains active resources. Please remove them before deleting project.');
  }
  // Newer Waldur soft-deletes projects; a removed project disappears from every list and lookup.
  project.isRemoved = true;
  project.modified = nowMicros();
  return empty(204);
}

export const projectRoutes: RouteDefinition[] = [
  {
    path: '/api/projects/',
    methods: {
      GET: (call) => listResponse(call, [...call.store.projects.values()].filter((p) => call.scope.canSeeProject(p)), projectList),
      POST: (call) => (currentUser(call), createProject(call)),
    },
  },
  {
    path: '/api/projects/:uuid/',
    methods: {
      GET: (call, [uuid]) => detailResponse(call, findProject(call, uuid), projectFields),
      PUT: (call, [uuid]) => updateProject(call, uuid, false),
      PATCH: (call, [uuid]) => updateProject(call, uuid, true),
      DELETE: (call, [uuid]) => deleteProject(call, uuid),
    },
  },
];
