import { createHash, randomBytes } from 'node:crypto';

export type Pkce = { verifier: string; challenge: string; state: string; nonce: string };

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

function randomString(length: number): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => URL_SAFE[b % URL_SAFE.length]).join('');
}

/** PKCE (S256) values plus state and nonce for one sign-in. */
export function createPkce(): Pkce {
  const verifier = randomString(64);
  return {
    verifier,
    challenge: createHash('sha256').update(verifier).digest('base64url'),
    state: randomString(32),
    nonce: randomString(32),
  };
}
