import { test } from '@playwright/test';
import { newDataDir, SEED_CSV, type Served, spokeServe, spokeSync } from './spoke-cli';

/**
 * For one spec file: `spoke serve` over a cache holding the original pipeline's
 * all_rides.csv, in UTC so every number matches the notebook. Returns a getter for
 * the running server (valid inside tests).
 */
export function seededServe(): () => Served {
  let served: Served | undefined;
  let data: ReturnType<typeof newDataDir> | undefined;
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
  return () => {
    if (!served) throw new Error('spoke serve is not running (use the getter inside a test)');
    return served;
  };
}
