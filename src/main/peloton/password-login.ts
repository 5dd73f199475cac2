import { UserError } from '../errors';
import { authorizeUrl, codeFromCallback } from './authorize-url';
import { createCookieJar } from './cookie-jar';
import { AUTH0_CLIENT, BROWSER_HEADERS, type PelotonEndpoints } from './endpoints';
import { parseHiddenForm } from './hidden-form';
import { exchangeCode, type TokenSet } from './oauth-tokens';
import { createPkce } from './pkce';

const MAX_REDIRECTS = 10;

/**
 * Signs in the way Peloton's members site does (Auth0 authorization code with
 * PKCE), scripted: authorize → hosted login (state rewritten, _csrf cookie) →
 * credentials → self-posting form → callback redirect with the code → tokens.
 * The password is used for one request and never kept.
 */
export async function passwordLogin(
  endpoints: PelotonEndpoints,
  email: string,
  password: string,
): Promise<TokenSet> {
  const pkce = createPkce();
  const jar = createCookieJar();
  const request = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(BROWSER_HEADERS)) headers.set(k, v);
    const cookie = jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      throw new UserError('Cannot reach Peloton to sign in. Check your internet connection and try again.');
    }
    jar.store(url, response);
    return response;
  };

  // Follow the authorize redirects; Auth0 rewrites `state` on the hop to its login page.
  let url = authorizeUrl(endpoints, pkce);
  let loginState: string | null = null;
  for (let i = 0; i < MAX_REDIRECTS; i++) {
    const res = await request(url);
    await res.body?.cancel();
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) break;
    url = new URL(location, url).toString();
    loginState = new URL(url).searchParams.get('state') ?? loginState;
  }
  const csrf = jar.get('_csrf');
  if (!loginState || !csrf) {
    throw new UserError(
      "Peloton's sign-in page did not answer as expected (missing CSRF token); try again in a minute.",
    );
  }

  const credentials = await request(`${endpoints.authUrl}${endpoints.loginPath}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: '*/*',
      origin: endpoints.authUrl,
      referer: url,
      'auth0-client': AUTH0_CLIENT,
    },
    body: JSON.stringify({
      client_id: endpoints.clientId,
      redirect_uri: endpoints.redirectUri,
      tenant: endpoints.tenant,
      response_type: 'code',
      scope: endpoints.scope,
      audience: endpoints.audience,
      _csrf: csrf,
      state: loginState,
      _intstate: 'deprecated',
      nonce: pkce.nonce,
      username: email,
      password,
      connection: endpoints.connection,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    }),
  });
  if (credentials.status === 401 || credentials.status === 403 || credentials.status === 400) {
    throw new UserError(await loginFailure(credentials), 'unauthorized');
  }

  // Either a redirect, or a hidden self-posting form to Auth0's /login/callback.
  let next: Response = credentials;
  if (credentials.status === 200) {
    const form = parseHiddenForm(await credentials.text());
    if (!form) throw new UserError('Peloton answered the sign-in with an unexpected page; try again later.');
    next = await request(new URL(form.action, endpoints.authUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form.fields).toString(),
    });
  }

  // Follow GET redirects until the callback URL carries the code; never load that page.
  const callback = new URL(endpoints.redirectUri);
  for (let i = 0; i < MAX_REDIRECTS; i++) {
    await next.body?.cancel();
    const location = next.headers.get('location');
    if (next.status < 300 || next.status >= 400 || !location) break;
    const target = new URL(location, next.url || endpoints.authUrl);
    if (target.origin === callback.origin && target.pathname === callback.pathname) {
      const code = codeFromCallback(target.toString(), endpoints.redirectUri, pkce.state);
      if (!code) break;
      return exchangeCode(endpoints, code, pkce.verifier);
    }
    next = await request(target.toString());
  }
  throw new UserError('Peloton did not complete the sign-in (no authorization code came back); try again.');
}

async function loginFailure(response: Response): Promise<string> {
  let body: { code?: string; error?: string; description?: string; error_description?: string } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // A non-JSON refusal: fall through to the generic message.
  }
  const code = body.code ?? body.error ?? '';
  if (code === 'too_many_attempts' || code === 'blocked_user') {
    return 'Peloton has blocked sign-in for this account after too many attempts. Wait, or reset the password on onepeloton.com.';
  }
  if (/csrf|state/i.test(`${code} ${body.description ?? ''}`)) {
    return "Peloton's sign-in session expired (CSRF check failed); try again.";
  }
  return 'Wrong email or password for Peloton. Check them and try again.';
}
