import { describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../e2e/fake-peloton';
import { fakePeloton } from '../helpers/fake';
import { endState } from './end-state';
import { percent, RATES, report } from './mode';
import type { Suite } from './suite';
import { PROGRESS, syncOnce, syncUntilDone } from './sync-runs';
import { newFolder } from './world';

// Short retry waits and short faults: what is tested is the outcome, not the clock.
const KNOBS = { retryAfterSec: 0.02, slowMs: 40, timeoutMs: 60 };

export function pelotonFaults(suite: Suite): void {
  describe('spoke sync against a failing Peloton, with Postgres and S3 set', () => {
    const cases = FAULT_KINDS.flatMap((kind) => RATES.map((rate) => ({ kind, rate, label: percent(rate) })));

    it.each(cases)('$kind at $label ends exactly where a clean run does', async ({ kind, rate }) => {
      const fake = await fakePeloton(suite.fake);
      const folder = await newFolder(suite.world, fake);
      fake.admin.resetStats();
      fake.admin.setFaults({ rate, kinds: [kind], ...KNOBS });
      const { runs, errors } = await syncUntilDone(suite.world, folder, 6);
      const stats = fake.admin.stats();
      expect(stats.byFault[kind] ?? 0, 'no fault was injected').toBeGreaterThan(0);
      expect(await endState(suite.world, folder)).toEqual(suite.clean);
      report({
        fault: `Peloton ${kind} at ${percent(rate)}`,
        injected: `${stats.byFault[kind]} of ${stats.requests} requests`,
        runs,
        result: errors.length ? `equal to clean; earlier runs: ${errors.join(' / ')}` : 'equal to clean',
      });
    });

    it('the access token expiring mid-sync (at each step of each rider) costs one refresh each, and nothing else', async () => {
      const fake = await fakePeloton(suite.fake);
      const folder = await newFolder(suite.world, fake);
      fake.admin.resetStats();
      const seen = new Set<string>();
      const run = await syncOnce(folder, (line) => {
        if (!PROGRESS.test(line) || line.startsWith('All riders:')) return;
        // "Rider: step": the first progress line of each step of each rider.
        const step = line.replace(/ \d+\/\d+$/, '');
        if (seen.has(step)) return;
        seen.add(step);
        fake.admin.expireAllTokens();
      });
      expect(run.code, run.stderr).toBe(0);
      const stats = fake.admin.stats();
      // Each rider's first request after an expiry refreshes once; an expiry after a
      // rider's last request costs nothing.
      const riders = Array.isArray(suite.fake.riders) ? suite.fake.riders.length : 0;
      expect(stats.refreshes).toBeGreaterThanOrEqual(riders);
      expect(stats.refreshes).toBeLessThanOrEqual(seen.size);
      expect(await endState(suite.world, folder)).toEqual(suite.clean);
      report({
        fault: 'Access token expired mid-sync',
        injected: `every token expired ${seen.size} times (first line of each step); ${stats.refreshes} refreshes`,
        runs: 1,
        result: 'equal to clean',
      });
    });
  });
}
