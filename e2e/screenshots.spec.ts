import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { newDataDir, ROOT, SEED_CSV, type Served, spokeServe, spokeSync } from './support/spoke-cli';

// Regenerates docs/screenshots/ (used by the README): `SPOKE_SCREENSHOTS=1 npx playwright test screenshots`.
test.skip(!process.env.SPOKE_SCREENSHOTS, 'Screenshots are refreshed on demand: set SPOKE_SCREENSHOTS=1.');

const screens = ['overview', 'riders', 'rider', 'instructors', 'workouts', 'sync', 'settings'];
let served: Served;
let data: ReturnType<typeof newDataDir>;

test.beforeAll(async () => {
  data = newDataDir();
  spokeSync(['import', SEED_CSV, '--data-dir', data.dir]);
  spokeSync(['settings', 'set', 'display.timeZone', 'UTC', '--data-dir', data.dir]);
  served = await spokeServe(data.dir);
});

test.afterAll(async () => {
  await served?.stop();
  data?.remove();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen, ${scheme}`, async ({ browser }) => {
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
    await page.goto(served.url);
    await expect(page.getByTestId('chart-monthly-counts')).toBeVisible();
    for (const screen of screens) {
      await page.goto(`${served.url.replace(/#.*$/, '')}#/${screen}`);
      await page.waitForTimeout(600); // let chart animations settle before the picture
      await page.screenshot({ path: resolve(ROOT, `docs/screenshots/${screen}-${scheme}.png`) });
    }
    await page.close();
  });
}
