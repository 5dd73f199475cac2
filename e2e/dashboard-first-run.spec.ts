import { expect, test } from '@playwright/test';
import { newDataDir, SEED_CSV, spokeServe } from './support/spoke-cli';

// The first run: an empty cache, and the three ways in that do not need Peloton.

test('an empty cache welcomes with three ways in', async ({ browser }) => {
  const empty = newDataDir();
  const server = await spokeServe(empty.dir);
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    const welcome = page.getByTestId('first-run');
    await expect(welcome.getByRole('heading', { name: 'Welcome to Spoke' })).toBeVisible();
    await expect(welcome.getByRole('link', { name: 'Add a rider in Settings' })).toBeVisible();
    await expect(welcome.getByRole('button', { name: 'Load demo data' })).toBeVisible();
    // The file's text travels over `imports:csv`; the charts replace the welcome once it lands.
    await welcome.locator('input[type=file]').setInputFiles(SEED_CSV);
    await expect(page.getByTestId('summary-cards')).toContainText('324');
    await expect(welcome).toHaveCount(0);
    await page.close();
  } finally {
    await server.stop();
    empty.remove();
  }
});

test('demo data can be explored, is marked as such, and leaves from Settings', async ({ browser }) => {
  const empty = newDataDir();
  const server = await spokeServe(empty.dir);
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(page.getByRole('note')).toContainText('generated demo data');
    await expect(page.getByTestId('chart-monthly-counts').locator('.recharts-line').first()).toBeVisible();
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await page.getByRole('button', { name: 'Remove demo data' }).click();
    await expect(page.getByText(/Demo data removed/)).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByTestId('first-run')).toBeVisible();
    await page.close();
  } finally {
    await server.stop();
    empty.remove();
  }
});
