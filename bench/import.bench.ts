import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache } from '../src/main/cache/open-cache';
import { csvLine } from '../src/main/exports/csv-write';
import { importFile } from '../src/main/imports/import-file';
import { SEED_COLUMNS } from '../src/main/imports/seed-format';
import { generateWorkouts } from './generate';
import type { Bench } from './types';

const ROWS = 100_000;
const TARGET = 50_000;
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * `spoke import` of a 100,000-row seed-format file into an empty cache, and again (all
 * unchanged): the median of RUNS fresh caches, as one import moves by a third from run to run.
 */
export const bench: Bench = {
  title: `import: ${ROWS.toLocaleString('en')}-row seed-format CSV, median of ${RUNS} runs`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'spoke-bench-'));
    try {
      const file = join(dir, 'rides.csv');
      const lines = [csvLine(SEED_COLUMNS)];
      for (const w of generateWorkouts(ROWS, 5)) {
        const date = new Date(w.startTime * 1000).toISOString().slice(0, 19).replace('T', ' ');
        lines.push(
          csvLine([
            w.id,
            date,
            w.title,
            w.instructor ?? 'no instructor',
            w.classType,
            String(w.lengthMin),
            w.outputKj.toFixed(1),
            w.riderName,
          ]),
        );
      }
      writeFileSync(file, lines.join(''));
      const firstRates: number[] = [];
      const againRates: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const db = openCache(join(dir, `spoke-${run}.db`));
        let t = performance.now();
        const first = importFile(db, file);
        firstRates.push(ROWS / ((performance.now() - t) / 1000));
        t = performance.now();
        const again = importFile(db, file);
        againRates.push(ROWS / ((performance.now() - t) / 1000));
        db.close();
        if (first.inserted !== ROWS || again.unchanged !== ROWS)
          throw new Error('import bench: unexpected counts');
      }
      const firstRate = median(firstRates);
      const againRate = median(againRates);
      return [
        {
          name: 'first import into an empty cache',
          value: Math.round(firstRate),
          unit: 'rows/s',
          target: `> ${TARGET.toLocaleString('en')}`,
          pass: firstRate > TARGET,
        },
        {
          name: 'same file again (every row unchanged)',
          value: Math.round(againRate),
          unit: 'rows/s',
          target: `> ${TARGET.toLocaleString('en')}`,
          pass: againRate > TARGET,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
