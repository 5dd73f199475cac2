import { createHash, randomBytes } from 'node:crypto';
import {
  type FakeAccount,
  type FakePeloton,
  REDIRECT_URI,
  WEB_CLIENT_ID,
  WEB_SCOPE,
} from '../../e2e/fake-peloton/index';

/** A tiny cookie jar honouring Path, enough to prove the `_csrf` cookie is scoped as Auth0 scopes it. */
export type Jar = {
  store(url: string, res: Response): void;
  header(url: string): string;
  all(): Map<string, { value: string; path: string }>;
};

export function createJar(): Jar {
  const cookies = new Map<string, { value: string; path: string }>();
  return {
    store(_url, res) {
      for (const line of res.headers.getSetCookie()) {
        const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
        const eq = pair.indexOf('=');
        const path = attrs.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
        cookies.set(pair.slice(0, eq), { value: pair.slice(eq + 1), path });
      }
    },
    header(url) {
      const { pathname } = new URL(url);
      return [...cookies]
        .filter(([, c]) => pathname.startsWith(c.path))
        .map(([name, c]) => `${name}=${c.value}`)
        .join('; ');
    },
    all: () => cookies,
  };
}

/** fetch that never follows redirects and keeps cookies, like a scripted login. */
export function browser(jar = createJar()) {
  return async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    const cookie = jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    jar.store(url, res);
    return res;
  };
}

export function pkcePair() {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(
  fake: FakePeloton,
  p: { state: string; challenge: string; clientId?: string; redirectUri?: string },
) {
  const url = new URL(`${fake.authUrl}/authorize`);
  url.search = new URLSearchParams({
    client_id: p.clientId ?? WEB_CLIENT_ID,
    audience: 'https://api.onepeloton.com/',
    scope: WEB_SCOPE,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: p.redirectUri ?? REDIRECT_URI,
    state: p.state,
    nonce: 'n-0S6_WzA2Mj',
    code_challenge: p.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

export function hiddenForm(html: string): { action: string; fields: Record<string, string> } {
  const action = decode(/<form[^>]*action="([^"]*)"/i.exec(html)?.[1] ?? '');
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[m[1] ?? ''] = decode(m[2] ?? '');
  return { action, fields };
}

export function credentialsBody(
  tx: { state: string; csrf: string; challenge: string },
  account: Pick<FakeAccount, 'email' | 'password'>,
) {
  return {
    client_id: WEB_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    tenant: 'peloton-prod',
    response_type: 'code',
    scope: WEB_SCOPE,
    audience: 'https://api.onepeloton.com/',
    _csrf: tx.csrf,
    state: tx.state,
    _intstate: 'deprecated',
    nonce: 'n-0S6_WzA2Mj',
    username: account.email,
    password: account.password,
    connection: 'pelo-user-password',
    code_challenge: tx.challenge,
    code_challenge_method: 'S256',
  };
}

/** The whole scripted login of peloton-api.md 1.3, steps 1–5; returns the code and what each step showed. */
export async function scriptedLogin(fake: FakePeloton, account: Pick<FakeAccount, 'email' | 'password'>) {
  const jar = createJar();
  const go = browser(jar);
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('hex');
  const authorize = await go(authorizeUrl(fake, { state, challenge }));
  const loginUrl = new URL(authorize.headers.get('location') ?? '', fake.authUrl);
  const rewritten = loginUrl.searchParams.get('state') ?? '';
  const csrf = jar.all().get('_csrf')?.value ?? '';
  const creds = await go(`${fake.authUrl}/usernamepassword/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: fake.authUrl, referer: loginUrl.toString() },
    body: JSON.stringify(credentialsBody({ state: rewritten, csrf, challenge }, account)),
  });
  const html = await creds.text();
  const form = hiddenForm(html);
  const callback = await go(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form.fields).toString(),
  });
  const resumeUrl = new URL(callback.headers.get('location') ?? '', fake.authUrl).toString();
  const resume = await go(resumeUrl);
  const final = new URL(resume.headers.get('location') ?? '');
  return {
    jar,
    state,
    verifier,
    challenge,
    authorize,
    rewritten,
    csrf,
    creds,
    html,
    form,
    callback,
    resume,
    final,
    code: final.searchParams.get('code') ?? '',
  };
}

export async function postToken(fake: FakePeloton, body: Record<string, string>, form = false) {
  const res = await fetch(`${fake.authUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded; charset=utf-8' : 'application/json',
    },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export function api(fake: FakePeloton, token: string) {
  return (path: string, init: RequestInit = {}) =>
    fetch(`${fake.apiUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'peloton-platform': 'web',
        ...(init.headers as Record<string, string>),
      },
    });
}

export function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
