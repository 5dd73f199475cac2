import { expect, test } from '@playwright/test';
import { type FakePeloton, startFakePeloton } from './fake-peloton/index';
import { DashboardPage } from './support/pages/dashboard-page';
import { SettingsPage } from './support/pages/settings-page';
import { newDataDir, type Served, spokeServe } from './support/spoke-cli';

// A real sign-in and sync against the fake Peloton, driven from the browser face.
let fake: FakePeloton;
let served: Served;
let data: ReturnType<typeof newDataDir>;

test.beforeAll(async () => {
  fake = await startFakePeloton({ riders: 1, workoutsPerRider: 40 });
  data = newDataDir();
  served = await spokeServe(data.dir, {
    SPOKE_PELOTON_API_URL: fake.apiUrl,
    SPOKE_PELOTON_AUTH_URL: fake.authUrl,
    SPOKE_RETRY_BASE_MS: '1',
  });
});

test.afterAll(async () => {
  await served?.stop();
  await fake?.close();
  data?.remove();
});

test('a rider signs in from Settings, Sync now fetches their workouts and the charts follow', async ({
  page,
}) => {
  const account = fake.accounts[0];
  if (!account) throw new Error('the fake has no account');
  const app = new DashboardPage(page, served.url);
  await page.goto(served.url);
  await expect(page.getByTestId('first-run')).toBeVisible();
  await page.getByRole('link', { name: 'Add a rider in Settings' }).click();
  const settings = new SettingsPage(page);
  await settings.section('Riders').getByRole('button', { name: 'Add rider' }).click();
  await page.getByLabel('Peloton email').fill(account.email);
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(settings.section('Riders').getByRole('alert')).toBeVisible();
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText(`${account.name} is signed in`)).toBeVisible();

  await app.navigate('Sync');
  await app.syncNow.click();
  const result = page.getByTestId('sync-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByRole('row').filter({ hasText: account.name })).toContainText('40');
  await expect(page.getByRole('list', { name: 'Sync progress' }).getByText(/done/).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sync runs' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('link', { name: '40 new workouts' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sync.png'), fullPage: true });

  await app.navigate('Overview');
  await expect(page.getByTestId('summary-cards')).toContainText(account.name);
  await expect(page.getByTestId('summary-cards')).toContainText('40');
});
