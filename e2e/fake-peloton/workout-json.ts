import { createPrng } from './prng';
import type { WorkoutRecord } from './records';
import { disciplineDisplay, rideJson } from './ride-json';
import type { Store } from './store';
import type { WorkoutKind } from './types';

export type Joins = { ride: boolean; instructor: boolean; user: boolean };

/** `joins=ride,ride.instructor` (and the older `peloton.ride,peloton.ride.instructor`). */
export function parseJoins(raw: string | null): Joins {
  const parts = new Set((raw ?? '').split(',').map((s) => s.trim().replace(/^peloton\./, '')));
  const instructor = parts.has('ride.instructor');
  return { ride: instructor || parts.has('ride'), instructor, user: parts.has('user') };
}

type Device = { device_type: string; platform: string; metrics_type: string | null; display: string };

const BIKE: Device = {
  device_type: 'home_bike_v1',
  platform: 'home_bike',
  metrics_type: 'cycling',
  display: 'Bike',
};
const APP: Device = { device_type: 'iPad', platform: 'iOS_app', metrics_type: null, display: 'iPad' };

const DEVICES: Record<WorkoutKind, Device> = {
  'bike-class': BIKE,
  lanebreak: BIKE,
  scenic: BIKE,
  'just-ride': BIKE,
  strength: { ...BIKE, metrics_type: null },
  yoga: APP,
  meditation: APP,
  stretching: { ...BIKE, metrics_type: null },
  tread: { device_type: 'home_tread', platform: 'home_tread', metrics_type: 'running', display: 'Tread' },
  'outdoor-run': { device_type: 'iPhone', platform: 'iOS_app', metrics_type: 'running', display: 'iPhone' },
  row: { device_type: 'caesar', platform: 'caesar', metrics_type: 'caesar', display: 'Row' },
  'app-only': APP,
};

const PEDALING: ReadonlySet<WorkoutKind> = new Set(['bike-class', 'lanebreak', 'scenic', 'just-ride']);

/** Heart-rate zone seconds, stable per workout; null without a monitor. */
export function hrZoneDurations(w: WorkoutRecord): Record<string, number> | null {
  if (w.avgHeartRate === null) return null;
  const prng = createPrng(w.seed ^ 0x5a5a);
  const weights = [1, 2, 3, 4, 5].map(() => prng.range(0.05, 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const seconds = w.ride.duration;
  return Object.fromEntries(
    weights.map((x, i) => [`heart_rate_z${i + 1}_duration`, Math.round((x / sum) * seconds)]),
  );
}

function effortZones(w: WorkoutRecord): Record<string, unknown> | null {
  const zones = hrZoneDurations(w);
  if (!zones) return null;
  const points = Object.values(zones).reduce((sum, s, i) => sum + (s / 60) * (i + 1) * 0.3, 0);
  return { total_effort_points: Math.round(points * 10) / 10, heart_rate_zone_durations: zones };
}

/** A `/workouts` list item: the §2.2 summary; `ride` only when joined. */
export function workoutItemJson(store: Store, w: WorkoutRecord, joins: Joins): Record<string, unknown> {
  const device = DEVICES[w.kind];
  const prng = createPrng(w.seed ^ 0x1234);
  const justRide = w.kind === 'just-ride';
  const json: Record<string, unknown> = {
    id: w.id,
    user_id: w.userId,
    status: w.status,
    fitness_discipline: w.ride.discipline,
    workout_type: w.kind === 'scenic' ? 'scenic' : 'class',
    name: w.kind === 'scenic' ? 'Scenic Ride' : `${disciplineDisplay(w.ride.discipline)} Workout`,
    title: null,
    created_at: w.createdAt,
    created: w.createdAt,
    device_time_created_at: w.createdAt + w.offsetSec,
    start_time: w.startTime,
    end_time: w.endTime,
    timezone: w.timezone,
    total_work: w.totalWork,
    is_total_work_personal_record: w.isPersonalRecord,
    is_outdoor: w.kind === 'outdoor-run',
    device_type: device.device_type,
    platform: device.platform,
    metrics_type: device.metrics_type,
    has_pedaling_metrics: PEDALING.has(w.kind),
    has_leaderboard_metrics: PEDALING.has(w.kind) && w.kind !== 'just-ride' && w.kind !== 'lanebreak',
    peloton_id: justRide ? null : prng.hexId(),
    strava_id: prng.chance(0.5) ? String(prng.int(1_000_000_000, 9_999_999_999)) : null,
    fitbit_id: null,
    v2_total_video_watch_time_seconds: w.endTime === null ? null : w.endTime - w.startTime,
    effort_zones: effortZones(w),
  };
  if (joins.ride) json.ride = rideJson(store, w.ride, joins.instructor);
  return json;
}

/** `/api/workout/{id}`: the list item plus the detail-only fields of §2.3; `ride` always, its instructor when joined. */
export function workoutDetailJson(store: Store, w: WorkoutRecord, joins: Joins): Record<string, unknown> {
  const rider = store.riderById(w.userId);
  const prng = createPrng(w.seed ^ 0x4321);
  const json = workoutItemJson(store, w, { ...joins, ride: true });
  const leaderboard = json.has_leaderboard_metrics === true;
  const zones = hrZoneDurations(w);
  const total = prng.int(2000, 40_000);
  return {
    ...json,
    achievement_templates: w.isPersonalRecord
      ? [
          {
            id: prng.hexId(),
            name: 'Best Output',
            slug: 'best_output',
            image_url: 'https://example.invalid/pr.png',
            description: 'Awarded for a new personal record.',
          },
        ]
      : [],
    leaderboard_rank: leaderboard && w.status === 'COMPLETE' ? prng.int(1, total) : null,
    total_leaderboard_users: leaderboard ? total : 0,
    ftp_info: {
      ftp: rider?.ftp ?? 0,
      ftp_source: rider?.ftpSource ?? null,
      ftp_workout_id: rider?.ftpSource === 'ftp_workout_source' ? store.ftpWorkoutId(w.userId) : null,
    },
    device_type_display_name: DEVICES[w.kind].display,
    total_heart_rate_zone_durations: zones,
    average_effort_score: zones ? Math.round(prng.range(20, 60) * 10) / 10 : null,
    is_skip_intro_available: w.ride.classType !== null,
    is_paused: false,
    has_paused: prng.chance(0.1),
    is_pause_available: true,
    pause_time_elapsed: 0,
    pause_time_remaining: 600,
    movement_tracker_data: w.kind === 'strength' ? movementTracker(prng) : null,
    service_id: null,
    total_music_audio_play_seconds: w.ride.classType === null ? 0 : w.ride.duration,
  };
}

function movementTracker(prng: ReturnType<typeof createPrng>): Record<string, unknown> {
  const moves = ['Goblet Squat', 'Bicep Curl', 'Overhead Press', 'Renegade Row'].map((name) => {
    const reps = prng.int(20, 48);
    const weight = prng.pick([5, 10, 15, 20, 25]);
    return {
      movement_id: prng.hexId(),
      movement_name: name,
      total_reps: reps,
      total_volume: reps * weight,
      weight: [{ weight_category: 'medium', weight_data: { weight_value: weight, weight_unit: 'lb' } }],
    };
  });
  return {
    completed_movements_summary_data: {
      total_volume: moves.reduce((s, m) => s + m.total_volume, 0),
      total_repetitions: moves.reduce((s, m) => s + m.total_reps, 0),
      movement_aggregate_data: moves,
    },
  };
}
