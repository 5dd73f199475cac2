import { randomBytes } from 'node:crypto';
import { errorPage, loginPage, selfPostingForm } from './auth-pages';
import type { AuthState } from './auth-state';
import { AUDIENCE, CONNECTION, MOBILE_CLIENT_ID, TENANT, WEB_CLIENT_ID } from './constants';
import { type FakeRequest, type FakeResponse, html, json, type Route, redirect, str } from './http';
import type { Store } from './store';

const random = (bytes = 24) => randomBytes(bytes).toString('base64url');

/** Sign-in knobs the admin turns: blocked accounts, failed-attempt counts, dropped csrf cookies. */
export type LoginGuard = {
  blocked: Set<string>;
  failures: Map<string, number>;
  maxFailed: number;
  dropCsrf: number;
};

export type AuthRoutesDeps = {
  store: Store;
  auth: AuthState;
  authUrl: () => string;
  redirectUris: ReadonlySet<string>;
  guard: LoginGuard;
};

const isForm = (req: FakeRequest) =>
  (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');

/** Auth0's error body of /usernamepassword/login. */
const auth0Error = (status: number, name: string, code: string, description: string, statusCode = status) =>
  json(status, { name, code, description, statusCode });

function authorize(d: AuthRoutesDeps, req: FakeRequest): FakeResponse {
  const q = req.url.searchParams;
  const clientId = q.get('client_id') ?? '';
  if (clientId !== WEB_CLIENT_ID && clientId !== MOBILE_CLIENT_ID)
    return html(400, errorPage(`Unknown client: ${clientId}`));
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!d.redirectUris.has(redirectUri)) return html(400, errorPage('Callback URL mismatch.'));
  if (q.get('response_type') !== 'code') return html(400, errorPage('Unsupported response type.'));
  const challenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return html(400, errorPage('code_challenge with code_challenge_method=S256 is required.'));
  }
  const audience = q.get('audience') ?? AUDIENCE;
  if (audience !== AUDIENCE) return html(400, errorPage(`Service not found: ${audience}`));
  // Auth0 rewrites `state` on the hop to its login page; the original comes back only on the final redirect.
  const tx = {
    state: random(24),
    originalState: q.get('state') ?? '',
    clientId,
    redirectUri,
    codeChallenge: challenge,
    nonce: q.get('nonce') ?? '',
    scope: q.get('scope') ?? 'openid',
    audience,
    csrf: random(18),
    userId: null,
  };
  d.auth.transactions.set(tx.state, tx);
  const headers: Record<string, string> = {};
  if (d.guard.dropCsrf > 0) d.guard.dropCsrf--;
  else headers['set-cookie'] = `_csrf=${tx.csrf}; Path=/usernamepassword/login; HttpOnly; SameSite=Lax`;
  const login = new URLSearchParams({
    state: tx.state,
    client: clientId,
    protocol: 'oauth2',
    redirect_uri: redirectUri,
  });
  return redirect(`/login?${login}`, headers);
}

function credentialLogin(d: AuthRoutesDeps, req: FakeRequest): FakeResponse {
  const b = req.body;
  const form = isForm(req);
  const tx = d.auth.transactions.get(str(b.state));
  const cookie = req.cookies._csrf;
  const fail = (status: number, name: string, code: string, description: string, statusCode?: number) =>
    form && tx && status !== 403
      ? html(status, loginPage(tx, description))
      : auth0Error(status, name, code, description, statusCode);
  if (!cookie || !str(b._csrf)) return fail(403, 'ForbiddenError', 'invalid_csrf', 'Missing CSRF token');
  if (!tx) return fail(403, 'ForbiddenError', 'invalid_state', 'Invalid state');
  if (cookie !== str(b._csrf) || cookie !== tx.csrf)
    return fail(403, 'ForbiddenError', 'invalid_csrf', 'Invalid CSRF token');
  if (str(b.client_id) !== tx.clientId)
    return fail(400, 'BadRequestError', 'invalid_request', 'Client mismatch');
  if (str(b.connection) !== CONNECTION)
    return fail(400, 'BadRequestError', 'invalid_connection', 'Unknown connection');
  if (str(b.tenant) !== TENANT) return fail(400, 'BadRequestError', 'invalid_request', 'Unknown tenant');
  if (b.redirect_uri !== undefined && str(b.redirect_uri) !== tx.redirectUri) {
    return fail(400, 'BadRequestError', 'invalid_request', 'Callback URL mismatch.');
  }
  const who = str(b.username).toLowerCase();
  const rider = d.store.riderByEmail(who) ?? d.store.riders.find((r) => r.username.toLowerCase() === who);
  const key = rider?.email.toLowerCase() ?? who;
  if (d.guard.blocked.has(key) || (d.guard.failures.get(key) ?? 0) >= d.guard.maxFailed) {
    return fail(
      429,
      'AnomalyDetected',
      'too_many_attempts',
      "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.",
    );
  }
  if (!rider || rider.password !== str(b.password)) {
    d.guard.failures.set(key, (d.guard.failures.get(key) ?? 0) + 1);
    return fail(401, 'ValidationError', 'invalid_user_password', 'Wrong email or password.', 400);
  }
  d.guard.failures.delete(key);
  tx.userId = rider.userId;
  const ticket = random(32);
  d.auth.tickets.set(ticket, tx.state);
  const wctx = {
    strategy: 'auth0',
    auth0Client: '',
    tenant: TENANT,
    connection: CONNECTION,
    client_id: tx.clientId,
    response_type: 'code',
    response_mode: 'query',
    scope: tx.scope,
    protocol: 'oauth2',
    redirect_uri: tx.redirectUri,
    state: tx.state,
    nonce: tx.nonce,
    sid: random(12),
    audience: tx.audience,
    realm: CONNECTION,
  };
  return html(
    200,
    selfPostingForm(`${d.authUrl()}/login/callback`, {
      wa: 'wsignin1.0',
      wresult: ticket,
      wctx: JSON.stringify(wctx),
    }),
  );
}

function loginCallback(d: AuthRoutesDeps, req: FakeRequest): FakeResponse {
  const ticket = str(req.body.wresult);
  const state = d.auth.tickets.get(ticket);
  let ctxState = '';
  try {
    ctxState = str((JSON.parse(str(req.body.wctx)) as Record<string, unknown>).state);
  } catch {
    // fall through: an unreadable wctx is a bad request below
  }
  if (str(req.body.wa) !== 'wsignin1.0' || !state || ctxState !== state) {
    return html(400, errorPage('Invalid login callback (wresult/wctx).'));
  }
  d.auth.tickets.delete(ticket);
  return redirect(`/authorize/resume?state=${encodeURIComponent(state)}`);
}

function resume(d: AuthRoutesDeps, req: FakeRequest): FakeResponse {
  const state = req.url.searchParams.get('state') ?? '';
  const tx = d.auth.transactions.get(state);
  if (!tx?.userId) return html(400, errorPage('Invalid state.'));
  d.auth.transactions.delete(state);
  const target = new URL(tx.redirectUri);
  target.searchParams.set('code', d.auth.newCode(tx, tx.userId));
  target.searchParams.set('state', tx.originalState);
  return redirect(target.toString());
}

export function authRoutes(d: AuthRoutesDeps): Route[] {
  return [
    { method: 'GET', pattern: '/authorize', handler: (req) => authorize(d, req) },
    {
      method: 'GET',
      pattern: '/login',
      handler: (req) => {
        const tx = d.auth.transactions.get(req.url.searchParams.get('state') ?? '');
        return tx ? html(200, loginPage(tx)) : html(400, errorPage('Invalid state.'));
      },
    },
    { method: 'POST', pattern: '/usernamepassword/login', handler: (req) => credentialLogin(d, req) },
    { method: 'POST', pattern: '/login/callback', handler: (req) => loginCallback(d, req) },
    { method: 'GET', pattern: '/authorize/resume', handler: (req) => resume(d, req) },
  ];
}
