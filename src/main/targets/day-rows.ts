import { createHash } from 'node:crypto';
import type { Cache } from '../cache/open-cache';
import type { StoredWorkout } from '../cache/workouts-repo';
import { seedFields } from '../exports/export-workouts';

/** A cached workout with everything the daily CSV and the Postgres tables carry. */
export type DayWorkout = StoredWorkout & {
  instructorId: string | null;
  status: string;
  rawJson: string | null;
};

/** The original pipeline's daily file name: `YYYY_MM_DD.csv`. */
export function dayFileName(day: string): string {
  return `${day.replaceAll('-', '_')}.csv`;
}

const DAY_FILE = /^(\d{4})_(\d{2})_(\d{2})\.csv$/;

/** The day a daily file name stands for, or null for any other file. */
export function dayOfFileName(name: string): string | null {
  const m = DAY_FILE.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

const SELECT = `
  SELECT w.id, w.rider_id AS riderId, r.name AS riderName, w.start_time AS startTime,
         w.timezone, w.title, w.instructor_id AS instructorId, w.instructor, w.class_type AS classType,
         w.ride_kind AS rideKind, w.length_min AS lengthMin, w.output_kj AS outputKj, w.status,
         w.source, w.metrics_json AS metricsJson, w.raw_json AS rawJson
  FROM workouts w JOIN riders r ON r.id = w.rider_id
  -- Generated demo data stays in the app: it is never written to a CSV, S3 or Postgres.
  WHERE w.start_time >= ? AND w.start_time < ? AND r.source != 'demo'
  ORDER BY r.name COLLATE NOCASE, r.name, r.id, w.start_time DESC, w.id`;

/**
 * The workouts of one UTC day, in the export's order: one block per rider (by
 * name), each newest first, ties by id; the original's daily file, made deterministic.
 */
export function dayWorkouts(db: Cache, day: string): DayWorkout[] {
  const start = Date.parse(`${day}T00:00:00Z`) / 1000;
  return db.prepare<[number, number], DayWorkout>(SELECT).all(start, start + 86_400);
}

/** One `peloton` + `peloton_workout_details` row, as text (Postgres casts it). */
export type PgWorkoutRow = {
  /** workout_id, date, class_title, instructor, class_type, length_min, total_output_kj, rider_name */
  seed: string[];
  riderId: string;
  timezone: string | null;
  status: string;
  rideKind: string;
  instructorId: string | null;
  metricsJson: string | null;
  rawJson: string | null;
};

export function pgRow(w: DayWorkout): PgWorkoutRow {
  return {
    seed: seedFields(w),
    riderId: w.riderId,
    timezone: w.timezone,
    status: w.status,
    rideKind: w.rideKind,
    instructorId: w.instructorId,
    metricsJson: w.metricsJson,
    rawJson: w.rawJson,
  };
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A checksum of everything a day's Postgres rows carry: equal means nothing to load. */
export function dataChecksum(rows: PgWorkoutRow[]): string {
  return sha256(JSON.stringify(rows));
}
