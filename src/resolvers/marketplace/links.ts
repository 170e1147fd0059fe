import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '../../loaders/waldur/row.ts';
import { answeredByParent, linkFor, type WaldurLink } from '../field-plan.ts';

const carryEntries = new WeakMap<WaldurLink, Array<[string, string]>>();

/** The linked object built from what the parent carries (`project_uuid` → `uuid`, `project_name` → `name`, …). */
export function carried<T>(parent: object, link: WaldurLink): Row<T> | null {
  const source = parent as Record<string, unknown>;
  const uuid = source[link.carry.uuid];
  // Without its uuid an optional link is absent; an `always` link was simply not asked for its uuid.
  if ((typeof uuid !== 'string' || !uuid) && !link.always) return null;
  let entries = carryEntries.get(link);
  if (!entries) carryEntries.set(link, (entries = Object.entries(link.carry)));
  const row: Record<string, unknown> = {};
  for (const [target, from] of entries) if (source[from] !== undefined) row[target] = source[from];
  return row as Row<T>;
}

/**
 * Resolves a link field (extensions.waldurLink): from the parent when its selection is covered by what the
 * parent carries, else through `load(uuid)` (a request-scoped loader with the operation's field set).
 */
export async function resolveLink<T>(parent: object, info: GraphQLResolveInfo, load: (uuid: string) => Promise<Row<T> | null>): Promise<Row<T> | null> {
  const link = linkFor(info);
  const partial = carried<T>(parent, link);
  if (!partial) return null;
  if (answeredByParent(info)) return partial;
  // An `always` link whose parent lacks the uuid (the document makes every `*_uuid` optional) cannot be fetched.
  return typeof partial.uuid === 'string' && partial.uuid ? load(partial.uuid) : null;
}
