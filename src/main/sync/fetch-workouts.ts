import type { Cache } from '../cache/open-cache';
import { upsertWorkouts } from '../cache/workouts-repo';
import { UserError } from '../errors';
import type { PelotonApi } from '../peloton/peloton-api';
import type { PelotonWorkout } from '../peloton/schemas';
import { toWorkout } from '../peloton/to-workout';

/** Workouts created this close to the newest one seen may still change (late metrics, completion). */
export const SETTLE_SECONDS = 48 * 3600;
const SINCE_MARGIN_SECONDS = 24 * 3600;

export type RiderRef = { id: string; name: string };

export type FetchOutcome = {
  fetched: number;
  inserted: number;
  updated: number;
  newestCreatedAt: number | null;
};

type Progress = (done: number, total: number) => void;

/**
 * Pages a rider's workouts newest-first (joined with ride and instructor, 100 a
 * page) and writes each page to the cache as it arrives, so a long backfill never
 * holds the history in memory. Stops at the first page holding only known,
 * complete workouts created before the high-water mark minus 48 h, or, with
 * `sinceSec`, at the first page reaching back before that day.
 */
export async function fetchWorkouts(
  db: Cache,
  api: PelotonApi,
  rider: RiderRef,
  opts: {
    highWaterMark: number | null;
    sinceSec: number | null;
    instructors: () => Promise<Map<string, string>>;
  },
  progress: Progress,
  /** Counted into as pages commit, so a rider failing mid-paging still reports what was written. */
  outcome: FetchOutcome = { fetched: 0, inserted: 0, updated: 0, newestCreatedAt: null },
): Promise<FetchOutcome> {
  const seen = new Set<string>();
  const known = db.prepare<[string], { status: string }>('SELECT status FROM workouts WHERE id = ?');
  let instructors = new Map<string, string>();
  // Peloton filters `from` on created_at, which can fall before start_time (the class lobby, a
  // countdown, a workout begun just before midnight): ask from a day earlier so none is missed.
  const sinceIso =
    opts.sinceSec === null
      ? undefined
      : new Date((opts.sinceSec - SINCE_MARGIN_SECONDS) * 1000).toISOString();

  for (let page = 0; ; page++) {
    const res = await api.workoutsPage(rider.id, page, sinceIso);
    const items = res.data;
    if (items.length === 0) break;
    if (items.some((w) => needsInstructorList(w, instructors))) instructors = await opts.instructors();
    const settled = items.every((w) => {
      const before = known.get(w.id.toLowerCase());
      return (
        before?.status === 'COMPLETE' &&
        w.status === 'COMPLETE' &&
        opts.highWaterMark !== null &&
        w.created_at < opts.highWaterMark - SETTLE_SECONDS
      );
    });
    const counts = upsertWorkouts(
      db,
      items.map((w) => toWorkout(w, rider.id, rider.name, instructors)),
      'peloton',
    );
    for (const w of items) seen.add(w.id.toLowerCase());
    outcome.fetched += items.length;
    outcome.inserted += counts.inserted;
    outcome.updated += counts.updated;
    outcome.newestCreatedAt = Math.max(outcome.newestCreatedAt ?? 0, ...items.map((w) => w.created_at));
    const pageCount = res.page_count ?? page + 1;
    progress(page + 1, Math.max(pageCount, page + 1));
    if (opts.sinceSec === null && settled) break;
    if (opts.sinceSec !== null && items.some((w) => w.start_time < (opts.sinceSec ?? 0))) break;
    if (res.show_next === false || pageCount <= page + 1) break;
  }

  // Workouts still in progress when last seen, and not on the pages read: ask for each.
  const open = db
    .prepare<[string], { id: string }>(
      "SELECT id FROM workouts WHERE rider_id = ? AND status = 'IN_PROGRESS'",
    )
    .all(rider.id)
    .filter((w) => !seen.has(w.id));
  for (const { id } of open) {
    let w: PelotonWorkout;
    try {
      w = await api.workout(id);
    } catch (error) {
      // Abandoned and deleted on Peloton: forget it, rather than fail every sync from now on.
      if (!(error instanceof UserError && error.code === 'not_found')) throw error;
      db.prepare('DELETE FROM workouts WHERE id = ?').run(id);
      continue;
    }
    const counts = upsertWorkouts(db, [toWorkout(w, rider.id, rider.name, instructors)], 'peloton');
    outcome.fetched += 1;
    outcome.updated += counts.updated;
  }
  return outcome;
}

function needsInstructorList(w: PelotonWorkout, known: Map<string, string>): boolean {
  const id = w.ride?.instructor_id;
  return Boolean(id && !w.ride?.instructor?.name && !known.has(id));
}
