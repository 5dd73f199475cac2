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

/** `spoke import` of a 100,000-row seed-format file into an empty cache, and again (all unchanged). */
export const bench: Bench = {
  title: `import: ${ROWS.toLocaleString('en')}-row seed-format CSV`,
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
      const db = openCache(join(dir, 'spoke.db'));
      let t = performance.now();
      const first = importFile(db, file);
      const firstRate = ROWS / ((performance.now() - t) / 1000);
      t = performance.now();
      const again = importFile(db, file);
      const againRate = ROWS / ((performance.now() - t) / 1000);
      db.close();
      if (first.inserted !== ROWS || again.unchanged !== ROWS)
        throw new Error('import bench: unexpected counts');
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
