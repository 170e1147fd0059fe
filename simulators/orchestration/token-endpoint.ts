import type { TokenStore } from './auth.ts';

/** `POST /auth/v1/token`: the OAuth2 refresh-token grant for the service account (contracts §3). */
export const TOKEN_PATH = '/auth/v1/token';

export interface TokenReply { status: number; body: object; headers?: Record<string, string> }

const oauthError = (status: number, error: string, description: string, headers?: Record<string, string>): TokenReply =>
  ({ status, body: { error, error_description: description }, headers });

function basicCredentials(authorization: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

export function exchangeToken(tokens: TokenStore, form: Record<string, unknown>, authorization: string | undefined): TokenReply {
  const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
  const grantType = field('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
  if (grantType !== 'refresh_token') return oauthError(400, 'unsupported_grant_type', `grant_type "${grantType}" is not supported; use refresh_token`);

  const basic = basicCredentials(authorization);
  const clientId = basic?.id ?? field('client_id');
  const clientSecret = basic?.secret ?? field('client_secret');
  const account = tokens.serviceAccount;
  if (clientId !== account.clientId || clientSecret !== account.clientSecret) {
    return oauthError(401, 'invalid_client', 'client authentication failed', basic ? { 'www-authenticate': 'Basic realm="ims"' } : undefined);
  }
  const refreshToken = field('refresh_token');
  if (!refreshToken) return oauthError(400, 'invalid_request', 'refresh_token is required');
  if (refreshToken !== account.refreshToken) return oauthError(400, 'invalid_grant', 'the refresh token is invalid, expired or revoked');

  const { accessToken, expiresIn } = tokens.issue();
  return {
    status: 200,
    body: { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, refresh_token: account.refreshToken },
    headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
  };
}
