import { createHash, randomBytes } from 'node:crypto';
import { USER_ID_CLAIM } from './constants';
import { signJwt, verifyJwt } from './jwt';
import type { StatsRecorder } from './stats';
import type { TokenResponse } from './types';

const random = (bytes = 24) => randomBytes(bytes).toString('base64url');

/** One trip through /authorize → login → callback, keyed by the state Auth0 rewrote. */
export type Transaction = {
  state: string;
  originalState: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string;
  scope: string;
  audience: string;
  csrf: string;
  userId: string | null;
};

type AuthCode = {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  userId: string;
  scope: string;
  audience: string;
  nonce: string;
  expiresAt: number;
};
type RefreshRecord = {
  userId: string;
  clientId: string;
  scope: string;
  audience: string;
  family: string;
  used: boolean;
};

export type AccessCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' };
export type Grant = { ok: true; tokens: TokenResponse } | { ok: false; error: string; description: string };

export type AuthState = {
  transactions: Map<string, Transaction>;
  /** `wresult` tickets of the self-posting form, single use. */
  tickets: Map<string, string>;
  newCode(tx: Transaction, userId: string): string;
  redeemCode(code: string, clientId: string, verifier: string, redirectUri: string): Grant;
  issue(userId: string, clientId: string, scope: string, audience: string, nonce?: string): TokenResponse;
  refresh(refreshToken: string, clientId: string): Grant;
  checkAccess(token: string): AccessCheck;
  expireAll(): void;
  revokeRefresh(): void;
};

export type AuthStateOptions = {
  issuer: string;
  ttlSec: number;
  rotate: boolean;
  now: () => number;
  stats: StatsRecorder;
};

export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export function createAuthState(o: AuthStateOptions): AuthState {
  const secret = random(32);
  const codes = new Map<string, AuthCode>();
  const refreshTokens = new Map<string, RefreshRecord>();
  const revokedFamilies = new Set<string>();
  let serial = 0;
  let expiredUpTo = 0;
  const nowSec = () => Math.floor(o.now() / 1000);

  function issue(
    userId: string,
    clientId: string,
    scope: string,
    audience: string,
    nonce?: string,
    family?: string,
  ): TokenResponse {
    const iat = nowSec();
    serial++;
    const access = signJwt(
      {
        iss: o.issuer,
        sub: `auth0|${userId}`,
        aud: [audience, `${o.issuer}userinfo`],
        iat,
        exp: iat + o.ttlSec,
        scope,
        azp: clientId,
        jti: `${serial}.${random(6)}`,
        [USER_ID_CLAIM]: userId,
      },
      secret,
    );
    const idToken = signJwt(
      {
        iss: o.issuer,
        sub: `auth0|${userId}`,
        aud: clientId,
        iat,
        exp: iat + 36_000,
        nonce,
        [USER_ID_CLAIM]: userId,
      },
      secret,
    );
    const out: TokenResponse = {
      access_token: access,
      id_token: idToken,
      scope,
      expires_in: o.ttlSec,
      token_type: 'Bearer',
    };
    if (scope.split(' ').includes('offline_access') && (family === undefined || o.rotate)) {
      const token = `v1.${random(40)}`;
      refreshTokens.set(token, {
        userId,
        clientId,
        scope,
        audience,
        family: family ?? random(8),
        used: false,
      });
      out.refresh_token = token;
    }
    o.stats.tokenIssued(family !== undefined);
    return out;
  }

  return {
    transactions: new Map(),
    tickets: new Map(),
    newCode(tx, userId) {
      const code = random(24);
      codes.set(code, { ...tx, userId, expiresAt: nowSec() + 600 });
      return code;
    },
    redeemCode(code, clientId, verifier, redirectUri) {
      const c = codes.get(code);
      // Single use: spent by the first attempt, right or wrong.
      codes.delete(code);
      if (!c || c.expiresAt < nowSec())
        return { ok: false, error: 'invalid_grant', description: 'Invalid authorization code' };
      if (c.clientId !== clientId)
        return { ok: false, error: 'invalid_grant', description: 'Invalid authorization code' };
      if (c.redirectUri !== redirectUri)
        return { ok: false, error: 'invalid_grant', description: 'Redirect URI mismatch' };
      if (!verifier || s256(verifier) !== c.codeChallenge) {
        return { ok: false, error: 'invalid_grant', description: 'Failed to verify code verifier' };
      }
      return { ok: true, tokens: issue(c.userId, clientId, c.scope, c.audience, c.nonce) };
    },
    issue: (userId, clientId, scope, audience, nonce) => issue(userId, clientId, scope, audience, nonce),
    refresh(refreshToken, clientId) {
      const r = refreshTokens.get(refreshToken);
      const bad = {
        ok: false as const,
        error: 'invalid_grant',
        description: 'Unknown or invalid refresh token.',
      };
      if (!r || r.clientId !== clientId || revokedFamilies.has(r.family)) return bad;
      if (r.used) {
        // Reuse of a rotated token: Auth0 revokes the whole family (a stolen copy is as dead as the original).
        revokedFamilies.add(r.family);
        return bad;
      }
      if (o.rotate) r.used = true;
      return { ok: true, tokens: issue(r.userId, clientId, r.scope, r.audience, undefined, r.family) };
    },
    checkAccess(token) {
      const payload = verifyJwt(token, secret);
      const userId = payload?.[USER_ID_CLAIM];
      if (!payload || typeof userId !== 'string') return { ok: false, reason: 'invalid' };
      const n = Number.parseInt(String(payload.jti ?? '0'), 10);
      if (typeof payload.exp !== 'number' || payload.exp <= nowSec() || n <= expiredUpTo)
        return { ok: false, reason: 'expired' };
      return { ok: true, userId };
    },
    expireAll() {
      expiredUpTo = serial;
    },
    revokeRefresh() {
      for (const r of refreshTokens.values()) revokedFamilies.add(r.family);
    },
  };
}
