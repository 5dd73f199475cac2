import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { type Cache, openCache } from '../../src/main/cache/open-cache';

/** The original pipeline's CSV (the shared folder is beside the repository). */
export const SEED_FILE = resolve(__dirname, '../../../shared/data/seed/all_rides.csv');
export const FIXTURES = resolve(__dirname, '../fixtures');

const dirs: string[] = [];
const caches: Cache[] = [];

afterEach(() => {
  for (const db of caches.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spoke-imports-'));
  dirs.push(dir);
  return dir;
}

/** A fresh cache file in its own temporary folder, closed after the test. */
export function freshCache(): Cache {
  const db = openCache(join(tempFolder(), 'spoke.db'));
  caches.push(db);
  return db;
}

/** Writes a file (text as UTF-8, or raw bytes) in a temporary folder and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(tempFolder(), name);
  writeFileSync(path, content);
  return path;
}

export function countWorkouts(db: Cache): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM workouts').get() as { n: number }).n;
}

/** Every workout and rider, for comparing a cache before and after. */
export function snapshot(db: Cache): unknown {
  return {
    riders: db.prepare('SELECT id, name, source FROM riders ORDER BY id').all(),
    workouts: db
      .prepare(
        `SELECT id, rider_id, start_time, timezone, title, instructor_id, instructor, class_type, ride_kind,
                length_min, output_kj, status, source, metrics_json, raw_json, updated_at
         FROM workouts ORDER BY id`,
      )
      .all(),
  };
}

export type WorkoutRow = {
  id: string;
  rider_id: string;
  start_time: number;
  title: string;
  instructor: string | null;
  class_type: string;
  ride_kind: string;
  length_min: number;
  output_kj: number;
  source: string;
  metrics_json: string | null;
};

export function workouts(db: Cache): WorkoutRow[] {
  return db.prepare('SELECT * FROM workouts ORDER BY start_time, id').all() as WorkoutRow[];
}
