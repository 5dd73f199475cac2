import { expect, test } from '@playwright/test';
import { seededServe } from './support/seeded-serve';

const server = seededServe();

test('spoke serve prints a URL whose page shows the Overview chart with both riders', async ({ page }) => {
  expect(server().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
  await page.goto(server().url);
  const chart = page.getByTestId('chart-monthly-counts');
  await expect(chart).toBeVisible();
  await expect(chart.getByText('Bryan Kolano')).toBeVisible();
  await expect(chart.getByText('Hillary Kolano')).toBeVisible();
  // One line per rider, drawn by recharts.
  await expect(chart.locator('.recharts-line')).toHaveCount(2);
  // The totals match `spoke report summary`.
  await expect(page.getByText('324', { exact: true })).toBeVisible();
  await expect(page.getByText('397', { exact: true })).toBeVisible();
  // The token left the visible URL, and a reload still works (kept for this tab only).
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByTestId('chart-monthly-counts').getByText('Hillary Kolano')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('overview.png') });
});

test('the page without the token cannot read data and says how to get in', async ({ page }) => {
  const bare = server().url.replace(/#.*$/, '');
  await page.goto(bare);
  await expect(page.getByText(/open the URL `?spoke serve`? printed/i)).toBeVisible();
});
