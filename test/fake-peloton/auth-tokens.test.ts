import { afterEach, describe, expect, it } from 'vitest';
import {
  type FakePeloton,
  MOBILE_CLIENT_ID,
  REDIRECT_URI,
  startFakePeloton,
  USER_ID_CLAIM,
  WEB_CLIENT_ID,
} from '../../e2e/fake-peloton/index';
import { api, jwtPayload, postToken, scriptedLogin } from './browser';

const started: FakePeloton[] = [];
async function start(options: Parameters<typeof startFakePeloton>[0] = {}) {
  const fake = await startFakePeloton({ riders: 2, workoutsPerRider: 5, ...options });
  started.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((f) => f.close()));
});

async function codeFor(fake: FakePeloton) {
  const run = await scriptedLogin(fake, fake.accounts[0] as (typeof fake.accounts)[number]);
  return { code: run.code, verifier: run.verifier };
}

const exchange = (fake: FakePeloton, code: string, verifier: string, extra: Record<string, string> = {}) =>
  postToken(fake, {
    grant_type: 'authorization_code',
    client_id: WEB_CLIENT_ID,
    code_verifier: verifier,
    code,
    redirect_uri: REDIRECT_URI,
    ...extra,
  });

describe('fake Peloton token endpoint: authorization_code', () => {
  it('rejects a code_verifier that does not match the S256 challenge', async () => {
    const fake = await start();
    const { code } = await codeFor(fake);
    const res = await exchange(fake, code, 'x'.repeat(64));
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('accepts a code once only, and accepts a form-urlencoded body', async () => {
    const fake = await start();
    const { code, verifier } = await codeFor(fake);
    const body = {
      grant_type: 'authorization_code',
      client_id: WEB_CLIENT_ID,
      code_verifier: verifier,
      code,
      redirect_uri: REDIRECT_URI,
    };
    expect((await postToken(fake, body, true)).status).toBe(200);
    const again = await postToken(fake, body, true);
    expect(again.status).toBe(403);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('requires the redirect_uri of the authorize request', async () => {
    const fake = await start();
    const { code, verifier } = await codeFor(fake);
    const res = await exchange(fake, code, verifier, {
      redirect_uri: 'https://members.onepeloton.com/other',
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('invalid_grant');
  });
});

describe('fake Peloton token endpoint: refresh_token', () => {
  it('rotates the refresh token and answers invalid_grant when an old one is spent again', async () => {
    const fake = await start();
    const { code, verifier } = await codeFor(fake);
    const first = (await exchange(fake, code, verifier)).body;
    const refresh = (token: unknown) =>
      postToken(
        fake,
        { grant_type: 'refresh_token', client_id: WEB_CLIENT_ID, refresh_token: String(token) },
        true,
      );
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).toMatch(/^v1\./);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    const reused = await refresh(first.refresh_token);
    expect(reused).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
    });
    // Reuse revokes the whole family: the newest token is dead too.
    expect((await refresh(second.body.refresh_token)).status).toBe(400);
    expect(fake.admin.stats()).toMatchObject({ tokensIssued: 2, refreshes: 1 });
  });

  it('keeps one refresh token when rotation is off (no refresh_token in the answer)', async () => {
    const fake = await start({ rotateRefreshTokens: false });
    const tokens = fake.admin.issueTokens(fake.accounts[0]?.email ?? '');
    for (let i = 0; i < 2; i++) {
      const res = await postToken(fake, {
        grant_type: 'refresh_token',
        client_id: WEB_CLIENT_ID,
        refresh_token: tokens.refresh_token ?? '',
      });
      expect(res.status).toBe(200);
      expect(res.body.refresh_token).toBeUndefined();
    }
  });

  it('refuses revoked refresh tokens and tokens of another client', async () => {
    const fake = await start();
    const tokens = fake.admin.issueTokens(fake.accounts[0]?.email ?? '');
    const other = await postToken(fake, {
      grant_type: 'refresh_token',
      client_id: MOBILE_CLIENT_ID,
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(other.status).toBe(400);
    fake.admin.revokeRefreshTokens();
    const res = await postToken(fake, {
      grant_type: 'refresh_token',
      client_id: WEB_CLIENT_ID,
      refresh_token: tokens.refresh_token ?? '',
    });
    expect(res.body.error).toBe('invalid_grant');
  });
});

describe('fake Peloton token endpoint: password grant', () => {
  it('works for the mobile client id only', async () => {
    const fake = await start();
    const a = fake.accounts[1] as (typeof fake.accounts)[number];
    const mobile = await postToken(fake, {
      grant_type: 'password',
      client_id: MOBILE_CLIENT_ID,
      username: a.email,
      password: a.password,
      scope: 'offline_access openid',
    });
    expect(mobile.status).toBe(200);
    expect(jwtPayload(String(mobile.body.access_token))[USER_ID_CLAIM]).toBe(a.userId);
    expect(mobile.body.refresh_token).toMatch(/^v1\./);
    const web = await postToken(fake, {
      grant_type: 'password',
      client_id: WEB_CLIENT_ID,
      username: a.email,
      password: a.password,
    });
    expect(web).toEqual({
      status: 403,
      body: {
        error: 'unauthorized_client',
        error_description: "Grant type 'password' not allowed for the client.",
      },
    });
    const wrong = await postToken(fake, {
      grant_type: 'password',
      client_id: MOBILE_CLIENT_ID,
      username: a.email,
      password: 'x',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe('invalid_grant');
  });
});

describe('fake Peloton API credentials', () => {
  it('answers the legacy /auth/login with 403 and a bare session cookie with 401 3020', async () => {
    const fake = await start();
    const legacy = await fetch(`${fake.apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username_or_email: fake.accounts[0]?.email,
        password: fake.accounts[0]?.password,
      }),
    });
    expect(legacy.status).toBe(403);
    expect(await legacy.json()).toEqual({
      status: 403,
      message: 'Access forbidden. Endpoint no longer accepting requests.',
    });
    const cookie = await fetch(`${fake.apiUrl}/api/me`, {
      headers: { cookie: 'peloton_session_id=0123456789abcdef0123456789abcdef' },
    });
    expect(cookie.status).toBe(401);
    expect(await cookie.json()).toEqual({
      status: 401,
      error_code: 3020,
      subcode: null,
      message: 'Not logged in',
      details: null,
    });
  });

  it('expires access tokens after tokenTtlSec, and a refresh fixes it', async () => {
    let now = Date.UTC(2026, 10, 1);
    const fake = await start({ tokenTtlSec: 60, now: () => now });
    const tokens = fake.admin.issueTokens(fake.accounts[0]?.email ?? '');
    expect(tokens.expires_in).toBe(60);
    expect((await api(fake, tokens.access_token)('/api/me')).status).toBe(200);
    now += 61_000;
    expect((await api(fake, tokens.access_token)('/api/me')).status).toBe(401);
    const next = await postToken(fake, {
      grant_type: 'refresh_token',
      client_id: WEB_CLIENT_ID,
      refresh_token: tokens.refresh_token ?? '',
    });
    expect((await api(fake, String(next.body.access_token))('/api/me')).status).toBe(200);
  });

  it('expireAllTokens makes the next request with an old token answer 401 (expiry mid-sync)', async () => {
    const fake = await start();
    const tokens = fake.admin.issueTokens(fake.accounts[0]?.email ?? '');
    const call = api(fake, tokens.access_token);
    expect((await call('/api/me')).status).toBe(200);
    fake.admin.expireAllTokens();
    expect((await call('/api/me')).status).toBe(401);
    const next = await postToken(fake, {
      grant_type: 'refresh_token',
      client_id: WEB_CLIENT_ID,
      refresh_token: tokens.refresh_token ?? '',
    });
    expect((await api(fake, String(next.body.access_token))('/api/me')).status).toBe(200);
  });

  it('refuses a forged token', async () => {
    const fake = await start();
    const [h, , s] = fake.admin.issueTokens(fake.accounts[0]?.email ?? '').access_token.split('.');
    const body = Buffer.from(
      JSON.stringify({ [USER_ID_CLAIM]: fake.accounts[1]?.userId, exp: 4e9 }),
    ).toString('base64url');
    expect((await api(fake, `${h}.${body}.${s}`)('/api/me')).status).toBe(401);
  });
});
