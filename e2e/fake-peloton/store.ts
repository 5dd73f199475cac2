import { DEFAULT_NEWEST_AT } from './constants';
import { generateInstructors, type InstructorRecord } from './instructors';
import { createPrng, deriveSeed, type Prng } from './prng';
import type { RiderRecord, WorkoutRecord } from './records';
import { generateRiders } from './riders';
import { generateRides, makeRide, type RideCatalog } from './rides';
import type { FakePelotonOptions, WorkoutPatch } from './types';
import { type FactoryContext, KIND_DISCIPLINE, makeWorkout } from './workout-factory';
import { generateWorkouts, newestFirst } from './workouts-gen';

/** Everything the fake serves, in memory: generated once per seed, then changed only through the admin calls. */
export type Store = {
  riders: RiderRecord[];
  instructors: InstructorRecord[];
  instructorById: Map<string, InstructorRecord>;
  catalog: RideCatalog;
  riderById(userId: string): RiderRecord | undefined;
  riderByEmail(email: string): RiderRecord | undefined;
  /** Newest first (`-created_at,-pk`). */
  workouts(userId: string): readonly WorkoutRecord[];
  workout(id: string): WorkoutRecord | undefined;
  addWorkout(userId: string, patch?: WorkoutPatch): WorkoutRecord;
  completeWorkout(id: string, totalWorkJ?: number): WorkoutRecord;
  deleteWorkout(id: string): boolean;
  /** The FTP test behind a workout-sourced FTP: the rider's oldest Power Zone class, if any. */
  ftpWorkoutId(userId: string): string | null;
  /** `{"YYYY-MM": count}` over all the rider's workouts (UTC months). */
  monthSummary(userId: string): Record<string, number>;
};

export function createStore(options: FakePelotonOptions): Store {
  const seed = options.seed ?? 1;
  const newestAt = options.newestAt ?? DEFAULT_NEWEST_AT;
  const catalogPrng = createPrng(deriveSeed(seed, 'catalog'));
  const instructors = generateInstructors(catalogPrng, Math.max(1, options.instructorCount ?? 130));
  const catalog = generateRides(catalogPrng, instructors, newestAt);
  const riders = generateRiders(seed, options.riders ?? 3, options.workoutsPerRider ?? 60, newestAt);
  const byUser = new Map<string, WorkoutRecord[]>();
  const byId = new Map<string, WorkoutRecord>();
  const summaries = new Map<string, Record<string, number>>();
  const additions = createPrng(deriveSeed(seed, 'additions'));
  const context = (rider: RiderRecord, prng: Prng): FactoryContext => ({ prng, rider, catalog, instructors });

  for (const rider of riders) {
    const list = generateWorkouts(
      context(rider, createPrng(deriveSeed(seed, `rider-${rider.index}`))),
      newestAt,
    );
    byUser.set(rider.userId, list);
    for (const w of list) byId.set(w.id, w);
  }
  const riderById = new Map(riders.map((r) => [r.userId, r]));
  const riderByEmail = new Map(riders.map((r) => [r.email.toLowerCase(), r]));
  const touched = (userId: string) => summaries.delete(userId);

  return {
    riders,
    instructors,
    instructorById: new Map(instructors.map((i) => [i.id, i])),
    catalog,
    riderById: (id) => riderById.get(id),
    riderByEmail: (email) => riderByEmail.get(email.toLowerCase()),
    workouts: (userId) => byUser.get(userId) ?? [],
    workout: (id) => byId.get(id),
    addWorkout(userId, patch = {}) {
      const rider = riderById.get(userId);
      if (!rider) throw new Error(`no rider ${userId}`);
      const list = byUser.get(userId) ?? [];
      const createdAt = patch.createdAt ?? Math.max(newestAt, list[0]?.createdAt ?? 0) + 3600;
      const kind = patch.kind ?? 'bike-class';
      const ctx = context(rider, additions);
      const ride = patch.title
        ? catalog.add(
            makeRide(additions, instructors, {
              title: patch.title,
              discipline: KIND_DISCIPLINE[kind],
              classType: 'Music',
              duration: 1200,
              originalAirTime: createdAt - 30 * 86_400,
            }),
          )
        : undefined;
      const w = makeWorkout(ctx, {
        kind,
        start: createdAt + 40,
        ride,
        status: patch.status,
        timezone: patch.timezone,
      });
      w.createdAt = createdAt;
      if (patch.totalWork !== undefined) {
        w.finalWork = patch.totalWork;
        w.totalWork = w.status === 'COMPLETE' ? patch.totalWork : Math.round(patch.totalWork * 40) / 100;
      }
      list.push(w);
      list.sort(newestFirst);
      byUser.set(userId, list);
      byId.set(w.id, w);
      touched(userId);
      return w;
    },
    completeWorkout(id, totalWorkJ) {
      const w = byId.get(id);
      if (!w) throw new Error(`no workout ${id}`);
      if (totalWorkJ !== undefined) w.finalWork = totalWorkJ;
      w.totalWork = w.finalWork;
      w.status = 'COMPLETE';
      w.endTime ??= w.startTime + w.ride.duration + 60;
      return w;
    },
    deleteWorkout(id) {
      const w = byId.get(id);
      if (!w) return false;
      byId.delete(id);
      const list = byUser.get(w.userId) ?? [];
      const at = list.indexOf(w);
      if (at >= 0) list.splice(at, 1);
      touched(w.userId);
      return true;
    },
    ftpWorkoutId(userId) {
      const list = byUser.get(userId) ?? [];
      for (let i = list.length - 1; i >= 0; i--) {
        const w = list[i];
        if (w?.kind === 'bike-class' && w.ride.classType === 'Power Zone') return w.id;
      }
      return null;
    },
    monthSummary(userId) {
      let summary = summaries.get(userId);
      if (!summary) {
        summary = {};
        for (const w of byUser.get(userId) ?? []) {
          const month = new Date(w.createdAt * 1000).toISOString().slice(0, 7);
          summary[month] = (summary[month] ?? 0) + 1;
        }
        summaries.set(userId, summary);
      }
      return summary;
    },
  };
}
