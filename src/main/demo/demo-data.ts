import type { Cache } from '../cache/open-cache';
import { removeRider } from '../cache/riders-repo';
import { upsertWorkouts } from '../cache/workouts-repo';
import type { WorkoutInput } from '../imports/workout-input';

/** Invented riders and instructors: demo data never shows anyone's personal history. */
const RIDERS = ['Demo · Alex', 'Demo · Sam'];
const INSTRUCTORS = [
  'Ava Stone',
  'Ben Carter',
  'Chloe Park',
  'Diego Ruiz',
  'Emma Quinn',
  'Felix Moore',
  'Grace Lee',
];
const KINDS: { classType: string; weight: number; lengths: number[]; kjPerMin: number }[] = [
  { classType: 'cycling', weight: 45, lengths: [15, 20, 20, 30, 30, 45], kjPerMin: 8.5 },
  { classType: 'yoga', weight: 15, lengths: [10, 20, 30], kjPerMin: 0 },
  { classType: 'strength', weight: 15, lengths: [10, 20, 30], kjPerMin: 0 },
  { classType: 'stretching', weight: 10, lengths: [5, 10], kjPerMin: 0 },
  { classType: 'meditation', weight: 6, lengths: [5, 10], kjPerMin: 0 },
  { classType: 'lanebreak', weight: 5, lengths: [15, 20, 30], kjPerMin: 8 },
  { classType: 'running', weight: 4, lengths: [20, 30], kjPerMin: 0 },
];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The kind a roll in [0, total weight) falls on. */
function weightedPick(roll: number): (typeof KINDS)[number] {
  let left = roll;
  for (const kind of KINDS) {
    left -= kind.weight;
    if (left < 0) return kind;
  }
  return KINDS[0] as (typeof KINDS)[number];
}

/** About 18 months of plausible training for two invented riders, ending today. */
export function demoWorkouts(now = Date.now(), seed = 2026): WorkoutInput[] {
  const rand = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const total = KINDS.reduce((n, k) => n + k.weight, 0);
  const out: WorkoutInput[] = [];
  const days = 540;
  RIDERS.forEach((riderName, r) => {
    for (let d = days; d >= 0; d--) {
      if (rand() > (r === 0 ? 0.55 : 0.7)) continue;
      const sessions = rand() < 0.25 ? 2 : 1;
      for (let s = 0; s < sessions; s++) {
        const kind = weightedPick(rand() * total);
        const lengthMin = pick(kind.lengths);
        const hour = r === 0 ? 6 + Math.floor(rand() * 3) : 17 + Math.floor(rand() * 4);
        const startTime =
          Math.floor(now / 1000 / 86400 - d) * 86400 + hour * 3600 + s * 2700 + Math.floor(rand() * 600);
        const progress = 1 + 0.25 * (1 - d / days);
        const outputKj = kind.kjPerMin
          ? Math.round(lengthMin * kind.kjPerMin * progress * (0.85 + rand() * 0.3) * 10) / 10
          : 0;
        out.push({
          id: `de${r}${startTime.toString(16).padStart(10, '0')}${s}`.padEnd(32, '0'),
          riderName,
          startTime,
          timezone: 'UTC',
          title: `${lengthMin} min ${kind.classType === 'lanebreak' ? 'Lanebreak' : kind.classType.replace(/^\w/, (c) => c.toUpperCase())} ${kind.classType === 'cycling' ? 'Ride' : 'Class'}`,
          instructorId: null,
          instructor: kind.classType === 'lanebreak' ? null : pick(INSTRUCTORS),
          classType: kind.classType,
          rideKind: kind.classType === 'lanebreak' ? 'lanebreak' : 'class',
          lengthMin,
          outputKj,
          status: 'COMPLETE',
          source: 'demo',
          metricsJson: null,
          rawJson: null,
        });
      }
    }
  });
  return out;
}

export function loadDemo(db: Cache): number {
  return upsertWorkouts(db, demoWorkouts(), 'demo').inserted;
}

/** Removes every demo rider and their workouts; real data is never touched. */
export function removeDemo(db: Cache): number {
  const riders = db.prepare<[], { id: string }>("SELECT id FROM riders WHERE source = 'demo'").all();
  return riders.reduce((n, r) => n + removeRider(db, r.id), 0);
}

export function hasDemo(db: Cache): boolean {
  return Boolean(db.prepare("SELECT 1 FROM riders WHERE source = 'demo' LIMIT 1").get());
}
