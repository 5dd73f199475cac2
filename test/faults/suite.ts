import { afterAll, beforeAll } from 'vitest';
import type { FakePelotonOptions } from '../../e2e/fake-peloton';
import type { EndState } from './end-state';
import { cleanRun } from './sync-runs';
import { startWorld, type World } from './world';

/**
 * What every group of fault tests shares: one Postgres and one S3, the fake
 * Peloton's options (a fixed seed), and what a clean sync of a fresh folder ends
 * at, with the progress lines it printed. Filled in beforeAll.
 */
export type Suite = { world: World; fake: FakePelotonOptions; clean: EndState; cleanLines: string[] };

export function faultSuite(fake: FakePelotonOptions): Suite {
  const suite = { fake, cleanLines: [] as string[] } as unknown as Suite;
  beforeAll(async () => {
    suite.world = await startWorld();
    suite.clean = await cleanRun(suite.world, fake, (line) => suite.cleanLines.push(line));
  }, 90_000);
  afterAll(async () => {
    await Promise.all([suite.world?.pg.close(), suite.world?.s3.close()]);
  });
  return suite;
}
