import type { LoginGuard } from './auth-routes';
import type { AuthState } from './auth-state';
import { AUDIENCE, MOBILE_CLIENT_ID, WEB_CLIENT_ID } from './constants';
import { type FakeRequest, type FakeResponse, json, type Route, str } from './http';
import type { Store } from './store';

export type TokenRoutesDeps = { store: Store; auth: AuthState; guard: LoginGuard };

const oauthError = (status: number, error: string, description: string) =>
  json(status, { error, error_description: description }, { 'cache-control': 'no-store' });

const ok = (body: unknown) => json(200, body, { 'cache-control': 'no-store', pragma: 'no-cache' });

function passwordGrant(d: TokenRoutesDeps, b: Record<string, unknown>, clientId: string): FakeResponse {
  // Only the mobile client may: the web client gets the refusal seen in HA sensor #112.
  if (clientId !== MOBILE_CLIENT_ID) {
    return oauthError(403, 'unauthorized_client', "Grant type 'password' not allowed for the client.");
  }
  const who = str(b.username).toLowerCase();
  const rider = d.store.riderByEmail(who) ?? d.store.riders.find((r) => r.username.toLowerCase() === who);
  const key = rider?.email.toLowerCase() ?? who;
  if (d.guard.blocked.has(key) || (d.guard.failures.get(key) ?? 0) >= d.guard.maxFailed) {
    return oauthError(
      429,
      'too_many_attempts',
      'Your account has been blocked after multiple consecutive login attempts.',
    );
  }
  if (!rider || rider.password !== str(b.password)) {
    d.guard.failures.set(key, (d.guard.failures.get(key) ?? 0) + 1);
    return oauthError(403, 'invalid_grant', 'Wrong email or password.');
  }
  d.guard.failures.delete(key);
  const scope = str(b.scope) || 'openid';
  return ok(d.auth.issue(rider.userId, clientId, scope, str(b.audience) || AUDIENCE));
}

/** `POST /oauth/token`: JSON or form bodies; authorization_code (PKCE S256), refresh_token, password. */
function token(d: TokenRoutesDeps, req: FakeRequest): FakeResponse {
  const b = req.body;
  const clientId = str(b.client_id);
  if (clientId !== WEB_CLIENT_ID && clientId !== MOBILE_CLIENT_ID) {
    return oauthError(401, 'access_denied', 'Unauthorized');
  }
  switch (str(b.grant_type)) {
    case 'authorization_code': {
      const r = d.auth.redeemCode(str(b.code), clientId, str(b.code_verifier), str(b.redirect_uri));
      return r.ok ? ok(r.tokens) : oauthError(403, r.error, r.description);
    }
    case 'refresh_token': {
      const r = d.auth.refresh(str(b.refresh_token), clientId);
      return r.ok ? ok(r.tokens) : oauthError(400, r.error, r.description);
    }
    case 'password':
      return passwordGrant(d, b, clientId);
    case '':
      return oauthError(400, 'invalid_request', 'Missing required parameter: grant_type');
    default:
      return oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${str(b.grant_type)}`);
  }
}

export function tokenRoutes(d: TokenRoutesDeps): Route[] {
  return [{ method: 'POST', pattern: '/oauth/token', handler: (req) => token(d, req) }];
}
