import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePeloton, startFakePeloton } from '../../e2e/fake-peloton';
import { createPrng } from '../../e2e/fake-peloton/prng';
import { csvFolder } from '../../src/main/targets/deliver-targets';
import { query } from '../sync/kit';
import { spawnSyncCli } from './child-sync';
import { endState } from './end-state';
import { FULL, report } from './mode';
import type { Suite } from './suite';
import { PROGRESS, syncOnce } from './sync-runs';
import { type Folder, newFolder } from './world';

const PHASES = ['fetch', 'details', 'csv', 's3', 'postgres'] as const;
type Phase = (typeof PHASES)[number];

/** The phase a progress line of `spoke sync` belongs to. */
function phaseOf(line: string): Phase | null {
  if (!PROGRESS.test(line)) return null;
  const step = /: ([a-z0-9]+) \d+\/\d+$/.exec(line)?.[1];
  if (step === 'workouts') return 'fetch';
  return PHASES.find((p) => p === step) ?? null;
}

// Where in a phase to strike: at the n-th of its progress lines, n drawn from the
// first `share` of them, then after 0..maxDelayMs. Days are written in a few ms
// each, so the CSV step is struck early and at once; Postgres prints a start and an
// end line, so it is struck at the start.
const STRIKE: Record<Phase, { share: number; maxDelayMs: number }> = {
  fetch: { share: 1, maxDelayMs: 40 },
  details: { share: 1, maxDelayMs: 40 },
  csv: { share: 0.6, maxDelayMs: 5 },
  s3: { share: 0.9, maxDelayMs: 40 },
  postgres: { share: 0, maxDelayMs: 10 },
};

// Kill points from a seeded RNG. Full form: 4 per phase (20); short form: 1 per phase.
const rng = createPrng(20_260_101);
const POINTS = Array.from({ length: FULL ? 20 : 5 }, (_, i) => {
  const phase = PHASES[i % PHASES.length] as Phase;
  return { i: i + 1, phase, draw: rng.next(), delayMs: rng.int(0, STRIKE[phase].maxDelayMs) };
});

export function crashPoints(suite: Suite): void {
  // The suite's backfill with 10 ms per Peloton request, so fetching lasts long enough to be struck.
  let fake: FakePeloton;
  const linesPerPhase = new Map<Phase, number>();
  beforeAll(async () => {
    fake = await startFakePeloton({ ...suite.fake, latencyMs: 10 });
    for (const line of suite.cleanLines) {
      const phase = phaseOf(line);
      if (phase) linesPerPhase.set(phase, (linesPerPhase.get(phase) ?? 0) + 1);
    }
  });
  afterAll(() => fake?.close());

  describe('spoke sync killed with SIGKILL mid-backfill, then run again', () => {
    it.each(POINTS)(
      'kill $i, in $phase (+$delayMs ms): the rerun ends exactly where a clean run does',
      async (point) => {
        // On a real disk: writing the daily CSVs (one fsync each) lasts long enough to be struck.
        const folder = await newFolder(suite.world, fake, { onDisk: true });
        const count = linesPerPhase.get(point.phase) ?? 1;
        const nth = Math.min(count, 1 + Math.floor(point.draw * count * STRIKE[point.phase].share));
        let seen = 0;
        let after = '';
        const { done } = spawnSyncCli(folder, (line, child) => {
          if (after || phaseOf(line) !== point.phase || ++seen < nth) return;
          after = line;
          setTimeout(() => child.kill('SIGKILL'), point.delayMs);
        });
        const killed = await done;
        expect(
          killed.signal,
          `not killed: it ended first (exit ${killed.code}): ${killed.stderr.slice(-300)}`,
        ).toBe('SIGKILL');
        const left = await leftBehind(suite, folder);

        const rerun = await syncOnce(folder);
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(await endState(suite.world, folder)).toEqual(suite.clean);
        report({
          fault: `SIGKILL ${point.i}: ${point.phase}`,
          injected: `${point.delayMs} ms after "${after}"`,
          runs: 2,
          result: `hit ${left.phase}: ${left.text}; rerun equal to clean`,
        });
      },
    );
  });
}

/** What a killed run left: how far each step got, and the phase it was in. */
async function leftBehind(suite: Suite, folder: Folder): Promise<{ phase: string; text: string }> {
  const [{ n: cached = 0, open = 0 } = {}] = query<{ n: number; open: number }>(
    folder.dir,
    `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'COMPLETE' AND metrics_json IS NULL) AS open FROM workouts`,
  );
  let files: string[] = [];
  try {
    files = readdirSync(csvFolder(folder.dir));
  } catch {
    // not created yet
  }
  const temp = files.filter((f) => f.endsWith('.tmp')).length;
  const days = files.length - temp;
  const state = await endState(suite.world, folder);
  const { clean } = suite;
  const objects = Object.keys(state.s3).length;
  const total = { workouts: clean.cache.length, days: Object.keys(clean.csv).length };
  const phase =
    cached < total.workouts
      ? 'fetch (cache)'
      : open > 0
        ? 'details'
        : days < total.days || temp > 0
          ? 'csv'
          : objects < total.days
            ? 's3'
            : state.peloton.length < total.workouts
              ? 'postgres'
              : 'after postgres';
  const text = `${cached}/${total.workouts} cached (${open} without averages), ${days}/${total.days} CSVs${
    temp ? ` + ${temp} temp file` : ''
  }, ${objects} objects, ${state.peloton.length} rows`;
  return { phase, text };
}
