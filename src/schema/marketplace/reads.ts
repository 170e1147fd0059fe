import type { WaldurLink } from '../../resolvers/field-plan.ts';

/** `extensions` of a field that reads these Waldur fields of its parent (the field planner pushes them down). */
export const reads = (...fields: string[]) => ({ waldur: fields });

/** `extensions` of a field linking to another Waldur object: what the parent carries of it (see field-plan.ts). */
export const link = (carry: WaldurLink['carry'], via?: WaldurLink['via']) => ({ waldurLink: { carry, ...(via && { via }) } });

/** Like `link`, for a link every parent has (never null), so its uuid is only read when something needs it. */
export const alwaysLink = (carry: WaldurLink['carry']) => ({ waldurLink: { carry, always: true } });

export const UUID_DESCRIPTION = 'The Waldur UUID (32 lowercase hex digits).';
