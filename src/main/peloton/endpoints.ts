import type { SettingsStore } from '../settings/settings-store';

/** Every Peloton auth constant, from settings (today's values as defaults) and the base URLs from the environment. */
export type PelotonEndpoints = {
  apiUrl: string;
  authUrl: string;
  clientId: string;
  audience: string;
  scope: string;
  redirectUri: string;
  authorizePath: string;
  tokenPath: string;
  loginPath: string;
  tenant: string;
  connection: string;
};

export function pelotonEndpoints(
  settings: SettingsStore,
  env: NodeJS.ProcessEnv = process.env,
): PelotonEndpoints {
  const s = (key: Parameters<SettingsStore['get']>[0]) => String(settings.get(key) ?? '');
  const trim = (url: string) => url.replace(/\/+$/, '');
  return {
    apiUrl: trim(env.SPOKE_PELOTON_API_URL || 'https://api.onepeloton.com'),
    authUrl: trim(env.SPOKE_PELOTON_AUTH_URL || 'https://auth.onepeloton.com'),
    clientId: s('peloton.clientId'),
    audience: s('peloton.audience'),
    scope: s('peloton.scope'),
    redirectUri: s('peloton.redirectUri'),
    authorizePath: s('peloton.authorizePath'),
    tokenPath: s('peloton.tokenPath'),
    loginPath: s('peloton.loginPath'),
    tenant: s('peloton.tenant'),
    connection: s('peloton.connection'),
  };
}

/** The Auth0-Client payload the members site sends: base64 of {"name":"auth0.js-ulp","version":"9.14.3"}. */
export const AUTH0_CLIENT = Buffer.from(JSON.stringify({ name: 'auth0.js-ulp', version: '9.14.3' })).toString(
  'base64',
);

/** Auth0's anomaly detection trips on clients without a browser-like User-Agent. */
export const BROWSER_HEADERS = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'accept-language': 'en-US,en;q=0.9',
};
