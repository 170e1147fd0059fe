import type { Client } from 'graphql-ws';
import { connect, post } from './api.ts';
import { holdLive } from './live.ts';
import { setUpOrderForm } from './order-form.ts';
import { PROJECTS, projectCard, type ProjectRow } from './projects.ts';
import { el } from './tones.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const TOKEN_KEY = 'junction-board-token';

/** Checks the token with one cheap query, so a wrong token gets a clear message instead of an empty board. */
async function signIn(token: string): Promise<void> {
  const error = $<HTMLParagraphElement>('sign-in-error');
  error.textContent = '';
  const answer = await post(token, '{ viewer { username fullName isStaff } }').catch(() => undefined);
  const problem = answer?.errors?.[0];
  if (!answer || problem || !answer.data?.viewer) {
    error.textContent = problem?.extensions?.code === 'UNAUTHENTICATED'
      ? 'Waldur did not accept this token. Check that you copied the whole token from your Waldur profile, and try again.'
      : `Could not sign in: ${problem?.message ?? 'Junction is not reachable'}`;
    $<HTMLInputElement>('token').focus();
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  const viewer = answer.data.viewer;
  $<HTMLSpanElement>('viewer').textContent = `as ${viewer.fullName || viewer.username}${viewer.isStaff ? ' (staff)' : ''}`;
  $('sign-in').hidden = true;
  $('board').hidden = false;
  $('sign-out').hidden = false;
  const client = connect(token, (state) => {
    const badge = $<HTMLParagraphElement>('connection');
    badge.dataset.state = state;
    badge.textContent = state === 'live' ? 'Live' : state === 'connecting' ? 'Connecting…' : 'Offline — reconnecting';
  });
  showProjects(client);
  await setUpOrderForm(token, client, (projectUuid) => {
    const card = document.querySelector<HTMLDetailsElement>(`details[data-project="${projectUuid}"]`);
    if (card) card.open = true;
  });
}

function showProjects(client: Client): void {
  const container = $<HTMLDivElement>('projects');
  const cards = new Map<string, HTMLElement>();
  holdLive<{ projects: { nodes: ProjectRow[] } }>(client, PROJECTS, {}, (data, errors) => {
    container.setAttribute('aria-busy', 'false');
    $<HTMLParagraphElement>('board-error').textContent = errors?.map((e) => e.message).join('; ') ?? '';
    const projects = data?.projects.nodes ?? [];
    const ordered = projects.map((project, index) => {
      let card = cards.get(project.uuid);
      if (!card) cards.set(project.uuid, (card = projectCard(client, project, index < 2)));
      return card;
    });
    container.replaceChildren(...(ordered.length ? ordered : [el('p', {}, 'You see no projects.')]));
    const select = $<HTMLSelectElement>('order-project');
    const chosen = select.value;
    select.replaceChildren(...projects.map((p) => el('option', { value: p.uuid }, p.name)));
    if (chosen) select.value = chosen;
  });
}

async function showDemoTokens(): Promise<void> {
  const response = await fetch('/board/demo.json').catch(() => undefined);
  if (!response?.ok) return;
  const { principals } = (await response.json()) as { principals: Array<{ name: string; role: string; token: string }> };
  if (!principals.length) return;
  $('demo').hidden = false;
  $('demo-list').replaceChildren(...principals.map((p) => {
    const button = el('button', { type: 'button', class: 'secondary' }, `Sign in as ${p.name} (${p.role})`);
    button.addEventListener('click', () => void signIn(p.token));
    return el('li', {}, button);
  }));
}

$<HTMLFormElement>('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn($<HTMLInputElement>('token').value.trim().replace(/^Token\s+/i, ''));
});
$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  location.reload();
});
void showDemoTokens();
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) void signIn(saved);
