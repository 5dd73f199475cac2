import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { type FakePeloton, REDIRECT_URI, startFakePeloton, WEB_CLIENT_ID, WEB_SCOPE } from './index';

let fake: FakePeloton;
test.beforeAll(async () => {
  fake = await startFakePeloton({ riders: 1, workoutsPerRider: 5 });
});
test.afterAll(() => fake.close());

test('the fake login page signs in from a real browser, as the embedded sign-in window will', async ({
  page,
}) => {
  const account = fake.accounts[0];
  if (!account) throw new Error('no account');
  let callback = '';
  // The redirect target is Peloton's real site: catch it, as the app's window does, and never load it.
  await page.route(`${REDIRECT_URI}**`, (route) => {
    callback = route.request().url();
    return route.fulfill({ status: 200, body: 'caught' });
  });
  const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
  const authorize = new URL(`${fake.authUrl}/authorize`);
  authorize.search = new URLSearchParams({
    client_id: WEB_CLIENT_ID,
    scope: WEB_SCOPE,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    state: 'browser-state',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  await page.goto(authorize.toString());
  await page.getByLabel('Email or username').fill(account.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await page.getByLabel('Email or username').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect.poll(() => callback).toContain('code=');
  expect(new URL(callback).searchParams.get('state')).toBe('browser-state');
});
