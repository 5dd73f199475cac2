import { expect, type Page, test } from '@playwright/test';
import { DashboardPage } from './support/pages/dashboard-page';
import { SettingsPage } from './support/pages/settings-page';
import { WorkoutsPage } from './support/pages/workouts-page';
import { seededServe } from './support/seeded-serve';

// The seed cache (the notebook's all_rides.csv) in UTC, so every number matches the notebook.
const server = seededServe();

async function dashboard(page: Page, route: string): Promise<DashboardPage> {
  const app = new DashboardPage(page, server().url);
  await app.open(route);
  return app;
}

test('Riders shows F1, F2 with its counts, the F3 proportions, the butterfly and the F6 boxes with 59/151 rides', async ({
  page,
}) => {
  const app = await dashboard(page, 'riders');
  await expect(app.chart('chart-monthly-counts').locator('.recharts-line')).toHaveCount(2);
  const types = app.chart('chart-class-types');
  await expect(types.getByText('222', { exact: true })).toBeVisible();
  await expect(types.getByText('215', { exact: true })).toBeVisible();
  const table = app.chart('table-proportions');
  const bryan = (type: string) => table.getByRole('row').filter({ hasText: type }).first();
  await expect(bryan('Cycling')).toContainText('0.238');
  await expect(bryan('Yoga')).toContainText('0.685');
  await expect(table.getByRole('row').filter({ hasText: 'Strength' })).toContainText('0.176');
  await expect(app.chart('chart-class-mix').getByText('← Bryan Kolano')).toBeVisible();
  const boxes = app.chart('chart-output-by-length');
  await expect(boxes.locator('.box-shape')).toHaveCount(7);
  await expect(boxes.getByText('59 rides')).toBeVisible();
  await expect(boxes.getByText('151 rides')).toBeVisible();
});

test('Instructors ranks per rider and length with `Name (n)` labels and truncated values', async ({
  page,
}) => {
  const app = await dashboard(page, 'instructors');
  const bryan = app.chart('chart-instructors-Bryan Kolano');
  const long = bryan.getByRole('region', { name: 'Bryan Kolano, 45-minute classes' });
  await expect(long.getByText('Jenn Sherman (1)')).toBeVisible();
  await expect(long.getByText('386', { exact: true })).toBeVisible();
  // 178.97 is drawn as 178, as the notebook's int() did.
  const twenty = bryan.getByRole('region', { name: 'Bryan Kolano, 20-minute classes' });
  await expect(twenty.getByText('Jenn Sherman (3)')).toBeVisible();
  await expect(twenty.getByText('178', { exact: true }).first()).toBeVisible();
  const table = app.chart('table-instructors').getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(74); // 73 F8 rows and the header
  // A numeric column sorts largest first: Hillary's 17 classes with Robin Arzón lead.
  await table.getByRole('button', { name: /^Classes/ }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Robin Arzón');
  await table.getByRole('row').nth(1).getByRole('button', { name: 'Robin Arzón' }).click();
  await expect(app.title).toHaveText('Robin Arzón');
  expect(app.hash()).toContain('#/instructors/Robin Arzón');
  await expect(page.getByTestId('table-instructor-summary')).toContainText('133.1 kJ');
  await expect(page.getByTestId('table-instructor-classes').getByRole('table')).toBeVisible();
});

test('a filter changes the charts and the URL, and a reload restores the same view', async ({ page }) => {
  const app = await dashboard(page, 'riders');
  const table = app.chart('table-proportions');
  await expect(table).toContainText('Bryan Kolano');
  await app.filters.chooseRider('Hillary Kolano');
  await expect(app.filters.rider('Hillary Kolano')).toHaveAttribute('aria-pressed', 'true');
  await expect(table).not.toContainText('Bryan Kolano');
  expect(app.hash()).toMatch(/riders=local-/);
  await app.filters.setDates('2022-01-01', '2022-12-31');
  await expect.poll(() => app.hash()).toContain('from=2022-01-01&to=2022-12-31');
  await app.filters.setRideMinLength(15);
  await expect.poll(() => app.hash()).toContain('ride.min=15');
  const before = await table.textContent();
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(app.filters.rider('Hillary Kolano')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.filters.from()).toHaveValue('2022-01-01');
  await expect(table).toHaveText(before ?? '');
  await expect(app.chart('chart-output-by-length').locator('.box-shape')).toHaveCount(2); // 20 and 30 min only
});

test('clicking a bar opens Workouts filtered to it', async ({ page }) => {
  const app = await dashboard(page, 'riders');
  const workouts = new WorkoutsPage(page);
  // F2's first category is Cycling; the first rider's bar there is Bryan's 77.
  await app.chart('chart-class-types').locator('.recharts-bar-rectangle').first().click();
  await expect(app.title).toHaveText('Workouts');
  expect(app.hash()).toContain('types=cycling');
  await expect(workouts.count).toHaveText('77 workouts match');
  await expect(workouts.cell(0, 'classType')).toHaveText('Cycling');
  await expect(workouts.cell(0, 'rider')).toHaveCount(0); // one rider: no rider column
  await page.goBack();
  await expect(app.title).toHaveText('Riders');
  // F1: Bryan's dot for January 2022 lists his 72 workouts of that month.
  const months = app.chart('chart-monthly-counts');
  await months.locator('.recharts-line-dots').first().locator('circle').nth(3).hover();
  await months.locator('.active-dot').first().click();
  await expect(workouts.count).toHaveText('72 workouts match');
  expect(app.hash()).toContain('from=2022-01-01&to=2022-01-31');
});

test('Workouts sorts and pages, with the page in the URL', async ({ page }) => {
  const app = await dashboard(page, 'workouts');
  const workouts = new WorkoutsPage(page);
  await expect(workouts.count).toHaveText('721 workouts match');
  await expect(workouts.range).toHaveText('1–50 of 721');
  await workouts.sortBy(/^Sort by total output/);
  await expect(workouts.cell(0, 'outputKj')).toHaveText('386.1');
  await expect(workouts.cell(0, 'instructor')).toHaveText('Jenn Sherman');
  await expect(workouts.cell(0, 'start')).toHaveText('2021-10-17 13:30');
  await workouts.nextPage();
  await expect(workouts.range).toHaveText('51–100 of 721');
  expect(app.hash()).toContain('sort=outputKj.desc');
  expect(app.hash()).toContain('page=2');
  await page.reload();
  await expect(workouts.range).toHaveText('51–100 of 721');
  await app.filters.chooseClassType('Yoga');
  await expect(workouts.count).toHaveText('237 workouts match');
  expect(app.hash()).toContain('types=yoga');
  expect(app.hash()).not.toContain('page=');
});

test('Rider shows records, streaks and the heatmaps for the chosen rider', async ({ page }) => {
  const app = await dashboard(page, 'rider');
  await expect(app.title).toHaveText('Bryan Kolano');
  await expect(page.getByTestId('table-records')).toContainText('386.1');
  await expect(page.getByTestId('streaks')).toContainText('50');
  await expect(page.getByTestId('chart-monthly-output').locator('.recharts-line')).toHaveCount(4);
  await expect(page.getByTestId('chart-weekday-hour').locator('rect.heat-cell')).toHaveCount(168);
  await expect(page.getByTestId('chart-calendar').locator('rect.heat-cell.clickable').first()).toBeVisible();
  // A weekday × hour cell lists the rider's workouts, with a note on what the table cannot filter.
  await page.getByTestId('chart-weekday-hour').locator('rect.heat-cell.clickable').first().click();
  await expect(app.title).toHaveText('Workouts');
  await expect(page.getByRole('note')).toContainText('cannot filter by weekday and hour');
  await expect(new WorkoutsPage(page).count).toHaveText('324 workouts match');
  await page.goBack();
  await page.getByRole('group', { name: 'Rider' }).getByRole('button', { name: 'Hillary Kolano' }).click();
  await expect(app.title).toHaveText('Hillary Kolano');
  await expect(page.getByTestId('chart-monthly-output').locator('.recharts-line')).toHaveCount(3);
  expect(app.hash()).toMatch(/#\/rider\/local-/);
});

test('the heatmaps take the keyboard: one tab stop, arrow keys, cells named, Enter lists the workouts', async ({
  page,
}) => {
  const app = await dashboard(page, 'rider');
  await expect(app.title).toHaveText('Bryan Kolano');
  const focused = page.locator(':focus');

  // Weekday × hour: Tab from the panel's CSV button lands on the busiest cell, and only there.
  const hours = page.getByRole('grid', { name: /^Workouts by weekday and starting hour for Bryan Kolano/ });
  await expect(hours.getByRole('gridcell')).toHaveCount(168);
  await expect(hours.locator('[tabindex="0"]')).toHaveCount(1);
  await app
    .chart('chart-weekday-hour')
    .getByRole('button', { name: /as CSV$/ })
    .focus();
  await page.keyboard.press('Tab');
  await expect(focused).toHaveAccessibleName('Thursday 09:00, 21 workouts');
  await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAccessibleName(/^Thursday 10:00, /);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAccessibleName('Friday 09:00, 14 workouts');
  await page.keyboard.press('Home');
  await expect(focused).toHaveAccessibleName(/^Friday 00:00, no workouts$/);
  await page.keyboard.press('End');
  await expect(focused).toHaveAccessibleName(/^Friday 23:00, /);
  // The grid keeps one tab stop: the cell last moved to.
  await expect(hours.locator('[tabindex="0"]')).toHaveAccessibleName(/^Friday 23:00, /);
  await hours.getByRole('gridcell', { name: 'Tuesday 09:00, 16 workouts' }).focus();
  await page.keyboard.press('Enter');
  await expect(app.title).toHaveText('Workouts');
  await expect(page.getByRole('note')).toContainText('You picked Tue 09:00–10:00 (16 workouts)');
  await page.goBack();

  // Calendar: Tab lands on the latest day with a workout; left is a week earlier.
  const calendar = page.getByRole('grid', { name: /^Days by weekday and week/ });
  await app
    .chart('chart-calendar')
    .getByRole('button', { name: /as CSV$/ })
    .focus();
  await page.keyboard.press('Tab');
  await expect(focused).toHaveAccessibleName('Thursday, May 25, 2023, 1 workout');
  await page.keyboard.press('ArrowLeft');
  await expect(focused).toHaveAccessibleName('Thursday, May 18, 2023, 1 workout');
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAccessibleName(/^Wednesday, May 17, 2023, /);
  await page.keyboard.press('ArrowDown');
  await expect(calendar.locator('[tabindex="0"]')).toHaveAccessibleName(/^Thursday, May 18, 2023, /);
  await page.keyboard.press('Enter');
  await expect(app.title).toHaveText('Workouts');
  await expect(new WorkoutsPage(page).count).toHaveText('1 workout match');
  expect(app.hash()).toContain('from=2023-05-18&to=2023-05-18');
});

test('Sync now says why nothing could sync; Settings validates next to the field', async ({ page }) => {
  const app = await dashboard(page, 'sync');
  await app.syncNow.click();
  await expect(page.getByRole('alert').filter({ hasText: 'No Peloton rider is signed in' })).toBeVisible();
  await app.navigate('Settings');
  const settings = new SettingsPage(page);
  await settings.field('S3', 'Bucket').fill('Not_A_Bucket');
  await expect(settings.section('S3').getByText(/Expected an S3 bucket name/)).toBeVisible();
  await settings.field('S3', 'Bucket').fill('spoke-e2e');
  await settings.save('S3');
  await expect(settings.section('S3').getByText('Saved')).toBeVisible();
  await settings.field('Postgres', 'Connection URL').fill('postgres://u:p@127.0.0.1:1/db');
  await settings.save('Postgres');
  await expect(settings.section('Postgres').getByText('set', { exact: true })).toBeVisible();
  await settings.section('Postgres').getByRole('button', { name: 'Test connection' }).click();
  const answer = settings.section('Postgres').getByRole('status').filter({ hasNotText: 'Saved' });
  await expect(answer).toHaveText(/\w+/, { timeout: 20_000 });
  await settings.field('Display', 'Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(settings.field('S3', 'Bucket')).toHaveValue('spoke-e2e');
});

test('Settings offers Remove, not Sign out, for riders who were only imported', async ({ page }) => {
  await dashboard(page, 'settings');
  const riders = new SettingsPage(page).section('Riders');
  const bryan = riders.getByRole('listitem').filter({ hasText: 'Bryan Kolano' });
  await expect(bryan).toContainText('imported, not signed in');
  await expect(riders.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await bryan.getByRole('button', { name: 'Remove' }).click();
  const confirm = bryan.getByRole('group', { name: 'Confirm removing Bryan Kolano' });
  await expect(confirm).toContainText('Remove Bryan Kolano and their 324 workouts from this computer?');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(bryan.getByRole('button', { name: 'Remove' })).toBeVisible();
});

test('a chart downloads as PNG and its rows as CSV', async ({ page }) => {
  const app = await dashboard(page, 'riders');
  const chart = app.chart('chart-class-types');
  const png = await app.download(chart.getByRole('button', { name: 'Download Classes by type as PNG' }));
  expect(png.name).toBe('spoke-classes-by-type.png');
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(png.bytes.length).toBeGreaterThan(5_000);
  const csv = await app.download(
    chart.getByRole('button', { name: 'Download the data of Classes by type as CSV' }),
  );
  const text = csv.bytes.toString('utf8');
  expect(text.split('\r\n')[0]).toBe('rider,classType,workouts,proportion');
  expect(text).toContain('Bryan Kolano,yoga,222,');
});
