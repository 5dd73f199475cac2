import type { RiderRecord, WorkoutRecord } from './records';
import { disciplineDisplay } from './ride-json';
import type { Store } from './store';
import { offsetSeconds, wallClock, zoneLabel } from './time-zones';

const KM_PER_MI = 1.609344;

/** The 18 columns of Peloton's "Download Workouts" (peloton-api.md 4), imperial family. */
export const CSV_COLUMNS_IMPERIAL = [
  'Workout Timestamp',
  'Live/On-Demand',
  'Instructor Name',
  'Length (minutes)',
  'Fitness Discipline',
  'Type',
  'Title',
  'Class Timestamp',
  'Total Output',
  'Avg. Watts',
  'Avg. Resistance',
  'Avg. Cadence (RPM)',
  'Avg. Speed (mph)',
  'Distance (mi)',
  'Calories Burned',
  'Avg. Heartrate',
  'Avg. Incline',
  'Avg. Pace (min/mi)',
] as const;

/** Metric-unit accounts: three headers differ. */
export const CSV_COLUMNS_METRIC = CSV_COLUMNS_IMPERIAL.map((c) =>
  c === 'Avg. Speed (mph)'
    ? 'Avg. Speed (kph)'
    : c === 'Distance (mi)'
      ? 'Distance (km)'
      : c === 'Avg. Pace (min/mi)'
        ? 'Avg. Pace (min/km)'
        : c,
);

/** RFC 4180 quoting only: formula-like text (`=SUM(A1)`) is written as is, as Peloton does. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `2021-03-02 06:45 (EST)` or `2023-11-08 12:04 (-06)`: the workout's own zone, to the minute. */
function stamp(epochSec: number, zone: string): string {
  return `${wallClock(epochSec, offsetSeconds(zone, epochSec))} (${zoneLabel(zone, epochSec)})`;
}

function row(store: Store, w: WorkoutRecord, metric: boolean, fallbackZone: string): string[] {
  const ride = w.ride;
  const zone = w.timezone || fallbackZone;
  const toDist = (mi: number) => (metric ? mi * KM_PER_MI : mi);
  const noClass = w.kind === 'just-ride' || w.kind === 'scenic' || w.kind === 'lanebreak';
  const pedaling = noClass || w.kind === 'bike-class';
  const run = w.kind === 'tread' || w.kind === 'outdoor-run';
  const instructor = ride.instructorId ? (store.instructorById.get(ride.instructorId)?.name ?? '') : '';
  const length =
    ride.distanceKm !== null
      ? 'None'
      : w.kind === 'just-ride' || w.kind === 'lanebreak'
        ? '0'
        : String(Math.round(ride.duration / 60));
  const moving = w.avgSpeed > 0;
  return [
    stamp(w.startTime, zone),
    noClass ? '' : w.isLive ? 'Live' : 'On Demand',
    instructor,
    length,
    disciplineDisplay(ride.discipline),
    w.kind === 'scenic'
      ? 'Scenic Ride'
      : w.kind === 'just-ride' || w.kind === 'lanebreak'
        ? ''
        : (ride.classType ?? ''),
    ride.title,
    noClass || ride.originalAirTime === null ? '' : stamp(ride.originalAirTime, zone),
    String(Math.round(w.totalWork / 1000)),
    w.avgWatts > 0 ? String(w.avgWatts) : '',
    pedaling ? `${w.avgResistance}%` : '',
    pedaling || w.kind === 'row' ? String(w.avgCadence) : '',
    moving ? toDist(w.avgSpeed).toFixed(2) : '',
    moving ? toDist((w.avgSpeed * ride.duration) / 3600).toFixed(2) : '',
    String(w.calories),
    w.avgHeartRate === null ? '' : w.avgHeartRate.toFixed(2),
    w.kind === 'tread' ? w.avgIncline.toFixed(1) : '',
    run && moving ? (60 / toDist(w.avgSpeed)).toFixed(2) : '',
  ];
}

/**
 * `/api/user/{id}/workout_history_csv`: completed workouts, oldest first (do not rely on it),
 * no ids and no seconds. Times are in each workout's own zone; `timezone` only fills in for
 * a workout without one.
 */
export function workoutHistoryCsv(store: Store, rider: RiderRecord, timezone: string): string {
  const metric = rider.distanceUnit === 'km';
  const lines = [(metric ? CSV_COLUMNS_METRIC : CSV_COLUMNS_IMPERIAL).join(',')];
  for (const w of [...store.workouts(rider.userId)].reverse()) {
    if (w.status !== 'COMPLETE') continue;
    lines.push(row(store, w, metric, timezone).map(field).join(','));
  }
  return `${lines.join('\n')}\n`;
}
