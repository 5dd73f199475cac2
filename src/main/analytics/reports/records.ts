import type { RecordRow } from '../../../shared/reports';
import type { Cache } from '../../cache/open-cache';
import {
  type ResolvedFilter,
  RIDE_SUBSET_SQL,
  riderNames,
  type SqlParam,
  whereClause,
  workoutsTable,
} from '../filter';
import { isoInstant, sortRows } from '../format';

/** The best output per class length in the ride subset; a tie goes to the earliest workout. */
export function records(db: Cache, f: ResolvedFilter): RecordRow[] {
  const { sql, params } = whereClause(f);
  const names = riderNames(f);
  const rows = db
    .prepare<SqlParam[], { riderId: string; lengthMin: number; best: number; id: string; start: number }>(
      `SELECT riderId, lengthMin, best, id, start FROM (
         SELECT w.rider_id AS riderId, w.length_min AS lengthMin, w.output_kj AS best, w.id AS id,
                w.start_time AS start,
                ROW_NUMBER() OVER (PARTITION BY w.rider_id, w.length_min
                                   ORDER BY w.output_kj DESC, w.start_time, w.id) AS rank
           FROM ${workoutsTable(f)}
          WHERE ${sql} AND ${RIDE_SUBSET_SQL}
       ) WHERE rank = 1`,
    )
    .all(...params);
  const out = rows.map((row) => ({
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
