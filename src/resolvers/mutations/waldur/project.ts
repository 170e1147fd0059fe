/** createProject, updateProject, deleteProject: `/api/projects/` (docs/contracts/waldur.md §8.2). */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../../context.ts';
import type { Row } from '../../../loaders/waldur/row.ts';
import type { Project } from '../../../upstream/waldur/types.ts';
import { Forbidden } from '../typed-errors.ts';
import { forget, literal, upstream } from './common.ts';
import { Checks } from './validate.ts';

/** OecdFos2007CodeEnum of the OpenAPI subset. */
export const OECD_FOS_2007_CODES = [
  '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10',
  '2.11', '2.12', '3.1', '3.2', '3.3', '3.4', '3.5', '4.1', '4.2', '4.3', '4.4', '4.5', '5.1', '5.2', '5.3', '5.4', '5.5',
  '5.6', '5.7', '5.8', '5.9', '6.1', '6.2', '6.3', '6.4', '6.5',
] as const;

export interface ProjectFields {
  name?: string | null;
  description?: string | null;
  backendId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  kind?: string | null;
  oecdFos2007Code?: string | null;
  isIndustry?: boolean | null;
}

export interface CreateProjectInput extends ProjectFields { customerUuid: string; name: string }
export interface UpdateProjectInput extends ProjectFields { uuid: string }

export interface ProjectOutcome { project: Row<Project> }
export interface DeletedOutcome { deletedUuid: string }

/** Waldur's field names → the input's, for upstream 400s. */
const FIELDS = { customer: 'customerUuid', backend_id: 'backendId', start_date: 'startDate', end_date: 'endDate', oecd_fos_2007_code: 'oecdFos2007Code', is_industry: 'isIndustry' };

/** ProjectRequest fields (maxLengths of the OpenAPI subset); only the fields given are sent. */
function projectBody(check: Checks, input: ProjectFields, creating: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: check.text('name', input.name, { required: creating, nonBlank: true, max: 500 }),
    description: check.text('description', input.description),
    backend_id: check.text('backendId', input.backendId, { max: 255 }),
    start_date: check.date('startDate', input.startDate),
    end_date: check.date('endDate', input.endDate),
    kind: input.kind === null ? check.problem('kind', 'expected DEFAULT, COURSE or PUBLIC, received null') : input.kind,
    oecd_fos_2007_code: check.choice('oecdFos2007Code', input.oecdFos2007Code, OECD_FOS_2007_CODES, true),
  };
  if (input.isIndustry === null) check.problem('isIndustry', 'expected true or false, received null');
  else body.is_industry = input.isIndustry;
  if (typeof body.start_date === 'string' && typeof body.end_date === 'string' && body.end_date < body.start_date) {
    check.problem('endDate', `expected a date on or after startDate ${body.start_date}, received ${literal(body.end_date)}`);
  }
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/**
 * Only where the operator opted in to trusting a project field for the orchestration link (LINK_TRUST_PROJECT_FIELD)
 * does that field decide which orchestration project a Waldur project reaches through the gateway's service account;
 * then only staff may write it through Junction (the deployment must also make it staff-only in Waldur itself). By
 * default the link is the provider's record, and `backendId` is an ordinary project field.
 */
async function requireStaffForLinkField(ctx: Context, body: Record<string, unknown>): Promise<void> {
  const field = ctx.config.links.trustProjectField;
  if (!field || !(field in body)) return;
  if (!await upstream(() => ctx.isStaff())) {
    throw new Forbidden(`Only staff may set backendId: it links the project to an orchestration project (the ${field} field)`);
  }
}

export async function createProject(ctx: Context, input: CreateProjectInput): Promise<ProjectOutcome> {
  const check = new Checks();
  const customerUuid = check.uuid('customerUuid', input.customerUuid);
  const fields = projectBody(check, input, true);
  check.done();
  await requireStaffForLinkField(ctx, fields);
  const body = { ...fields, customer: ctx.waldur.urlFor('customers', customerUuid) };
  const verifyWith = `projects(filter: { customers: [${literal(customerUuid)}], nameExact: ${literal(String(fields.name))} }) { nodes { uuid name created } }`;
  const project = await upstream(() => ctx.waldur.create<Row<Project>>('projects', body), { verifyWith, fields: FIELDS });
  return { project };
}

export async function updateProject(ctx: Context, info: GraphQLResolveInfo, input: UpdateProjectInput): Promise<ProjectOutcome> {
  const check = new Checks();
  const uuid = check.uuid('uuid', input.uuid);
  const { uuid: _uuid, ...changes } = input;
  check.someOf({ name: changes.name, description: changes.description, backendId: changes.backendId, startDate: changes.startDate, endDate: changes.endDate, kind: changes.kind, oecdFos2007Code: changes.oecdFos2007Code, isIndustry: changes.isIndustry });
  const body = projectBody(check, changes, false);
  check.done();
  await requireStaffForLinkField(ctx, body);
  const verifyWith = `project(uuid: ${literal(uuid)}) { name description backendId startDate endDate kind oecdFos2007Code isIndustry }`;
  const project = await upstream(() => ctx.waldur.update<Row<Project>>('projects', uuid, body, 'PATCH'), { verifyWith, fields: FIELDS });
  forget(ctx, 'Project', uuid);
  return { project };
}

export async function deleteProject(ctx: Context, info: GraphQLResolveInfo, input: { uuid: string }): Promise<DeletedOutcome> {
  const check = new Checks();
  const uuid = check.uuid('uuid', input.uuid);
  check.done();
  await upstream(() => ctx.waldur.remove('projects', uuid), { verifyWith: `project(uuid: ${literal(uuid)}) { uuid } (null once deleted)` });
  forget(ctx, 'Project', uuid);
  return { deletedUuid: uuid };
}
