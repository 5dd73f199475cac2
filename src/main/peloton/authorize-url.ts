import { AUTH0_CLIENT, type PelotonEndpoints } from './endpoints';
import type { Pkce } from './pkce';

/** The Auth0 authorize URL of Peloton's web client, PKCE S256, answering on the redirect URI with `?code=`. */
export function authorizeUrl(endpoints: PelotonEndpoints, pkce: Pkce): string {
  const url = new URL(`${endpoints.authUrl}${endpoints.authorizePath}`);
  url.search = new URLSearchParams({
    client_id: endpoints.clientId,
    audience: endpoints.audience,
    scope: endpoints.scope,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: endpoints.redirectUri,
    state: pkce.state,
    nonce: pkce.nonce,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    auth0Client: AUTH0_CLIENT,
  }).toString();
  return url.toString();
}

/**
 * The authorization code when `url` is the redirect URI carrying our state; null for
 * any other URL. A wrong state means the answer is not for this sign-in (CSRF): refused.
 */
export function codeFromCallback(url: string, redirectUri: string, state: string): string | null {
  let target: URL;
  let expected: URL;
  try {
    target = new URL(url);
    expected = new URL(redirectUri);
  } catch {
    return null;
  }
  if (target.origin !== expected.origin || target.pathname !== expected.pathname) return null;
  if (target.searchParams.get('state') !== state) return null;
  return target.searchParams.get('code') || null;
}
