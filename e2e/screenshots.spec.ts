import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { seededServe } from './support/seeded-serve';
import { newDataDir, ROOT, spokeServe } from './support/spoke-cli';

// Regenerates docs/screenshots/ (used by the README): `SPOKE_SCREENSHOTS=1 npx playwright test screenshots`.
test.skip(!process.env.SPOKE_SCREENSHOTS, 'Screenshots are refreshed on demand: set SPOKE_SCREENSHOTS=1.');

/** Route → file name. */
const screens: [route: string, file: string][] = [
  ['overview', 'overview'],
  ['riders', 'riders'],
  ['rider', 'rider'],
  ['instructors', 'instructors'],
  ['instructors/Jenn%20Sherman', 'instructor'],
  ['workouts', 'workouts'],
  ['sync', 'sync'],
  ['settings', 'settings'],
];
const server = seededServe();

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen, ${scheme}`, async ({ browser }) => {
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
    await page.goto(server().url);
    await expect(page.getByTestId('chart-monthly-counts')).toBeVisible();
    for (const [route, file] of screens) {
      await page.goto(`${server().url.replace(/#.*$/, '')}#/${route}`);
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await page.waitForTimeout(300);
      await page.screenshot({ path: resolve(ROOT, `docs/screenshots/${file}-${scheme}.png`) });
    }
    await page.close();
  });

  test(`first run, ${scheme}`, async ({ browser }) => {
    const empty = newDataDir();
    const server = await spokeServe(empty.dir);
    try {
      const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
      await page.goto(server.url);
      await expect(page.getByTestId('first-run')).toBeVisible();
      await page.screenshot({ path: resolve(ROOT, `docs/screenshots/first-run-${scheme}.png`) });
      await page.close();
    } finally {
      await server.stop();
      empty.remove();
    }
  });
}
