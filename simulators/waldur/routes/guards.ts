import type { Call } from '../api/call.ts';
import type { Project } from '../model.ts';

/** `check_customer_blocked_or_archived`: the message, or null when the customer is usable. */
export function customerBlockedOrArchived(call: Call, project: Project): string | null {
  const customer = call.store.customers.get(project.customerUuid);
  if (customer?.blocked) return 'Blocked organization is not available.';
  if (customer?.archived) return 'Archived organization is not available.';
  return null;
}

/** `check_project_end_date`: an expired project cannot get new approvals. */
export function projectExpired(project: Project): string | null {
  const today = new Date().toISOString().slice(0, 10);
  return project.endDate && project.endDate < today ? `Project '${project.name}' is expired.` : null;
}
