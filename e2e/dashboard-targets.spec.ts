import { expect, type Locator, test } from '@playwright/test';
import { S3_BUCKET, S3_KEY } from '../test/helpers/s3';
import { type FakePeloton, startFakePeloton } from './fake-peloton/index';
import { DashboardPage } from './support/pages/dashboard-page';
import { SettingsPage } from './support/pages/settings-page';
import { WorkoutsPage } from './support/pages/workouts-page';
import { newDataDir, type Served, spokeRun, spokeServe, spokeSync } from './support/spoke-cli';
import { startTargets, type Targets } from './support/targets';

// What a user does to deliver their workouts: point Settings at their Postgres and S3 bucket,
// test both, then Sync now; against the fake Peloton, embedded Postgres and s3rver.
const WORKOUTS = 30;

let fake: FakePeloton;
let targets: Targets;
let served: Served;
let data: ReturnType<typeof newDataDir>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // A little latency per request, so the sync lasts long enough to be watched.
  [fake, targets] = await Promise.all([
    startFakePeloton({ riders: 1, workoutsPerRider: WORKOUTS, latencyMs: 150 }),
    startTargets(),
  ]);
  const env = {
    SPOKE_PELOTON_API_URL: fake.apiUrl,
    SPOKE_PELOTON_AUTH_URL: fake.authUrl,
    SPOKE_RETRY_BASE_MS: '1',
  };
  const account = fake.accounts[0];
  if (!account) throw new Error('the fake has no account');
  data = newDataDir();
  await spokeRun(
    ['rider', 'add', '--email', account.email, '--password-stdin', '--data-dir', data.dir],
    env,
    `${account.password}\n`,
  );
  // No catch-up sync when the server starts: the first sync is the one the test clicks.
  spokeSync(['settings', 'set', 'schedule.enabled', 'false', '--data-dir', data.dir]);
  served = await spokeServe(data.dir, env);
});

test.afterAll(async () => {
  await served?.stop();
  await Promise.all([fake?.close(), targets?.close()]);
  data?.remove();
});

async function openSettings(app: DashboardPage): Promise<SettingsPage> {
  await app.page.goto(app.signedUrl);
  await expect(app.page.getByTestId('first-run')).toBeVisible();
  await app.goto('settings');
  return new SettingsPage(app.page);
}

test('Settings: a wrong Postgres password is answered in one sentence; the right URL and the bucket test green', async ({
  page,
}) => {
  const settings = await openSettings(new DashboardPage(page, served.url));
  // A rider signed in with Peloton signs out (an imported one is removed).
  const rider = settings
    .section('Riders')
    .getByRole('listitem')
    .filter({ hasText: fake.accounts[0]?.name ?? '' });
  await expect(rider.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const url = settings.field('Postgres', 'Connection URL');

  await url.fill(targets.pgUrl('not-the-password'));
  await settings.runTest('Postgres', 'Test connection');
  const answer = settings.testAnswer('Postgres');
  await expect(answer).toHaveText(
    /^Wrong password for user "spoke_rider" on 127\.0\.0\.1:\d+; fix the password in the URL\.$/,
  );
  await expect(answer).not.toContainText('not-the-password');
  await answer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('postgres-wrong-password.png') });
  await expect(settings.secretState('Postgres', 'Connection URL')).toHaveText('not set');

  await url.fill(targets.pgUrl());
  await settings.runTest('Postgres', 'Test connection');
  await expect(answer).toHaveText(
    new RegExp(`^Connected to database "${targets.database}" on 127\\.0\\.0\\.1:\\d+ as "spoke_rider"`),
  );
  await expect(answer).toContainText('The first sync will create the tables peloton');
  await settings.save('Postgres');
  await expect(settings.secretState('Postgres', 'Connection URL')).toHaveText('set');
  // Write-only: the saved URL (and its password) never comes back to the page.
  await expect(url).toHaveValue('');
  await expect(url).toHaveAttribute('placeholder', 'Saved — type to replace');

  await settings.field('S3', 'Bucket').fill(S3_BUCKET);
  await settings.field('S3', 'Region').fill('us-east-1');
  await settings.field('S3', 'Endpoint (optional)').fill(targets.s3.endpoint);
  await settings
    .section('S3')
    .getByLabel(/^Path-style URLs/)
    .check();
  await settings.field('S3', 'Access key id').fill(S3_KEY.accessKeyId);
  await settings.field('S3', 'Secret access key').fill(S3_KEY.secretAccessKey);
  await expect(settings.section('S3')).toContainText('Test upload uses the saved settings: save first.');
  await settings.save('S3');
  await expect(settings.secretState('S3', 'Secret access key')).toHaveText('set');
  await settings.runTest('S3', 'Test upload');
  await expect(settings.testAnswer('S3')).toHaveText(
    new RegExp(`^Connected: the .*${S3_BUCKET}.* exists and these credentials can list it\\.`),
  );

  // A reload finds everything kept, and the secrets still unreadable.
  await page.reload();
  await expect(settings.field('S3', 'Bucket')).toHaveValue(S3_BUCKET);
  await expect(settings.field('S3', 'Endpoint (optional)')).toHaveValue(targets.s3.endpoint);
  await expect(settings.secretState('S3', 'Secret access key')).toHaveText('set');
  await expect(settings.field('S3', 'Secret access key')).toHaveValue('');
  await expect(settings.secretState('Postgres', 'Connection URL')).toHaveText('set');
});

/** Every bar of the progress list, as value / max (no value: still indeterminate). */
async function bars(list: Locator): Promise<{ label: string; value: number | null; max: number }[]> {
  return list.locator('progress').evaluateAll((all) =>
    all.map((p) => ({
      label: p.getAttribute('aria-label') ?? '',
      value: p.hasAttribute('value') ? Number(p.getAttribute('value')) : null,
      max: Number(p.getAttribute('max')),
    })),
  );
}

test('Sync now uploads the day files to the bucket and loads the rows into Postgres, and says so', async ({
  page,
}) => {
  const account = fake.accounts[0];
  if (!account) throw new Error('the fake has no account');
  const app = new DashboardPage(page, served.url);
  await page.goto(served.url);
  await app.navigate('Sync');
  await app.syncNow.click();
  await expect(app.syncNow).toHaveText('Syncing…');
  const progress = page.getByRole('list', { name: 'Sync progress' });
  await expect(progress).toBeVisible();

  const result = page.getByTestId('sync-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(app.syncNow).toHaveText('Sync now');
  // Every bar ran to its end, the delivery steps included.
  const finished = await bars(progress);
  expect(finished.map((b) => b.label)).toEqual(
    expect.arrayContaining([
      'All riders: daily CSV files',
      'All riders: S3 uploads',
      'All riders: Postgres load',
    ]),
  );
  for (const bar of finished) expect(bar, bar.label).toMatchObject({ value: bar.max });
  await expect(progress.getByRole('listitem').filter({ hasNotText: 'done' })).toHaveCount(0);

  await expect(result.getByRole('row').filter({ hasText: account.name })).toContainText(String(WORKOUTS));
  const written = Number((await result.getByText(/daily CSV files? written$/).textContent())?.split(' ')[0]);
  expect(written).toBeGreaterThan(1);
  await expect(result).toContainText(`${written} files uploaded to S3`);
  await expect(result).toContainText(`${WORKOUTS} rows upserted into Postgres`);
  await expect(result).toContainText('Nothing is waiting to be uploaded.');
  await expect(page.getByRole('link', { name: `${WORKOUTS} new workouts` })).toBeVisible();

  // What the bucket and the table hold, read directly.
  const keys = await targets.bucketKeys();
  expect(keys).toHaveLength(written);
  for (const key of keys) expect(key).toMatch(/^\d{4}\/\d{2}\/daily_upload\d{4}_\d{2}_\d{2}\.csv$/);
  const rows = await targets.pelotonRows();
  expect(rows).toHaveLength(WORKOUTS);
  expect(new Set(rows.map((row) => row.rider_name))).toEqual(new Set([account.name]));

  // The run is in the history, without an error.
  await expect(page.getByRole('table', { name: 'Sync runs' }).getByRole('row')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('sync-delivered.png'), fullPage: true });
});

test('Units in Settings switch the distances and speeds of the Workouts table between miles and kilometres', async ({
  page,
}) => {
  const app = new DashboardPage(page, served.url);
  await page.goto(served.url);
  await app.navigate('Workouts');
  const workouts = new WorkoutsPage(page);
  await expect(workouts.count).toHaveText(`${WORKOUTS} workouts match`);
  await expect(workouts.header('distance')).toHaveText('mi');
  await expect(workouts.header('distance').locator('abbr')).toHaveAttribute('title', 'distance in miles');
  await expect(workouts.header('speed')).toHaveText('mph');
  const miles = await workouts.cells('distance');
  const mph = await workouts.cells('speed');
  // The fake's rides carry distances and speeds; its other classes show none.
  expect(miles.filter((text) => /^\d+\.\d\d$/.test(text)).length).toBeGreaterThan(0);
  expect(mph.filter((text) => /^\d+\.\d$/.test(text)).length).toBeGreaterThan(0);

  await app.navigate('Settings');
  await new SettingsPage(page).field('Display', 'Units').selectOption('metric');
  await expect(new SettingsPage(page).section('Display').getByRole('status')).toHaveText('Saved');
  await app.navigate('Workouts');
  await expect(workouts.header('distance')).toHaveText('km');
  await expect(workouts.header('distance').locator('abbr')).toHaveAttribute(
    'title',
    'distance in kilometres',
  );
  await expect(workouts.header('speed')).toHaveText('km/h');
  const kilometres = await workouts.cells('distance');
  const kmh = await workouts.cells('speed');
  expect(kilometres).toHaveLength(miles.length);
  miles.forEach((mi, index) => {
    const km = kilometres[index] ?? '';
    if (mi === '–') expect(km).toBe('–');
    else expect(Number(km)).toBeCloseTo(Number(mi) * 1.609344, 1);
  });
  mph.forEach((speed, index) => {
    const metric = kmh[index] ?? '';
    if (speed === '–') expect(metric).toBe('–');
    // Both are rounded to one decimal from the recorded value: 0.05 × 1.609 + 0.05 apart at most.
    else expect(Math.abs(Number(metric) - Number(speed) * 1.609344)).toBeLessThan(0.131);
  });

  await page.screenshot({ path: test.info().outputPath('workouts-km.png') });

  // Kept across a reload, like every setting.
  await page.reload();
  await expect(workouts.header('distance')).toHaveText('km');
});
