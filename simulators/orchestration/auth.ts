import type { SimClock } from './clock.ts';
import type { Rng } from './random.ts';

export interface ServiceAccount { clientId: string; clientSecret: string; refreshToken: string; accessTokenTtlSeconds: number }
export interface UserToken { token: string; name: string; projects: string[] | '*' }

export type Principal = { kind: 'service-account' } | { kind: 'user'; name: string; projects: string[] | '*' };
export type Verdict = { ok: true; principal: Principal } | { ok: false; message: string };

/** Bearer tokens: access tokens minted for the service account (all projects) and static user tokens. */
export class TokenStore {
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly clock: SimClock,
    private readonly rng: Rng,
    readonly serviceAccount: ServiceAccount,
    readonly userTokens: UserToken[],
  ) {}

  issue(): { accessToken: string; expiresIn: number } {
    const accessToken = `sim-at-${this.rng.hex(32)}`;
    const expiresIn = this.serviceAccount.accessTokenTtlSeconds;
    this.issued.set(accessToken, this.clock.now() + expiresIn * 1000);
    return { accessToken, expiresIn };
  }

  expireAll(): number {
    const now = this.clock.now();
    for (const token of this.issued.keys()) this.issued.set(token, now);
    return this.issued.size;
  }

  verify(authorization: string | undefined): Verdict {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return { ok: false, message: authorization ? 'authorization header must be "Bearer <token>"' : 'missing bearer token' };
    const token = match[1];
    const user = this.userTokens.find((u) => u.token === token);
    if (user) return { ok: true, principal: { kind: 'user', name: user.name, projects: user.projects } };
    const expiresAt = this.issued.get(token);
    if (expiresAt === undefined) return { ok: false, message: 'invalid access token' };
    if (this.clock.now() >= expiresAt) return { ok: false, message: 'access token expired' };
    return { ok: true, principal: { kind: 'service-account' } };
  }
}

export function canAccess(principal: Principal, projectId: string): boolean {
  if (principal.kind === 'service-account' || principal.projects === '*') return true;
  return principal.projects.includes(projectId);
}
