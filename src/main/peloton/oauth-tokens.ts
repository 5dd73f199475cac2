import { z } from 'zod';
import { UserError } from '../errors';
import type { PelotonEndpoints } from './endpoints';

/** What Spoke keeps of a sign-in, encrypted: never the password. */
export type TokenSet = {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Epoch milliseconds Peloton issued it (absent in sets stored by older versions). */
  obtainedAt?: number;
};

const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive().optional(),
  token_type: z.string().optional(),
});

const oauthError = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/** The token endpoint refused the refresh token: the rider must sign in again. */
export class SignInRequired extends UserError {
  constructor(message = 'Peloton ended this sign-in. Sign in again from Settings (or `spoke rider add`).') {
    super(message, 'unauthorized');
  }
}

async function postToken(endpoints: PelotonEndpoints, body: Record<string, string>): Promise<TokenSet> {
  let response: Response;
  try {
    response = await fetch(`${endpoints.authUrl}${endpoints.tokenPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new UserError(
      'Cannot reach Peloton to sign in. Check your internet connection and try again.',
      'failed',
    );
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (!response.ok) {
    const err = oauthError.safeParse(json);
    if (err.success && err.data.error === 'invalid_grant') throw new SignInRequired();
    const why = err.success ? (err.data.error_description ?? err.data.error) : `HTTP ${response.status}`;
    throw new UserError(`Peloton refused the sign-in (${why}).`, 'unauthorized');
  }
  const parsed = tokenResponse.safeParse(json);
  if (!parsed.success)
    throw new UserError('Peloton answered the sign-in with something unexpected; try again later.');
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token ?? null,
    expiresAt: Date.now() + (parsed.data.expires_in ?? 172_800) * 1000,
    obtainedAt: Date.now(),
  };
}

export function exchangeCode(endpoints: PelotonEndpoints, code: string, verifier: string): Promise<TokenSet> {
  return postToken(endpoints, {
    grant_type: 'authorization_code',
    client_id: endpoints.clientId,
    code_verifier: verifier,
    code,
    redirect_uri: endpoints.redirectUri,
  });
}

/** Spends a refresh token; the answer may carry a rotated one, which must replace it. */
export async function refreshTokens(endpoints: PelotonEndpoints, refreshToken: string): Promise<TokenSet> {
  const next = await postToken(endpoints, {
    grant_type: 'refresh_token',
    client_id: endpoints.clientId,
    refresh_token: refreshToken,
  });
  return { ...next, refreshToken: next.refreshToken ?? refreshToken };
}
