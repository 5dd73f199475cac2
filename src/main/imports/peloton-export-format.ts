import type { WorkoutAverages } from '../cache/workout-metrics';
import { UserError } from '../errors';
import { parsePelotonTimestamp } from './peloton-timestamp';
import type { CsvRecord } from './read-csv';
import type { WorkoutInput } from './workout-input';
import { exportWorkoutId } from './workout-key';

/**
 * Peloton's own "Download Workouts" CSV (peloton-api.md section 4): 18 columns, one
 * of two header families. Columns are found by name, so their order does not matter
 * and a column Peloton might add later is ignored.
 */
export const PELOTON_IMPERIAL_COLUMNS = [
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

/** Metric-unit accounts: the same columns with these three in kilometres. */
export const PELOTON_METRIC_COLUMNS = PELOTON_IMPERIAL_COLUMNS.map((c) =>
  c === 'Avg. Speed (mph)'
    ? 'Avg. Speed (kph)'
    : c === 'Distance (mi)'
      ? 'Distance (km)'
      : c === 'Avg. Pace (min/mi)'
        ? 'Avg. Pace (min/km)'
        : c,
);

const METRIC_ONLY = ['Avg. Speed (kph)', 'Distance (km)', 'Avg. Pace (min/km)'];

/** Column roles, independent of the family. */
type Role =
  | 'workoutTimestamp'
  | 'liveOnDemand'
  | 'instructor'
  | 'length'
  | 'discipline'
  | 'type'
  | 'title'
  | 'classTimestamp'
  | 'output'
  | 'watts'
  | 'resistance'
  | 'cadence'
  | 'speed'
  | 'distance'
  | 'calories'
  | 'heartRate'
  | 'incline'
  | 'pace';

const ROLES: Role[] = [
  'workoutTimestamp',
  'liveOnDemand',
  'instructor',
  'length',
  'discipline',
  'type',
  'title',
  'classTimestamp',
  'output',
  'watts',
  'resistance',
  'cadence',
  'speed',
  'distance',
  'calories',
  'heartRate',
  'incline',
  'pace',
];

export type PelotonLayout = {
  units: 'imperial' | 'metric';
  /** Field index of each role in a row. */
  index: Record<Role, number>;
  /** Header name of each role, for messages. */
  name: Record<Role, string>;
};

const norm = (h: string) => h.replace(/\s+/g, ' ').trim().toLowerCase();

/** True when a header row looks like Peloton's export (so its errors should be about that format). */
export function looksLikePelotonExport(header: string[]): boolean {
  const names = new Set(header.map(norm));
  return ['workout timestamp', 'fitness discipline', 'total output', 'length (minutes)'].some((n) =>
    names.has(n),
  );
}

/** Finds every column by name, or throws naming the one that is missing. */
export function pelotonLayout(header: string[], fileName: string): PelotonLayout {
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const key = norm(h);
    if (positions.has(key)) {
      throw new UserError(
        `${fileName} line 1, column ${h}: the header names this column twice; keep only one.`,
        'bad_input',
      );
    }
    positions.set(key, i);
  });
  const metric = METRIC_ONLY.some((c) => positions.has(norm(c)));
  const family = metric ? PELOTON_METRIC_COLUMNS : PELOTON_IMPERIAL_COLUMNS;
  const index = {} as Record<Role, number>;
  const name = {} as Record<Role, string>;
  ROLES.forEach((role, i) => {
    const column = family[i] as string;
    const at = positions.get(norm(column));
    if (at === undefined) {
      const other = (metric ? PELOTON_IMPERIAL_COLUMNS : PELOTON_METRIC_COLUMNS)[i] as string;
      const mixed = other !== column && positions.has(norm(other));
      throw new UserError(
        mixed
          ? `${fileName} line 1, column ${other}: the header mixes imperial and metric columns (expected ${column}); download the workouts from Peloton again.`
          : `${fileName} line 1, column ${column}: missing from the header; Peloton's export has these columns: ${family.join(',')}.`,
        'bad_input',
      );
    }
    index[role] = at;
    name[role] = column;
  });
  return { units: metric ? 'metric' : 'imperial', index, name };
}

/**
 * Fitness Discipline display names to Peloton's `fitness_discipline` slugs
 * (peloton-api.md section 2: P2G's enum). "Bootcamp" is the tread bootcamp, slug
 * `circuit`; rowing is `caesar`. A name not listed becomes a slug of itself
 * ("Barre" → `barre`) rather than failing the import.
 */
const DISCIPLINES: Record<string, string> = {
  cycling: 'cycling',
  'bike bootcamp': 'bike_bootcamp',
  running: 'running',
  walking: 'walking',
  hiking: 'walking',
  bootcamp: 'circuit',
  'tread bootcamp': 'circuit',
  strength: 'strength',
  stretching: 'stretching',
  yoga: 'yoga',
  meditation: 'meditation',
  cardio: 'cardio',
  rowing: 'caesar',
  row: 'caesar',
  'row bootcamp': 'caesar_bootcamp',
  'rowing bootcamp': 'caesar_bootcamp',
  outdoor: 'outdoor',
};

export function disciplineSlug(display: string): string {
  const key = norm(display);
  return (
    DISCIPLINES[key] ??
    key
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40)
  );
}

/** The extra columns, kept in `metrics_json` with stable keys (always all present) and units. */
export type PelotonMetrics = WorkoutAverages & {
  paceUnit: 'min/mi' | 'min/km';
  liveOnDemand: string | null;
  /** Peloton's Type column ("Power Zone", "Scenic Ride"), not the class type slug. */
  typeLabel: string | null;
  workoutTimestamp: string;
  classTimestamp: string | null;
  /** UTC epoch seconds of the class's original air time, when the row has one. */
  classStartTime: number | null;
};

const NUMBER = /^\d+(\.\d+)?$|^\.\d+$/;
const PACE = /^(\d{1,3}):([0-5]\d)$/;

/**
 * Turns one export row into a workout, or throws naming the line and the column.
 * Ride kind: a title or Type naming Lanebreak is a Lanebreak ride (class type
 * `lanebreak` when cycling, like the original pipeline); a Type naming Scenic is a
 * scenic ride; "Just Ride/Run/Walk" titles are free rides; otherwise a row with no
 * Live/On-Demand, no Class Timestamp and no instructor is a free ride when its Type
 * is empty and a scenic ride when not; everything else is a class.
 */
export function pelotonExportRow(
  rec: CsvRecord,
  layout: PelotonLayout,
  riderName: string,
  fileName: string,
): WorkoutInput {
  const get = (role: Role) => (rec.fields[layout.index[role]] ?? '').trim();
  const fail = (role: Role, expected: string): never => {
    const value = get(role);
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    throw new UserError(
      `${fileName} line ${rec.line}, column ${layout.name[role]}: expected ${expected}, found ${shown === '' ? 'nothing' : `"${shown}"`}.`,
      'bad_input',
    );
  };
  const number = (role: Role, expected: string, suffix?: string): number | null => {
    let v = get(role);
    if (suffix && v.endsWith(suffix)) v = v.slice(0, -suffix.length).trim();
    if (v === '') return null;
    if (!NUMBER.test(v)) fail(role, expected);
    return Number(v);
  };

  const stampText = get('workoutTimestamp');
  if (stampText === '')
    fail('workoutTimestamp', 'the date and time of the workout, such as 2023-05-25 05:31 (EDT)');
  const stamp = parsePelotonTimestamp(stampText);
  if ('error' in stamp) return fail('workoutTimestamp', stamp.error);

  const classText = get('classTimestamp');
  let classStartTime: number | null = null;
  if (classText !== '') {
    const cls = parsePelotonTimestamp(classText);
    if ('error' in cls) return fail('classTimestamp', `nothing or ${cls.error}`);
    classStartTime = cls.startTime;
  }

  // Title and instructor are kept as written (the other fields are trimmed).
  const title = rec.fields[layout.index.title] ?? '';
  if (title.trim() === '') fail('title', 'the class title');
  const discipline = get('discipline');
  const slug = disciplineSlug(discipline);
  if (slug === '') fail('discipline', 'a fitness discipline such as Cycling or Yoga');

  const lengthText = get('length');
  let lengthMin = 0;
  if (lengthText !== '' && lengthText.toLowerCase() !== 'none') {
    if (!NUMBER.test(lengthText)) fail('length', 'a whole number of minutes, or None');
    lengthMin = Math.trunc(Number(lengthText));
  }
  const outputKj = number('output', 'a number of kilojoules such as 512') ?? 0;

  const paceText = get('pace');
  let avgPace: number | null = null;
  const paceParts = PACE.exec(paceText);
  if (paceParts) avgPace = Number(paceParts[1]) + Number(paceParts[2]) / 60;
  else avgPace = number('pace', 'a pace in minutes such as 9.5 or 9:30, or nothing');

  const instructorText = rec.fields[layout.index.instructor] ?? '';
  const liveOnDemand = get('liveOnDemand');
  const type = get('type');
  const rideKind = inferRideKind(title, type, liveOnDemand, classText, instructorText.trim());
  const metrics: PelotonMetrics = {
    avgWatts: number('watts', 'a number of watts such as 190, or nothing'),
    avgResistancePct: number('resistance', 'a resistance such as 45%, or nothing', '%'),
    avgCadenceRpm: number('cadence', 'a cadence in rpm such as 88, or nothing'),
    avgSpeed: number('speed', 'a speed such as 20.64, or nothing'),
    speedUnit: layout.units === 'metric' ? 'kph' : 'mph',
    distance: number('distance', 'a distance such as 15.48, or nothing'),
    distanceUnit: layout.units === 'metric' ? 'km' : 'mi',
    calories: number('calories', 'a number of calories such as 640, or nothing'),
    avgHeartRate: number('heartRate', 'a heart rate such as 141.27, or nothing'),
    avgInclinePct: number('incline', 'an incline such as 1.5, or nothing', '%'),
    avgPace,
    paceUnit: layout.units === 'metric' ? 'min/km' : 'min/mi',
    liveOnDemand: liveOnDemand === '' ? null : liveOnDemand,
    typeLabel: type === '' ? null : type,
    workoutTimestamp: stampText,
    classTimestamp: classText === '' ? null : classText,
    classStartTime,
  };
  return {
    id: exportWorkoutId(riderName, stamp.startTime, title),
    riderName,
    startTime: stamp.startTime,
    timezone: null,
    title,
    instructorId: null,
    instructor: instructorText.trim() === '' ? null : instructorText,
    classType: rideKind === 'lanebreak' && slug === 'cycling' ? 'lanebreak' : slug,
    rideKind,
    lengthMin,
    outputKj,
    status: 'COMPLETE',
    source: 'peloton-export',
    metricsJson: JSON.stringify(metrics),
    rawJson: null,
  };
}

function inferRideKind(
  title: string,
  type: string,
  liveOnDemand: string,
  classTimestamp: string,
  instructor: string,
): WorkoutInput['rideKind'] {
  if (/lanebreak/i.test(title) || /lanebreak/i.test(type)) return 'lanebreak';
  if (/scenic/i.test(type)) return 'scenic';
  if (/\bjust (ride|run|walk|row)\b/i.test(title)) return 'just_ride';
  if (liveOnDemand === '' && classTimestamp === '' && instructor === '') {
    return type === '' ? 'just_ride' : 'scenic';
  }
  return 'class';
}
