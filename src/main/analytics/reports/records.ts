import type { RecordRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  lengthOrderedSource,
  type ResolvedFilter,
  RIDE_COLUMNS,
  riderNames,
  rideWhereClause,
  type SqlParam,
} from '../filter';
import { isoInstant, sortRows } from '../format';

type Candidate = { riderId: string; lengthMin: number; best: number; id: string; start: number };

/**
 * The best output per class length in the ride subset; a tie goes to the
 * earliest workout (then the smallest id). SQLite finds each group's best
 * output, then the workouts that reach it; JS breaks the (rare) ties. Two
 * passes over the subset cost less than ranking every ride with a window. Over
 * most of the cache both read the length-ordered index: the first groups rows as
 * they come, the second looks up each group's best.
 */
export function records(db: Cache, f: ResolvedFilter): RecordRow[] {
  const { sql, params } = rideWhereClause(f);
  const names = riderNames(f);
  const source = lengthOrderedSource(db, f, RIDE_COLUMNS);
  const from = source.from;
  // By length, each best is looked up in its (rider, length) range; otherwise the
  // workouts stay the outer loop: one pass, each row probing the few bests.
  const join = source.byLength ? `best b CROSS JOIN ${from}` : `${from} CROSS JOIN best b`;
  const candidates = db
    .prepare<SqlParam[], Candidate>(
      `WITH best AS MATERIALIZED (
         SELECT w.rider_id AS riderId, w.length_min AS lengthMin, MAX(w.output_kj) AS best
           FROM ${from} WHERE ${sql}
          GROUP BY w.rider_id, w.length_min
       )
       SELECT b.riderId, b.lengthMin, b.best, w.id, w.start_time AS start
         FROM ${join}
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
