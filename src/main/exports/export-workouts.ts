import { RENAMED_DISCIPLINES } from '../../shared/disciplines';
import type { Cache } from '../cache/open-cache';
import { listRiders, lookupRider } from '../cache/riders-repo';
import { listWorkouts, type StoredWorkout } from '../cache/workouts-repo';
import { UserError } from '../errors';
import { PELOTON_IMPERIAL_COLUMNS, type PelotonMetrics } from '../imports/peloton-export-format';
import { formatPelotonTimestamp, ianaOffset, parsePelotonTimestamp } from '../imports/peloton-timestamp';
import { SEED_COLUMNS } from '../imports/seed-format';
import { utcMinute } from '../imports/workout-key';
import { csvLine, writeFileAtomic } from './csv-write';

export type ExportFormat = 'seed' | 'peloton-export';
export type ExportResult = { format: ExportFormat; rows: number };
/** `rider`: export only this rider's workouts (a name or an id, ignoring case). */
export type ExportOptions = { rider?: string };

/**
 * Writes the cached workouts to a CSV file (UTF-8, no BOM, LF, RFC 4180 quoting,
 * formula-guarded fields), atomically. Rows are sorted by rider name (ignoring case),
 * then newest first, then by id: the original pipeline's layout (one block per
 * rider, newest first), made deterministic.
 *
 * - `seed`: the original pipeline's 8 columns, readable by `spoke import`.
 * - `peloton-export`: Peloton's "Download Workouts" layout, imperial header family.
 *   That format has no rider column, so with more than one rider in the cache a
 *   rider must be chosen.
 */
export function exportWorkouts(
  db: Cache,
  path: string,
  format: ExportFormat,
  options: ExportOptions = {},
): ExportResult {
  const riderId = chooseRider(db, format, options.rider?.trim());
  const workouts = listWorkouts(db, riderId);
  const parts: string[] = [];
  if (format === 'seed') {
    parts.push(csvLine(SEED_COLUMNS));
    for (const w of workouts) parts.push(csvLine(seedFields(w)));
  } else {
    parts.push(csvLine(PELOTON_IMPERIAL_COLUMNS));
    for (const w of workouts) parts.push(csvLine(pelotonFields(w)));
  }
  writeFileAtomic(path, parts.join(''));
  return { format, rows: workouts.length };
}

function chooseRider(db: Cache, format: ExportFormat, rider: string | undefined): string | undefined {
  if (rider) {
    const found = lookupRider(db, rider);
    if (found) return found.id;
    const names = listRiders(db).map((r) => r.name);
    throw new UserError(
      `No rider "${rider}" in the cache; riders: ${names.length ? names.join(', ') : 'none yet'}.`,
      'not_found',
    );
  }
  if (format === 'peloton-export') {
    const riders = listRiders(db);
    if (riders.length > 1) {
      throw new UserError(
        `Peloton's export format has no rider column; choose one rider (${riders.map((r) => r.name).join(', ')}) with --rider NAME, or export with --format seed.`,
        'bad_input',
      );
    }
  }
  return undefined;
}

// ---- seed ----------------------------------------------------------------------

/** The 8 seed-format fields of a workout, as the CSV and the Postgres `peloton` table carry them. */
export function seedFields(w: StoredWorkout): string[] {
  return [
    w.id,
    utcSeconds(w.startTime),
    w.title,
    w.instructor ?? 'no instructor',
    w.classType,
    String(w.lengthMin),
    oneDecimal(w.outputKj),
    w.riderName,
  ];
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the original pipeline's naive UTC dates. */
export function utcSeconds(startTime: number): string {
  return new Date(Math.floor(startTime) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * `x` with exactly one decimal, rounded as pandas' `round(1)` does: numpy's
 * `rint(x * 10) / 10`, exact halves to even (0.25 → 0.2, 0.35 → 0.4 because
 * 0.35 * 10 is 3.5 exactly). The digits are built from the integer `rint(x * 10)`,
 * so no second rounding happens when printing.
 */
export function oneDecimal(x: number): string {
  const tenths = roundHalfEven(x * 10);
  const abs = Math.abs(tenths);
  const sign = tenths < 0 ? '-' : '';
  return `${sign}${Math.trunc(abs / 10)}.${abs % 10}`;
}

function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const frac = v - floor;
  if (frac < 0.5) return floor;
  if (frac > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

// ---- peloton-export -------------------------------------------------------------

// Peloton's export files Lanebreak under Cycling; other slugs are their words capitalised.
const DISPLAY: Record<string, string> = { lanebreak: 'Cycling', ...RENAMED_DISCIPLINES };

function disciplineName(slug: string): string {
  return (
    DISPLAY[slug] ??
    slug
      .split('_')
      .filter(Boolean)
      .map((word) => word[0]?.toUpperCase() + word.slice(1))
      .join(' ')
  );
}

const KM_PER_MI = 1.609344;

function pelotonFields(w: StoredWorkout): string[] {
  const m = readMetrics(w.metricsJson);
  const num = (v: number | null | undefined) =>
    typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  const imperial = (v: number | null | undefined, metric: boolean, factor: number) =>
    typeof v !== 'number' || !Number.isFinite(v) ? '' : metric ? (v * factor).toFixed(2) : String(v);
  // A row that came from Peloton's export keeps its own Live/On-Demand and Type (blank
  // included); for other rows they are made up so that importing the file infers the
  // same ride kind (see pelotonExportRow).
  const fromExport = 'workoutTimestamp' in m;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const output = oneDecimal(w.outputKj);
  const type = fromExport
    ? text(m.typeLabel)
    : w.rideKind === 'scenic'
      ? 'Scenic Ride'
      : w.rideKind === 'lanebreak'
        ? 'Lanebreak'
        : '';
  const live = fromExport ? text(m.liveOnDemand) : w.rideKind === 'class' ? 'On Demand' : '';
  return [
    workoutTimestamp(w, m),
    live,
    w.instructor ?? '',
    String(w.lengthMin),
    disciplineName(w.classType),
    type,
    w.title,
    text(m.classTimestamp),
    output.endsWith('.0') ? output.slice(0, -2) : output,
    num(m.avgWatts),
    typeof m.avgResistancePct === 'number' ? `${m.avgResistancePct}%` : '',
    num(m.avgCadenceRpm),
    imperial(m.avgSpeed, m.speedUnit === 'kph', 1 / KM_PER_MI),
    imperial(m.distance, m.distanceUnit === 'km', 1 / KM_PER_MI),
    num(m.calories),
    num(m.avgHeartRate),
    num(m.avgInclinePct),
    imperial(m.avgPace, m.paceUnit === 'min/km', KM_PER_MI),
  ];
}

/** The row's own timestamp when it still names this instant; else the workout's zone; else UTC. */
function workoutTimestamp(w: StoredWorkout, m: Partial<PelotonMetrics>): string {
  if (typeof m.workoutTimestamp === 'string') {
    const parsed = parsePelotonTimestamp(m.workoutTimestamp);
    if (!('error' in parsed) && utcMinute(parsed.startTime) === utcMinute(w.startTime)) {
      return m.workoutTimestamp;
    }
  }
  const offset = w.timezone ? ianaOffset(w.timezone, w.startTime) : null;
  return formatPelotonTimestamp(w.startTime, offset);
}

function readMetrics(json: string | null): Partial<PelotonMetrics> {
  if (!json) return {};
  try {
    const value = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}
