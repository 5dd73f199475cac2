import { createHash } from 'node:crypto';
import type { WorkoutInput } from '../imports/workout-input';
import type { Cache } from './open-cache';

export type UpsertCounts = { inserted: number; updated: number; unchanged: number };

/** A stable rider id for riders known only by name (imports); Peloton riders use their user id. */
export function localRiderId(name: string): string {
  return `local-${createHash('sha256').update(name.trim().toLowerCase()).digest('hex').slice(0, 16)}`;
}

const COLUMNS = [
  'rider_id',
  'start_time',
  'timezone',
  'title',
  'instructor_id',
  'instructor',
  'class_type',
  'ride_kind',
  'length_min',
  'output_kj',
  'status',
  'source',
  'metrics_json',
  'raw_json',
] as const;

/**
 * Writes workouts in one transaction, upserting by workout id: a row that is
 * already there with the same values is left alone, so a rerun changes nothing.
 */
export function upsertWorkouts(
  db: Cache,
  workouts: Iterable<WorkoutInput>,
  riderSource: 'peloton' | 'import' | 'demo',
): UpsertCounts {
  const now = Math.floor(Date.now() / 1000);
  const findRider = db.prepare<[string], { id: string }>(
    'SELECT id FROM riders WHERE name = ? COLLATE NOCASE',
  );
  const addRider = db.prepare('INSERT INTO riders (id, name, source, created_at) VALUES (?, ?, ?, ?)');
  const existing = db.prepare<[string], Record<(typeof COLUMNS)[number], unknown>>(
    `SELECT ${COLUMNS.join(', ')} FROM workouts WHERE id = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO workouts (id, ${COLUMNS.join(', ')}, updated_at) VALUES (?, ${COLUMNS.map(() => '?').join(', ')}, ?)`,
  );
  const update = db.prepare(
    `UPDATE workouts SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  );
  const riderIds = new Map<string, string>();
  const riderIdFor = (name: string): string => {
    const key = name.toLowerCase();
    let id = riderIds.get(key) ?? findRider.get(name)?.id;
    if (!id) {
      id = localRiderId(name);
      addRider.run(id, name, riderSource, now);
    }
    riderIds.set(key, id);
    return id;
  };
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  db.transaction(() => {
    for (const w of workouts) {
      const values = [
        riderIdFor(w.riderName),
        w.startTime,
        w.timezone,
        w.title,
        w.instructorId,
        w.instructor,
        w.classType,
        w.rideKind,
        w.lengthMin,
        w.outputKj,
        w.status,
        w.source,
        w.metricsJson,
        w.rawJson,
      ];
      const old = existing.get(w.id);
      if (!old) {
        insert.run(w.id, ...values, now);
        counts.inserted++;
      } else if (COLUMNS.some((c, i) => old[c] !== values[i])) {
        update.run(...values, now, w.id);
        counts.updated++;
      } else {
        counts.unchanged++;
      }
    }
  })();
  return counts;
}
