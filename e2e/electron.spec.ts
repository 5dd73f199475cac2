import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type ElectronApplication, _electron as electron, expect, test } from '@playwright/test';
import { newDataDir, ROOT, SEED_CSV, spokeSync } from './support/spoke-cli';

/**
 * The Electron binary, or null when this machine has none. `require('electron')`
 * downloads the binary on first use, so it is only asked once electron's own
 * install has recorded one (path.txt) or an override names it: test collection
 * must never start a download.
 */
function findElectronBinary(): string | null {
  const electronDir = join(ROOT, 'node_modules', 'electron');
  if (!existsSync(join(electronDir, 'path.txt')) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  try {
    const binary: unknown = createRequire(join(ROOT, 'package.json'))('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronBinary = findElectronBinary();

test.describe('the desktop app', () => {
  test.skip(
    !electronBinary,
    'No Electron binary: node_modules/electron has not downloaded one, and it cannot be downloaded on this machine',
  );

  let data: ReturnType<typeof newDataDir>;
  let app: ElectronApplication | undefined;

  test.beforeAll(() => {
    // better-sqlite3 built for Electron, kept apart from the Node build the CLI uses.
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'native-runtime.mjs'), 'electron'], {
      stdio: 'inherit',
    });
    data = newDataDir();
    spokeSync(['import', SEED_CSV, '--data-dir', data.dir]);
    spokeSync(['settings', 'set', 'display.timeZone', 'UTC', '--data-dir', data.dir]);
  });

  test.afterAll(async () => {
    await app?.close();
    data?.remove();
  });

  test('opens on the Overview, whose chart shows workouts per month for both riders', async () => {
    app = await electron.launch({
      executablePath: electronBinary ?? undefined,
      // Chromium refuses to run as root with its sandbox on (CI containers).
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
      cwd: ROOT,
      env: { ...process.env, SPOKE_DATA_DIR: data.dir },
    });
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/spoke\//);

    const chart = page.getByRole('figure', { name: 'Workouts per month per rider' });
    await expect(chart).toBeVisible();
    await expect(chart.getByText('Bryan Kolano')).toBeVisible();
    await expect(chart.getByText('Hillary Kolano')).toBeVisible();
    await expect(chart.locator('.recharts-line')).toHaveCount(2);

    // The page gets the bridge and nothing of Node or Electron.
    const reach = await page.evaluate(() => {
      // Runs in the page, where globalThis is window (node's types know no DOM).
      const scope = globalThis as unknown as { spoke?: object; require?: unknown; process?: unknown };
      return {
        spoke: Object.keys(scope.spoke ?? {}).sort(),
        require: typeof scope.require,
        process: typeof scope.process,
      };
    });
    expect(reach).toEqual({ spoke: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
    await page.screenshot({ path: test.info().outputPath('electron-overview.png') });
  });
});
