/** What every resource mutation shares: its input check and the query that tells the truth after a timeout. */
import { justBefore, literal } from './common.ts';
import { Checks } from './validate.ts';

/** Checks the resource uuid and whatever else `rest` reads, then throws every problem at once. */
export function checkedResourceInput<T>(uuidInput: string, rest: (check: Checks) => T): { uuid: string } & T {
  const check = new Checks();
  const uuid = check.uuid('uuid', uuidInput);
  const values = rest(check);
  check.done();
  return { uuid, ...values };
}

/** The read that shows a resource's state and the orders created from now on. */
export const verifyResourceOrders = (uuid: string) =>
  `resource(uuid: ${literal(uuid)}) { state orders(filter: { createdAfter: ${literal(justBefore())} }) { nodes { uuid type state } } }`;
