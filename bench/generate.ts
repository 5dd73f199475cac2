import type { WorkoutInput } from '../src/main/imports/workout-input';

/** A small seeded PRNG (mulberry32), so every benchmark run sees the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = [
  'cycling',
  'cycling',
  'cycling',
  'yoga',
  'strength',
  'stretching',
  'meditation',
  'lanebreak',
  'bike_bootcamp',
  'running',
];
const LENGTHS = [5, 10, 15, 20, 20, 30, 30, 45, 60];
const INSTRUCTORS = Array.from(
  { length: 45 },
  (_, i) => `Instructor ${String.fromCharCode(65 + (i % 26))}${i}`,
);

/**
 * `count` workouts over `riders` riders across about five years, shaped like the seed:
 * mostly cycling with output, other types at 0 kJ, a few Lanebreak rides without instructor.
 */
export function* generateWorkouts(count: number, riders: number, seed = 42): Generator<WorkoutInput> {
  const rand = prng(seed);
  const start = Date.UTC(2021, 0, 1) / 1000;
  const span = 5 * 365 * 86400;
  for (let i = 0; i < count; i++) {
    const classType = TYPES[Math.floor(rand() * TYPES.length)] ?? 'cycling';
    const lengthMin = LENGTHS[Math.floor(rand() * LENGTHS.length)] ?? 20;
    const rides = classType === 'cycling' || classType === 'lanebreak' || classType === 'bike_bootcamp';
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    yield {
      id: `${hex(i)}${hex(seed)}${hex(Math.floor(rand() * 2 ** 32))}${hex(Math.floor(rand() * 2 ** 32))}`,
      riderName: `Rider ${(i % riders) + 1}`,
      startTime: Math.floor(start + rand() * span),
      timezone: null,
      title: `${lengthMin} min ${classType === 'cycling' ? 'HIIT Ride' : 'Class'}`,
      instructorId: null,
      instructor:
        classType === 'lanebreak' ? null : (INSTRUCTORS[Math.floor(rand() * INSTRUCTORS.length)] ?? null),
      classType,
      rideKind: classType === 'lanebreak' ? 'lanebreak' : 'class',
      lengthMin,
      outputKj: rides ? Math.round((lengthMin * 8 + rand() * lengthMin * 4) * 10) / 10 : 0,
      status: 'COMPLETE',
      source: 'seed',
      metricsJson: null,
      rawJson: null,
    };
  }
}
