import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { fakePeloton } from '../helpers/fake';
import { endState, expectWhole } from './end-state';
import { percent, RATES, report } from './mode';
import { RELAY_FAULTS, type S3Relay, startS3Relay } from './s3-relay';
import type { Suite } from './suite';
import { expectClearFailure, syncOnce, syncUntilDone } from './sync-runs';
import { newFolder, type World } from './world';

// Spoke's advisory lock key ('spok', see pg-load.ts).
const SPOKE_LOCK = 0x73706f6b;
// What a run that gave up says about each fault.
const SAYS = {
  '500': /S3 refused the request \((500|InternalError: .+)\)\./,
  stall: /closed the connection; try again later\./,
  'lost-answer': /closed the connection; try again later\./,
};

export function targetFaults(suite: Suite): void {
  let relay: S3Relay | null = null;
  afterEach(async () => {
    await relay?.close();
    relay = null;
  });

  describe('spoke sync when S3 fails', () => {
    const cases = RELAY_FAULTS.flatMap((kind) => RATES.map((rate) => ({ kind, rate, label: percent(rate) })));

    it.each(cases)(
      'S3 $kind at $label: reruns end exactly where a clean run does',
      async ({ kind, rate }) => {
        const { world } = suite;
        relay = await startS3Relay(world.s3.endpoint, 5);
        const fake = await fakePeloton(suite.fake);
        const folder = await newFolder(world, fake, { s3Endpoint: relay.url });
        relay.set({ rate, kind, stallMs: 150 });
        const { runs, errors } = await syncUntilDone(world, folder, 12);
        expect(relay.injected, 'no fault was injected').toBeGreaterThan(0);
        for (const e of errors) {
          expect(e).toMatch(/^spoke: S3: \d+ days? waiting \(.+\)\. The next sync will deliver/);
          expect(e).toMatch(SAYS[kind]);
        }
        const state = await endState(world, folder);
        expect(state).toEqual(suite.clean);
        // Each object written fires the original Lambda once.
        const writes = world.s3.writes.filter((k) => k.startsWith(`${folder.prefix}/`)).length;
        report({
          fault: `S3 ${kind} at ${percent(rate)}`,
          injected: `${relay.injected} of ${relay.requests} requests; ${writes} objects written for ${Object.keys(state.s3).length} keys`,
          runs,
          result: `equal to clean${errors.length ? `; earlier runs: ${[...new Set(errors)].join(' / ')}` : ''}`,
        });
      },
    );
  });

  describe('spoke sync when Postgres goes down', () => {
    it('stopped mid-load (inside its transaction), then restarted: nothing is committed, the next sync delivers', async ({
      skip,
    }) => {
      const { world } = suite;
      if (!world.pg.canRestart) skip('a server from SPOKE_TEST_DATABASE_URL is not ours to stop');
      const fake = await fakePeloton(suite.fake);
      const folder = await newFolder(world, fake);
      // Holding Spoke's advisory lock makes its load wait inside its open transaction.
      const holder = new pg.Client({ connectionString: folder.dbUrl });
      holder.on('error', () => {});
      await holder.connect();
      await holder.query('SELECT pg_advisory_lock($1)', [SPOKE_LOCK]);
      let stopping: Promise<boolean> | null = null;
      const run = await syncOnce(folder, (line) => {
        if (line.startsWith('All riders: postgres 0/')) stopping ??= stopWhenLoadWaits(world);
      });
      const midLoad = await stopping;
      await holder.end().catch(() => {});
      await world.pg.start();
      expect(midLoad, 'the load was not seen waiting inside its transaction').toBe(true);
      const line = expectClearFailure(run);
      expect(line).toMatch(/^spoke: Postgres: \d+ days waiting \(.+\)\. The next sync will deliver them\.$/);
      await expectWhole(world, folder);
      const after = await endState(world, folder);
      expect(after.peloton).toEqual([]);
      expect(after.s3).toEqual(suite.clean.s3);

      const { runs } = await syncUntilDone(world, folder, 2);
      expect(await endState(world, folder)).toEqual(suite.clean);
      report({
        fault: 'Postgres stopped mid-load, restarted after the run',
        injected: 'fast shutdown while the load waited inside its transaction',
        runs: runs + 1,
        result: `${line}; nothing committed; next run equal to clean`,
      });
    });
  });
}

/** Stops the server once Spoke's load is inside its transaction, waiting for the lock; whether it was seen there. */
async function stopWhenLoadWaits(w: World): Promise<boolean> {
  let seen = false;
  for (let i = 0; i < 500 && !seen; i++) {
    const waiting = await w.pg.sql(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'spoke' AND wait_event_type = 'Lock'",
    );
    seen = waiting.rows[0]?.n > 0;
    if (!seen) await new Promise((r) => setTimeout(r, 10));
  }
  await w.pg.stop();
  return seen;
}
