import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/main/cache/open-cache';
import { upsertWorkouts } from '../../src/main/cache/workouts-repo';
import type { WorkoutInput } from '../../src/main/imports/workout-input';
import { tempDir } from '../helpers/temp-dir';

const workout = (n: number, outputKj = 100): WorkoutInput => ({
  id: `w${String(n).padStart(4, '0')}`,
  riderName: 'Ann',
  startTime: 1_700_000_000 + n * 3600,
  timezone: null,
  title: `Ride ${n}`,
  instructorId: null,
  instructor: 'Ally Love',
  classType: 'cycling',
  rideKind: 'class',
  lengthMin: 20,
  outputKj,
  status: 'COMPLETE',
  source: 'seed',
  metricsJson: null,
  rawJson: null,
});

describe('upserting workouts into a cache that already has some', () => {
  it('counts and writes each workout once, also when an id comes again in the same write, near or far', () => {
    const db = openCache(join(tempDir(), 'spoke.db'));
    upsertWorkouts(db, [workout(0), workout(1)], 'import');
    // w0001 again with a new output; w0500 twice, the second time changed, 450 rows apart
    // (more than one read-ahead run); w0600 twice in a row, unchanged.
    const input = [
      workout(1, 150),
      ...Array.from({ length: 600 }, (_, i) => workout(i + 2)),
      workout(500, 321),
      workout(600),
    ];
    expect(upsertWorkouts(db, input, 'import')).toEqual({ inserted: 600, updated: 2, unchanged: 1 });
    const outputs = db
      .prepare('SELECT id, output_kj FROM workouts WHERE id IN (?, ?, ?)')
      .all('w0001', 'w0500', 'w0600');
    expect(outputs).toEqual([
      { id: 'w0001', output_kj: 150 },
      { id: 'w0500', output_kj: 321 },
      { id: 'w0600', output_kj: 100 },
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM workouts').pluck().get()).toBe(602);
    expect(upsertWorkouts(db, input.slice(0, 601), 'import')).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 600,
    });
    db.close();
  });
});
