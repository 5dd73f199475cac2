import type { SecretStore } from '../secrets/secret-store';
import type { TokenSource } from './api-client';
import type { PelotonEndpoints } from './endpoints';
import { refreshTokens, SignInRequired, type TokenSet } from './oauth-tokens';

/** Refresh when less than this is left, so a long sync never starts with a dying token. */
const REFRESH_AHEAD_MS = 60 * 60 * 1000;

const key = (riderId: string) => `peloton:${riderId}`;

/** Due for a refresh: less than an hour left, or, for tokens that live less than two hours, half their life. */
function dueForRefresh(tokens: TokenSet, now = Date.now()): boolean {
  const life =
    tokens.obtainedAt === undefined ? Number.POSITIVE_INFINITY : tokens.expiresAt - tokens.obtainedAt;
  return tokens.expiresAt - now <= Math.min(REFRESH_AHEAD_MS, life / 2);
}

export type TokenManager = {
  save(riderId: string, tokens: TokenSet): void;
  remove(riderId: string): void;
  has(riderId: string): boolean;
  /** A token source for one rider's API calls. */
  source(riderId: string): TokenSource;
};

/**
 * Each rider's tokens, encrypted in the secret store. Refreshes are single-flight
 * per rider (a refresh token spent twice can make Auth0 revoke the whole family),
 * and the newest refresh token always replaces the old one before it is used again.
 */
export function createTokenManager(secrets: SecretStore, endpoints: () => PelotonEndpoints): TokenManager {
  const inFlight = new Map<string, Promise<TokenSet>>();
  const load = (riderId: string): TokenSet => {
    const raw = secrets.get(key(riderId));
    if (!raw)
      throw new SignInRequired(
        'This rider is not signed in to Peloton. Sign in from Settings (or `spoke rider add`).',
      );
    return JSON.parse(raw) as TokenSet;
  };
  const save = (riderId: string, tokens: TokenSet) => secrets.set(key(riderId), JSON.stringify(tokens));

  const refresh = (riderId: string): Promise<TokenSet> => {
    const running = inFlight.get(riderId);
    if (running) return running;
    const task = (async () => {
      const current = load(riderId);
      if (!current.refreshToken) throw new SignInRequired();
      const next = await refreshTokens(endpoints(), current.refreshToken);
      save(riderId, next);
      return next;
    })().finally(() => inFlight.delete(riderId));
    inFlight.set(riderId, task);
    return task;
  };

  return {
    save,
    remove: (riderId) => secrets.delete(key(riderId)),
    has: (riderId) => secrets.has(key(riderId)),
    source(riderId) {
      return {
        async current() {
          const running = inFlight.get(riderId);
          if (running) return (await running).accessToken;
          const tokens = load(riderId);
          if (!dueForRefresh(tokens) || !tokens.refreshToken) return tokens.accessToken;
          return (await refresh(riderId)).accessToken;
        },
        async renew(stale) {
          const running = inFlight.get(riderId);
          if (running) return (await running).accessToken;
          // Another call may already have refreshed past this token.
          const tokens = load(riderId);
          if (tokens.accessToken !== stale) return tokens.accessToken;
          return (await refresh(riderId)).accessToken;
        },
      };
    },
  };
}

/** A token source for a sign-in not yet stored under a rider (e.g. reading /api/me first). */
export function fixedTokenSource(tokens: TokenSet): TokenSource {
  return {
    current: async () => tokens.accessToken,
    renew: async () => {
      throw new SignInRequired('Peloton refused the new sign-in; try signing in again.');
    },
  };
}
