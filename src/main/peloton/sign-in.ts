import type { Cache } from '../cache/open-cache';
import { savePelotonRider } from '../cache/riders-repo';
import { createApiClient } from './api-client';
import type { PelotonEndpoints } from './endpoints';
import { refreshTokens, type TokenSet } from './oauth-tokens';
import { passwordLogin } from './password-login';
import { pelotonApi } from './peloton-api';
import { fixedTokenSource, type TokenManager } from './token-manager';

export type SignedInRider = { id: string; name: string; username: string | null };

type Deps = { cache: Cache; endpoints: PelotonEndpoints; tokens: TokenManager };

/** Reads who the tokens belong to (/api/me), then stores the rider and, encrypted, the tokens. */
async function adopt({ cache, endpoints, tokens }: Deps, set: TokenSet): Promise<SignedInRider> {
  const api = pelotonApi(
    createApiClient({ apiUrl: endpoints.apiUrl, tokens: fixedTokenSource(set), retries: 2 }),
  );
  const me = await api.me();
  const name =
    me.name?.trim() || [me.first_name, me.last_name].filter(Boolean).join(' ') || me.username || me.id;
  const rider = { id: me.id, name, username: me.username ?? null };
  savePelotonRider(cache, rider);
  tokens.save(rider.id, set);
  return rider;
}

/** `spoke rider add --email E --password-stdin` and Settings in `spoke serve`: the password is used once. */
export async function signInWithPassword(
  deps: Deps,
  email: string,
  password: string,
): Promise<SignedInRider> {
  return adopt(deps, await passwordLogin(deps.endpoints, email, password));
}

/** The paste-a-token fallback: a refresh token copied from the browser. */
export async function signInWithRefreshToken(deps: Deps, refreshToken: string): Promise<SignedInRider> {
  return adopt(deps, await refreshTokens(deps.endpoints, refreshToken));
}

/** The desktop app's embedded sign-in hands over tokens it got from Peloton's own page. */
export function signInWithTokens(deps: Deps, set: TokenSet): Promise<SignedInRider> {
  return adopt(deps, set);
}
