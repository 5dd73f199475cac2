import type { WorkoutInput } from '../imports/workout-input';
import type { PelotonWorkout } from './schemas';

const JUST_RIDE_ID = /^0{32}$/;

type RideKind = WorkoutInput['rideKind'];

/**
 * Lanebreak, as the original pipeline meant it: the ride carries lanebreak_info
 * and no instructor. Kept in one function, since real payloads may show a better signal.
 */
export function isLanebreak(w: PelotonWorkout): boolean {
  const ride = w.ride;
  return Boolean(
    ride && ride.lanebreak_info !== null && ride.lanebreak_info !== undefined && !ride.instructor_id,
  );
}

export function rideKind(w: PelotonWorkout): RideKind {
  if (isLanebreak(w)) return 'lanebreak';
  if (w.ride?.id && JUST_RIDE_ID.test(w.ride.id)) return 'just_ride';
  if (w.workout_type === 'scenic' || w.ride?.content_provider === 'virtual_active') return 'scenic';
  return 'class';
}

/**
 * A Peloton workout (list item joined with ride and instructor) as a cache row:
 * the seed-compatible columns of seed-pipeline.md section b, minus its bugs
 * (titles keep their apostrophes; instructors resolved beyond the first 100).
 */
export function toWorkout(
  w: PelotonWorkout,
  riderId: string,
  riderName: string,
  instructors: Map<string, string>,
): WorkoutInput {
  const kind = rideKind(w);
  const instructorId = w.ride?.instructor_id ?? null;
  const instructor =
    w.ride?.instructor?.name ?? (instructorId ? (instructors.get(instructorId) ?? null) : null);
  return {
    id: w.id.toLowerCase(),
    riderId,
    riderName,
    startTime: Math.floor(w.start_time),
    timezone: w.timezone ?? null,
    title: w.ride?.title ?? w.title ?? w.name ?? 'Workout',
    instructorId,
    instructor,
    classType: kind === 'lanebreak' ? 'lanebreak' : w.fitness_discipline,
    rideKind: kind,
    lengthMin: Math.trunc((w.ride?.duration ?? 0) / 60),
    outputKj: (w.total_work ?? 0) / 1000,
    status: w.status,
    source: 'peloton',
    metricsJson: null,
    rawJson: JSON.stringify(w),
  };
}
