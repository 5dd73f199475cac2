import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReport } from '../src/main/analytics';
import { openCache } from '../src/main/cache/open-cache';
import { upsertWorkouts } from '../src/main/cache/workouts-repo';
import { reportNames } from '../src/shared/reports';
import { generateWorkouts } from './generate';
import type { Bench } from './types';

const WORKOUTS = 100_000;
const RUNS = 25;
const TARGET_MS = 50;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Every report with default filters on a cache of 100,000 workouts over 5 riders. */
export const bench: Bench = {
  title: `reports: median of ${RUNS} runs each, ${WORKOUTS.toLocaleString('en')} workouts, 5 riders`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'spoke-bench-'));
    try {
      const db = openCache(join(dir, 'spoke.db'));
      upsertWorkouts(db, generateWorkouts(WORKOUTS, 5), 'import');
      db.pragma('optimize');
      // Round by round, every report once per round, so that a slow minute of a shared
      // machine lands on every report's runs alike instead of on the one measured then.
      const cases = ['UTC', 'America/New_York'].flatMap((tz) => reportNames.map((name) => ({ tz, name })));
      const times = cases.map(() => [] as number[]);
      for (const { tz, name } of cases) runReport(db, name, { tz }, tz); // warm statement and page caches
      for (let i = 0; i < RUNS; i++) {
        cases.forEach(({ tz, name }, c) => {
          const t = performance.now();
          runReport(db, name, { tz }, tz);
          times[c]?.push(performance.now() - t);
        });
      }
      const figures = cases.map(({ tz, name }, c) => {
        const ms = median(times[c] ?? []);
        return {
          name: `${name} (${tz})`,
          value: ms,
          unit: 'ms',
          target: `< ${TARGET_MS} ms`,
          pass: ms < TARGET_MS,
        };
      });
      db.close();
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
