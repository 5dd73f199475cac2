import type { RecordRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  type ResolvedFilter,
  RIDE_COLUMNS,
  riderNames,
  rideWhereClause,
  type SqlParam,
  workoutsSource,
} from '../filter';
import { isoInstant, sortRows } from '../format';

type Candidate = { riderId: string; lengthMin: number; best: number; id: string; start: number };

/**
 * The best output per class length in the ride subset; a tie goes to the
 * earliest workout (then the smallest id). SQLite finds each group's best
 * output, then the workouts that reach it; JS breaks the (rare) ties. Two
 * passes over the subset cost less than ranking every ride with a window.
 */
export function records(db: Cache, f: ResolvedFilter): RecordRow[] {
  const { sql, params } = rideWhereClause(f);
  const names = riderNames(f);
  const from = workoutsSource(db, f, RIDE_COLUMNS).from;
  const candidates = db
    .prepare<SqlParam[], Candidate>(
      `WITH best AS MATERIALIZED (
         SELECT w.rider_id AS riderId, w.length_min AS lengthMin, MAX(w.output_kj) AS best
           FROM ${from} WHERE ${sql}
          GROUP BY w.rider_id, w.length_min
       )
       -- CROSS JOIN keeps the workouts as the outer loop: one pass, each row probing the few bests.
       SELECT b.riderId, b.lengthMin, b.best, w.id, w.start_time AS start
         FROM ${from} CROSS JOIN best b
           ON b.riderId = w.rider_id AND b.lengthMin = w.length_min AND b.best = w.output_kj
        WHERE ${sql}`,
    )
    .all(...params, ...params);
  const winners = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.riderId}\u0000${c.lengthMin}`;
    const w = winners.get(key);
    if (!w || c.start < w.start || (c.start === w.start && c.id < w.id)) winners.set(key, c);
  }
  const out = [...winners.values()].map((row) => ({
    rider: names.get(row.riderId) ?? row.riderId,
    lengthMin: row.lengthMin,
    bestOutputKj: row.best,
    workoutId: row.id,
    date: isoInstant(row.start),
  }));
  return sortRows(
    out,
    (r) => r.rider,
    (r) => r.lengthMin,
  );
}
