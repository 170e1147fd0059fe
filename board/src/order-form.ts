import type { Client } from 'graphql-ws';
import { post } from './api.ts';
import { badge, el } from './tones.ts';

const OFFERINGS = /* GraphQL */ `{
  offerings(first: 50, filter: { state: [ACTIVE] }) {
    nodes { uuid name type plans { uuid name archived } components { type name billingType minValue maxValue defaultLimit } }
  }
}`;

const CREATE_ORDER = /* GraphQL */ `
  mutation PlaceOrder($input: CreateOrderInput!) {
    createOrder(input: $input) {
      __typename
      ... on CreateOrderSuccess { order { uuid state } resource { uuid name } }
      ... on MutationError { message }
    }
  }`;

const ORDER_UPDATED = /* GraphQL */ `subscription ($uuid: String!) { orderUpdated(uuid: $uuid) { uuid state errorMessage } }`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The "order a resource" form: offering, plan, limits; then the order's states as they come, until a final one. */
export async function setUpOrderForm(token: string, client: Client, onPlaced: (projectUuid: string) => void): Promise<void> {
  const form = $<HTMLFormElement>('order-form');
  const offeringSelect = $<HTMLSelectElement>('order-offering');
  const planSelect = $<HTMLSelectElement>('order-plan');
  const limits = $<HTMLFieldSetElement>('order-limits');
  const error = $<HTMLParagraphElement>('order-error');
  const progress = $<HTMLOListElement>('order-progress');
  const answer = await post(token, OFFERINGS);
  const offerings: any[] = answer.data?.offerings.nodes ?? [];
  if (answer.errors?.length) error.textContent = `Could not list offerings: ${answer.errors[0]!.message}`;
  offeringSelect.replaceChildren(...offerings.map((o) => el('option', { value: o.uuid }, o.name ?? o.uuid)));

  const showOffering = () => {
    const offering = offerings.find((o) => o.uuid === offeringSelect.value);
    planSelect.replaceChildren(...(offering?.plans ?? []).filter((p: any) => !p.archived).map((p: any) => el('option', { value: p.uuid }, p.name ?? p.uuid)));
    const limited = (offering?.components ?? []).filter((c: any) => c.billingType === 'limit');
    limits.replaceChildren(el('legend', {}, 'Limits'), ...(limited.length === 0 ? [el('p', { class: 'help' }, 'This offering has no limit-based components.')] : []));
    for (const component of limited) {
      const id = `limit-${component.type}`;
      limits.append(el('label', { for: id }, `${component.name ?? component.type} (${component.type})`),
        el('input', { id, name: component.type, type: 'number', min: String(component.minValue ?? 0), ...(component.maxValue ? { max: String(component.maxValue) } : {}), value: String(component.defaultLimit ?? component.minValue ?? 1), 'data-limit': component.type }));
    }
  };
  offeringSelect.addEventListener('change', showOffering);
  showOffering();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const projectUuid = $<HTMLSelectElement>('order-project').value;
    const limitValues = Object.fromEntries([...limits.querySelectorAll<HTMLInputElement>('input[data-limit]')].map((i) => [i.dataset.limit!, Number(i.value)]));
    const input = {
      projectUuid, offeringUuid: offeringSelect.value, planUuid: planSelect.value,
      attributes: { name: $<HTMLInputElement>('order-name').value }, ...(Object.keys(limitValues).length ? { limits: limitValues } : {}),
    };
    const placed = await post(token, CREATE_ORDER, { input });
    const result = placed.data?.createOrder;
    if (!result || result.__typename !== 'CreateOrderSuccess') {
      error.textContent = `The order was not placed: ${result?.message ?? placed.errors?.[0]?.message ?? 'unknown error'}`;
      return;
    }
    progress.dataset.order = result.order.uuid;
    progress.replaceChildren(el('li', { 'data-order-state': result.order.state }, `Order for ${result.resource?.name ?? 'a resource'} placed: `, badge(result.order.state)));
    onPlaced(projectUuid);
    let last = result.order.state;
    client.subscribe<any>({ query: ORDER_UPDATED, variables: { uuid: result.order.uuid } }, {
      next: ({ data, errors }) => {
        const state = data?.orderUpdated?.state;
        if (state && state !== last) progress.append(el('li', { 'data-order-state': state }, 'Order is now ', badge(state), data.orderUpdated.errorMessage ? ` — ${data.orderUpdated.errorMessage}` : ''));
        if (state) last = state;
        if (errors?.length) error.textContent = errors[0].message;
      },
      error: () => void (error.textContent = 'Lost the order\'s updates; it goes on upstream.'),
      complete: () => {},
    });
  });
}
