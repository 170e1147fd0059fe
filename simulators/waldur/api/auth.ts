import type { IncomingHttpHeaders } from 'node:http';
import { authenticationFailed, permissionDenied } from '../http/errors.ts';
import { normalizeUuid } from '../http/ids.ts';
import type { User } from '../model.ts';
import type { Store } from '../store.ts';

export interface Identity {
  /** null: anonymous (no Authorization header, or a scheme Waldur does not handle). */
  user: User | null;
  /** Set when a staff token impersonates another user. */
  impersonator: User | null;
}

/**
 * `Authorization: Token <key>` (keyword case-insensitive), or `Bearer <key>` standing in for Waldur's
 * newer bearer schemes. `X-Impersonated-User-Uuid` is honoured for staff tokens only.
 */
export function authenticate(headers: IncomingHttpHeaders, store: Store): Identity {
  const header = headers.authorization;
  if (!header) return { user: null, impersonator: null };
  const parts = header.trim().split(/\s+/);
  const keyword = parts[0].toLowerCase();
  if (keyword !== 'token' && keyword !== 'bearer') return { user: null, impersonator: null };
  if (parts.length === 1) throw authenticationFailed('Invalid token. No credentials provided.');
  if (parts.length > 2) throw authenticationFailed('Invalid token. Token string should not contain spaces.');
  const user = store.userByToken(parts[1]);
  if (!user) throw authenticationFailed('Invalid token.');

  const wanted = headers['x-impersonated-user-uuid'];
  if (!user.isStaff || typeof wanted !== 'string') return { user, impersonator: null };
  const target = store.users.get(normalizeUuid(wanted) ?? '');
  if (!target) return { user, impersonator: null };
  if (!target.token) throw permissionDenied('Unable to impersonate user which does not have an active session.');
  return { user: target, impersonator: user };
}
