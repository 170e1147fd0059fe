import type { Client } from 'graphql-ws';
import { holdLive } from './live.ts';
import { badge, el } from './tones.ts';

export const PROJECTS = /* GraphQL */ `
  query BoardProjects @live(patches: true) {
    projects(first: 12) { totalCount nodes { uuid name orchestrationProjectId customer { name } } }
  }`;

export const PROJECT_RESOURCES = /* GraphQL */ `
  query BoardProject($uuid: String!) @live(patches: true) {
    project(uuid: $uuid) {
      resources(first: 25) {
        totalCount
        nodes {
          uuid name state offering { name }
          allocation {
            allocationId name status
            payloads { payloadId state address ports { name port } labels { key value } }
          }
        }
      }
    }
  }`;

export interface ProjectRow { uuid: string; name: string; orchestrationProjectId: string | null; customer: { name: string } | null }

/** One card per project: a disclosure whose open state holds that project's live query (closed, nothing is watched). */
export function projectCard(client: Client, project: ProjectRow, open: boolean): HTMLElement {
  const body = el('div', { class: 'project-body' }, 'Loading resources…');
  const summary = el('summary', {}, el('h3', { style: 'display:inline' }, project.name), ` — ${project.customer?.name ?? ''}`);
  const card = el('details', { class: 'project', 'data-project': project.uuid }, summary, body);
  let release: (() => void) | undefined;
  const toggle = () => {
    if (card.open && !release) release = holdLive<any>(client, PROJECT_RESOURCES, { uuid: project.uuid }, (data, errors) => renderResources(body, data, errors));
    if (!card.open && release) {
      release();
      release = undefined;
    }
  };
  card.addEventListener('toggle', toggle);
  card.open = open;
  (card as HTMLElement & { release?: () => void }).release = () => release?.();
  return card;
}

function renderResources(body: HTMLElement, data: any, errors?: Array<{ message: string }>) {
  const resources = data?.project?.resources;
  const children: Node[] = [];
  if (errors?.length) children.push(el('p', { class: 'error', role: 'alert' }, errors.map((e) => e.message).join('; ')));
  if (!resources) return body.replaceChildren(...children);
  if (resources.nodes.length === 0) children.push(el('p', {}, 'No resources.'));
  const list = el('ul', { class: 'resources' });
  for (const resource of resources.nodes) list.append(resourceRow(resource));
  children.push(list);
  body.replaceChildren(...children);
}

function resourceRow(resource: any): HTMLElement {
  const row = el('li', { class: 'resource', 'data-resource': resource.uuid },
    el('strong', {}, resource.name ?? resource.uuid), ' ', badge(resource.state), ` ${resource.offering?.name ?? ''}`);
  const allocation = resource.allocation;
  if (allocation) {
    const table = el('table', { class: 'payloads' },
      el('caption', { class: 'help' }, `Payloads of allocation ${allocation.name ?? allocation.allocationId}`),
      el('thead', {}, el('tr', {}, ...['Payload', 'State', 'Address', 'Ports', 'Labels'].map((h) => el('th', { scope: 'col' }, h)))));
    const rows = el('tbody');
    for (const payload of allocation.payloads) {
      rows.append(el('tr', { 'data-payload': payload.payloadId },
        el('td', {}, payload.payloadId), el('td', {}, badge(payload.state)), el('td', {}, payload.address ?? '—'),
        el('td', {}, payload.ports.map((p: any) => `${p.name ?? ''}:${p.port ?? ''}`).join(', ') || '—'),
        el('td', {}, payload.labels.map((l: any) => `${l.key}=${l.value}`).join(', ') || '—')));
    }
    table.append(rows);
    row.append(el('div', { class: 'allocation', 'data-allocation': allocation.allocationId }, 'Allocation ', badge(allocation.status), ` ${allocation.name ?? ''}`, table));
  }
  return row;
}
