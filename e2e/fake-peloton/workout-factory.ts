import type { InstructorRecord } from './instructors';
import type { Prng } from './prng';
import type { RideRecord, RiderRecord, WorkoutRecord } from './records';
import { justRide, makeRide, pickRide, type RideCatalog } from './rides';
import { etcZone, offsetSeconds } from './time-zones';
import type { WorkoutKind } from './types';

/** Workouts before this instant carry the rider's named zone; later ones `Etc/GMT±N` (peloton-api.md 4). */
export const ETC_ZONES_FROM = Date.UTC(2026, 0, 1) / 1000;

export type FactoryContext = {
  prng: Prng;
  rider: RiderRecord;
  catalog: RideCatalog;
  instructors: readonly InstructorRecord[];
};

export type WorkoutChoice = {
  kind: WorkoutKind;
  /** Epoch seconds the workout starts. */
  start: number;
  ride?: RideRecord;
  status?: 'COMPLETE' | 'IN_PROGRESS';
  timezone?: string;
  /** Keep the class at most this long (edge-case workouts must not overlap). */
  maxSeconds?: number;
};

export const KIND_DISCIPLINE: Record<WorkoutKind, string> = {
  'bike-class': 'cycling',
  lanebreak: 'cycling',
  scenic: 'cycling',
  'just-ride': 'cycling',
  strength: 'strength',
  yoga: 'yoga',
  meditation: 'meditation',
  stretching: 'stretching',
  tread: 'running',
  'outdoor-run': 'running',
  row: 'caesar',
  'app-only': 'cardio',
};

/** kcal per minute of the non-output disciplines. */
const KCAL_PER_MIN: Partial<Record<WorkoutKind, number>> = {
  strength: 6,
  yoga: 3.5,
  meditation: 1,
  stretching: 2.5,
  'app-only': 7,
  'outdoor-run': 11,
};

const round2 = (n: number) => Math.round(n * 100) / 100;

function chooseRide(ctx: FactoryContext, choice: WorkoutChoice): RideRecord {
  const { prng, catalog } = ctx;
  if (choice.ride) return choice.ride;
  switch (choice.kind) {
    case 'just-ride':
      return justRide(prng, prng.int(10, 45) * 60 + prng.int(0, 59));
    case 'scenic':
      return prng.pick(catalog.scenic);
    case 'lanebreak':
      return prng.pick(catalog.lanebreak);
    case 'outdoor-run': {
      const runs = (catalog.byDiscipline.get('running') ?? []).filter((r) => r.classType === 'Outdoor');
      return prng.pick(runs);
    }
    case 'bike-class':
      if (!choice.maxSeconds && prng.chance(0.05)) {
        // Taken live: the class aired when the rider started it.
        const template = pickRide(prng, catalog, 'cycling', choice.start);
        return catalog.add(
          makeRide(prng, ctx.instructors, {
            title: template.title,
            discipline: template.discipline,
            classType: template.classType,
            duration: template.duration,
            originalAirTime: choice.start - prng.int(0, 240),
          }),
        );
      }
      break;
    default:
      break;
  }
  const discipline = KIND_DISCIPLINE[choice.kind];
  let ride = pickRide(prng, catalog, discipline, choice.start);
  for (let i = 0; choice.maxSeconds && ride.duration > choice.maxSeconds && i < 50; i++) {
    ride = pickRide(prng, catalog, discipline, choice.start);
  }
  return ride;
}

/** Seconds of the video before pedaling starts. */
export function introSeconds(ride: RideRecord): number {
  if (ride.classType === null) return 0;
  return ride.contentProvider === 'virtual_active' ? 5 : 60;
}

/** One workout with outputs that hang together (watts × seconds = joules, speed from watts). */
export function makeWorkout(ctx: FactoryContext, choice: WorkoutChoice): WorkoutRecord {
  const { prng, rider } = ctx;
  const ride = chooseRide(ctx, choice);
  const seconds = ride.duration;
  const offsetSec = offsetSeconds(rider.timezone, choice.start);
  const timezone = choice.timezone ?? (choice.start < ETC_ZONES_FROM ? rider.timezone : etcZone(offsetSec));
  const m = metricsFor(prng, choice.kind, rider.ftp, ride);
  const totalWork = round2(m.avgWatts * seconds + prng.range(-300, 300) * (m.avgWatts > 0 ? 1 : 0));
  const finalWork = Math.max(0, totalWork);
  const kcalPerMin = KCAL_PER_MIN[choice.kind];
  const calories = kcalPerMin
    ? Math.round(kcalPerMin * (seconds / 60) * prng.range(0.85, 1.15))
    : Math.round((finalWork / 1000) * 1.1 + prng.range(0, 25));
  const inProgress = choice.status === 'IN_PROGRESS';
  const start = choice.start;
  const air = ride.originalAirTime;
  return {
    id: prng.hexId(),
    userId: rider.userId,
    kind: choice.kind,
    ride,
    status: inProgress ? 'IN_PROGRESS' : 'COMPLETE',
    createdAt: start - prng.int(20, 75),
    startTime: start,
    endTime: inProgress ? null : start + introSeconds(ride) + seconds + prng.int(0, 30),
    timezone,
    offsetSec: offsetSeconds(timezone, start),
    totalWork: inProgress ? round2(finalWork * 0.4) : finalWork,
    finalWork,
    ...m,
    calories,
    avgHeartRate: choice.kind === 'app-only' || prng.chance(0.3) ? null : round2(prng.range(105, 165)),
    isLive: air !== null && Math.abs(start - air) < 900,
    isPersonalRecord: choice.kind === 'bike-class' && prng.chance(0.03),
    seed: prng.seed(),
  };
}

type Metrics = Pick<WorkoutRecord, 'avgWatts' | 'avgCadence' | 'avgResistance' | 'avgSpeed' | 'avgIncline'>;

function metricsFor(prng: Prng, kind: WorkoutKind, ftp: number, ride: RideRecord): Metrics {
  const none: Metrics = { avgWatts: 0, avgCadence: 0, avgResistance: 0, avgSpeed: 0, avgIncline: 0 };
  switch (kind) {
    case 'bike-class':
    case 'scenic':
    case 'just-ride':
    case 'lanebreak': {
      const easy = ride.classType === 'Warm Up' || ride.classType === 'Cool Down' || kind === 'lanebreak';
      const watts = Math.round(ftp * (easy ? prng.range(0.35, 0.55) : prng.range(0.6, 0.95)));
      return {
        ...none,
        avgWatts: watts,
        avgCadence: prng.int(70, 95),
        avgResistance: prng.int(easy ? 25 : 32, easy ? 35 : 52),
        avgSpeed: round2(1.55 * Math.sqrt(watts) + 0.6),
      };
    }
    case 'tread': {
      const speed = round2(prng.range(4.5, 8.2));
      return {
        ...none,
        avgWatts: Math.round(speed * prng.range(18, 24)),
        avgSpeed: speed,
        avgIncline: round2(prng.range(0.5, 4)),
      };
    }
    case 'outdoor-run':
      return { ...none, avgSpeed: round2(prng.range(5, 7.5)) };
    case 'row': {
      const watts = prng.int(90, 170);
      return { ...none, avgWatts: watts, avgCadence: prng.int(20, 28), avgSpeed: round2(6 + watts / 40) };
    }
    default:
      return none;
  }
}
