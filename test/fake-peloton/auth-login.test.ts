import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakePeloton,
  REDIRECT_URI,
  startFakePeloton,
  USER_ID_CLAIM,
  WEB_CLIENT_ID,
} from '../../e2e/fake-peloton/index';
import {
  api,
  authorizeUrl,
  browser,
  createJar,
  credentialsBody,
  hiddenForm,
  jwtPayload,
  pkcePair,
  postToken,
  scriptedLogin,
} from './browser';

let fake: FakePeloton;
beforeAll(async () => {
  fake = await startFakePeloton({ maxFailedLogins: 3 });
});
afterAll(() => fake.close());

const account = () => fake.accounts[0] as (typeof fake.accounts)[number];

describe('fake Peloton sign-in: the scripted PKCE login of peloton-api.md 1.3', () => {
  it('runs authorize → login → self-posting form → callback → code → tokens → /api/me', async () => {
    const run = await scriptedLogin(fake, account());
    // Step 2: a redirect to the login page with a NEW state, and a _csrf cookie scoped to the credential path.
    expect(run.authorize.status).toBe(302);
    expect(run.rewritten).not.toBe('');
    expect(run.rewritten).not.toBe(run.state);
    expect(run.jar.all().get('_csrf')?.path).toBe('/usernamepassword/login');
    // Step 4: a hidden form posting itself to /login/callback, values entity-encoded.
    expect(run.creds.status).toBe(200);
    expect(run.html).toContain('&#34;');
    expect(run.form.action).toBe(`${fake.authUrl}/login/callback`);
    expect(Object.keys(run.form.fields).sort()).toEqual(['wa', 'wctx', 'wresult']);
    expect(JSON.parse(run.form.fields.wctx ?? '{}').state).toBe(run.rewritten);
    // Step 5: 302 to /authorize/resume, then 302 to the callback with the code and the ORIGINAL state.
    expect(run.callback.status).toBe(302);
    expect(run.callback.headers.get('location')).toMatch(/^\/authorize\/resume\?state=/);
    expect(`${run.final.origin}${run.final.pathname}`).toBe(REDIRECT_URI);
    expect(run.final.searchParams.get('state')).toBe(run.state);
    // Step 6: the exchange.
    const tokens = await postToken(fake, {
      grant_type: 'authorization_code',
      client_id: WEB_CLIENT_ID,
      code_verifier: run.verifier,
      code: run.code,
      redirect_uri: REDIRECT_URI,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ expires_in: 172800, token_type: 'Bearer' });
    expect(String(tokens.body.refresh_token)).toMatch(/^v1\./);
    expect(typeof tokens.body.id_token).toBe('string');
    expect(String(tokens.body.scope)).toContain('offline_access');
    const claims = jwtPayload(String(tokens.body.access_token));
    expect(claims[USER_ID_CLAIM]).toBe(account().userId);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(172800);
    // Step 7.
    const me = await api(fake, String(tokens.body.access_token))('/api/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(account().userId);
  });

  it('serves a login page an embedded browser can submit as a plain form', async () => {
    const go = browser();
    const { challenge } = pkcePair();
    const authorize = await go(authorizeUrl(fake, { state: 'embedded-1', challenge }));
    const page = await go(new URL(authorize.headers.get('location') ?? '', fake.authUrl).toString());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<form method="post" action="\/usernamepassword\/login"/);
    expect(html).toContain('type="password"');
    const { fields } = hiddenForm(html);
    const creds = await go(`${fake.authUrl}/usernamepassword/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...fields,
        username: account().email,
        password: account().password,
      }).toString(),
    });
    expect(creds.status).toBe(200);
    const form = hiddenForm(await creds.text());
    const callback = await go(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form.fields).toString(),
    });
    const resume = await go(new URL(callback.headers.get('location') ?? '', fake.authUrl).toString());
    const final = new URL(resume.headers.get('location') ?? '');
    expect(final.searchParams.get('state')).toBe('embedded-1');
    expect(final.searchParams.get('code')).toBeTruthy();
  });

  it('re-renders the login page with the error when a form login has the wrong password', async () => {
    const go = browser();
    const authorize = await go(authorizeUrl(fake, { state: 's', challenge: pkcePair().challenge }));
    const page = await (
      await go(new URL(authorize.headers.get('location') ?? '', fake.authUrl).toString())
    ).text();
    const res = await go(`${fake.authUrl}/usernamepassword/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...hiddenForm(page).fields,
        username: fake.accounts[2]?.email ?? '',
        password: 'nope',
      }).toString(),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Wrong email or password.');
  });
});

describe('fake Peloton sign-in refusals', () => {
  async function startLogin() {
    const jar = createJar();
    const go = browser(jar);
    const { challenge } = pkcePair();
    const authorize = await go(authorizeUrl(fake, { state: 'x', challenge }));
    const state =
      new URL(authorize.headers.get('location') ?? '', fake.authUrl).searchParams.get('state') ?? '';
    return { go, jar, challenge, state, csrf: jar.all().get('_csrf')?.value ?? '' };
  }
  const post = (go: ReturnType<typeof browser>, body: unknown) =>
    go(`${fake.authUrl}/usernamepassword/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers a wrong password with 401 invalid_user_password', async () => {
    const t = await startLogin();
    const res = await post(t.go, credentialsBody(t, { email: account().email, password: 'wrong' }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      name: 'ValidationError',
      code: 'invalid_user_password',
      description: 'Wrong email or password.',
      statusCode: 400,
    });
  });

  it('refuses a login without the _csrf cookie (403 Missing CSRF token)', async () => {
    fake.admin.dropCsrfCookie();
    const t = await startLogin();
    expect(t.csrf).toBe('');
    const res = await post(t.go, credentialsBody({ ...t, csrf: 'guessed' }, account()));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ description: 'Missing CSRF token' });
  });

  it('refuses the original (not rewritten) state with 403 Invalid state', async () => {
    const t = await startLogin();
    const res = await post(t.go, credentialsBody({ ...t, state: 'x' }, account()));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ description: 'Invalid state' });
  });

  it('refuses a wrong tenant or connection', async () => {
    const t = await startLogin();
    const res = await post(t.go, {
      ...credentialsBody(t, account()),
      connection: 'Username-Password-Authentication',
    });
    expect(res.status).toBe(400);
  });

  it('blocks an account after repeated failures, and on demand (too_many_attempts)', async () => {
    const victim = fake.accounts[1] as (typeof fake.accounts)[number];
    for (let i = 0; i < 3; i++) {
      const t = await startLogin();
      expect((await post(t.go, credentialsBody(t, { email: victim.email, password: 'bad' }))).status).toBe(
        401,
      );
    }
    const t = await startLogin();
    const blocked = await post(t.go, credentialsBody(t, victim));
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ code: 'too_many_attempts' });
    fake.admin.blockLogin(victim.email, false);
    const t2 = await startLogin();
    expect((await post(t2.go, credentialsBody(t2, victim))).status).toBe(200);
    fake.admin.blockLogin(victim.email);
    const t3 = await startLogin();
    expect((await post(t3.go, credentialsBody(t3, victim))).status).toBe(429);
    fake.admin.blockLogin(victim.email, false);
  });

  it('checks client_id, redirect_uri and S256 at /authorize', async () => {
    const { challenge } = pkcePair();
    const go = browser();
    expect((await go(authorizeUrl(fake, { state: 's', challenge, clientId: 'nope' }))).status).toBe(400);
    expect(
      (await go(authorizeUrl(fake, { state: 's', challenge, redirectUri: 'https://evil.example/cb' })))
        .status,
    ).toBe(400);
    const plain = authorizeUrl(fake, { state: 's', challenge }).replace(
      'code_challenge_method=S256',
      'code_challenge_method=plain',
    );
    expect((await go(plain)).status).toBe(400);
  });
});
