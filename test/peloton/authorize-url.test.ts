import { describe, expect, it } from 'vitest';
import { authorizeUrl, codeFromCallback } from '../../src/main/peloton/authorize-url';
import { pelotonEndpoints } from '../../src/main/peloton/endpoints';
import { createPkce } from '../../src/main/peloton/pkce';
import { makeServices } from '../helpers/services';

const CALLBACK = 'https://members.onepeloton.com/callback';

describe('the sign-in callback (desktop window and scripted login)', () => {
  it('takes the code only from the redirect URI carrying our state', () => {
    expect(codeFromCallback(`${CALLBACK}?code=abc&state=s1`, CALLBACK, 's1')).toBe('abc');
    expect(codeFromCallback(`${CALLBACK}?code=abc&state=other`, CALLBACK, 's1')).toBeNull();
    expect(codeFromCallback(`${CALLBACK}?state=s1`, CALLBACK, 's1')).toBeNull();
    expect(codeFromCallback(`https://evil.example/callback?code=abc&state=s1`, CALLBACK, 's1')).toBeNull();
    expect(
      codeFromCallback(`https://members.onepeloton.com/callbackx?code=abc&state=s1`, CALLBACK, 's1'),
    ).toBeNull();
    expect(codeFromCallback('not a url', CALLBACK, 's1')).toBeNull();
  });

  it("builds the web client's PKCE authorize URL from settings, so a changed constant needs no release", () => {
    const services = makeServices({ SPOKE_PELOTON_AUTH_URL: 'http://127.0.0.1:9/' });
    services.settings.update({ set: { 'peloton.clientId': 'NEWCLIENT' } });
    const pkce = createPkce();
    const url = new URL(
      authorizeUrl(
        pelotonEndpoints(services.settings, { SPOKE_PELOTON_AUTH_URL: 'http://127.0.0.1:9/' }),
        pkce,
      ),
    );
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:9/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'NEWCLIENT',
      response_type: 'code',
      code_challenge_method: 'S256',
      code_challenge: pkce.challenge,
      redirect_uri: CALLBACK,
      scope: 'offline_access openid peloton-api.members:default',
      audience: 'https://api.onepeloton.com/',
    });
    expect(pkce.verifier).toMatch(/^[A-Za-z0-9._~-]{64}$/);
  });
});
