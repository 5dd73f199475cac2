import { createPrng, type Prng } from './prng';
import type { RiderRecord, WorkoutRecord } from './records';
import { hrZoneDurations } from './workout-json';

const KM_PER_MI = 1.609344;
const ZONE_LOWS = [0, 120.25, 138.75, 157.25, 175.75];

export type GraphOptions = { everyN: number; gaps: boolean; platformWeb: boolean };

type Metric = { slug: string; display_name: string; display_unit: string; mean: number; digits: number; spread: number };

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function series(prng: Prng, count: number, m: Metric): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const wave = Math.sin((i / Math.max(1, count)) * Math.PI * 8) * m.spread * 0.6;
    const warm = i < count / 10 ? -m.spread : 0;
    out.push(Math.max(0, round(m.mean * (1 + wave + warm + prng.range(-m.spread, m.spread) * 0.4), m.digits)));
  }
  return out;
}

/** `/api/workout/{id}/performance_graph` (peloton-api.md 2.4): aligned arrays, summaries that match the CSV. */
export function performanceGraphJson(w: WorkoutRecord, rider: RiderRecord | undefined, opts: GraphOptions): Record<string, unknown> {
  const prng = createPrng(w.seed);
  const metric = rider?.distanceUnit === 'km';
  const toDist = (mi: number) => (metric ? mi * KM_PER_MI : mi);
  const distUnit = metric ? 'km' : 'mi';
  const speedUnit = metric ? 'kph' : 'mph';
  const paceUnit = metric ? 'min/km' : 'min/mi';
  const elapsed = w.status === 'IN_PROGRESS' ? Math.floor(w.ride.duration * 0.4) : w.ride.duration;
  const everyN = opts.everyN;
  const seconds: number[] = [];
  for (let s = 1; s <= Math.max(1, elapsed); s += everyN) {
    if (opts.gaps && everyN <= 2 && seconds.length > 0 && prng.chance(0.12)) continue;
    seconds.push(s);
  }
  const n = seconds.length;
  const pedaling = w.kind === 'bike-class' || w.kind === 'scenic' || w.kind === 'just-ride' || w.kind === 'lanebreak';
  const run = w.kind === 'tread' || w.kind === 'outdoor-run';
  const speed = round(toDist(w.avgSpeed), 2);
  const pace = w.avgSpeed > 0 ? round(60 / toDist(w.avgSpeed), 2) : 0;
  const defs: Metric[] = [];
  const averages: { display_name: string; display_unit: string; value: number; slug: string }[] = [];
  if (w.avgWatts > 0) {
    const name = w.kind === 'row' ? 'Stroke Output' : 'Output';
    defs.push({ slug: 'output', display_name: name, display_unit: 'watts', mean: w.avgWatts, digits: 0, spread: 0.25 });
    averages.push({ display_name: `Avg ${name}`, display_unit: 'watts', value: w.avgWatts, slug: 'avg_output' });
  }
  if (pedaling) {
    defs.push({ slug: 'cadence', display_name: 'Cadence', display_unit: 'rpm', mean: w.avgCadence, digits: 0, spread: 0.1 });
    defs.push({ slug: 'resistance', display_name: 'Resistance', display_unit: '%', mean: w.avgResistance, digits: 0, spread: 0.15 });
    defs.push({ slug: 'speed', display_name: 'Speed', display_unit: speedUnit, mean: speed, digits: 1, spread: 0.12 });
    averages.push(
      { display_name: 'Avg Cadence', display_unit: 'rpm', value: w.avgCadence, slug: 'avg_cadence' },
      { display_name: 'Avg Resistance', display_unit: '%', value: w.avgResistance, slug: 'avg_resistance' },
      { display_name: 'Avg Speed', display_unit: speedUnit, value: speed, slug: 'avg_speed' },
    );
  }
  if (run) {
    defs.push({ slug: 'pace', display_name: 'Pace', display_unit: paceUnit, mean: pace, digits: 2, spread: 0.08 });
    averages.push(
      { display_name: 'Avg Pace', display_unit: paceUnit, value: pace, slug: 'avg_pace' },
      { display_name: 'Avg Speed', display_unit: speedUnit, value: speed, slug: 'avg_speed' },
    );
    if (w.kind === 'tread') {
      defs.push({ slug: 'incline', display_name: 'Incline', display_unit: '%', mean: w.avgIncline, digits: 1, spread: 0.3 });
      averages.push({ display_name: 'Avg Incline', display_unit: '%', value: w.avgIncline, slug: 'avg_incline' });
    }
  }
  if (w.kind === 'row') {
    defs.push({ slug: 'stroke_rate', display_name: 'Stroke Rate', display_unit: 'spm', mean: w.avgCadence, digits: 0, spread: 0.08 });
    averages.push({ display_name: 'Avg Stroke Rate', display_unit: 'spm', value: w.avgCadence, slug: 'avg_stroke_rate' });
  }
  const metrics: Record<string, unknown>[] = defs.map((d) => {
    const values = series(prng, n, d);
    const m: Record<string, unknown> = {
      display_name: d.display_name,
      display_unit: d.display_unit,
      max_value: values.length ? Math.max(...values) : null,
      average_value: d.mean,
      values,
      slug: d.slug,
    };
    if (d.slug === 'pace') m.alternatives = [{ display_name: 'Speed', display_unit: speedUnit, slug: 'speed', values: values.map((p) => (p > 0 ? round(60 / p, 1) : 0)) }];
    return m;
  });
  const zones = hrZoneDurations(w);
  if (w.avgHeartRate !== null && zones) {
    const hr: Metric = { slug: 'heart_rate', display_name: 'Heart Rate', display_unit: 'bpm', mean: w.avgHeartRate, digits: 0, spread: 0.12 };
    const values = series(prng, n, hr);
    metrics.push({
      display_name: 'Heart Rate',
      display_unit: 'bpm',
      max_value: values.length ? Math.max(...values) : null,
      average_value: Math.round(w.avgHeartRate),
      values,
      slug: 'heart_rate',
      missing_data_duration: prng.int(0, 5),
      zones: ZONE_LOWS.map((low, i) => {
        const high = ZONE_LOWS[i + 1];
        return {
          display_name: `Zone ${i + 1}`,
          slug: `zone${i + 1}`,
          range: high === undefined ? `${Math.ceil(low)}+ bpm` : i === 0 ? `<${Math.floor(high)} bpm` : `${Math.ceil(low)}-${Math.floor(high)} bpm`,
          duration: zones[`heart_rate_z${i + 1}_duration`] ?? 0,
          min_value: Math.ceil(low),
          max_value: high === undefined ? 220 : Math.floor(high) - 1,
        };
      }),
    });
  }
  const distance = round(toDist((w.avgSpeed * elapsed) / 3600), 2);
  const summaries: Record<string, unknown>[] = [];
  if (w.avgWatts > 0) summaries.push({ display_name: 'Total Output', display_unit: 'kj', value: Math.round(w.totalWork / 1000), slug: 'total_output' });
  if (w.avgSpeed > 0) summaries.push({ display_name: 'Distance', display_unit: distUnit, value: distance, slug: 'distance' });
  if (w.kind === 'tread') summaries.push({ display_name: 'Elevation', display_unit: metric ? 'm' : 'ft', value: Math.round(w.avgIncline * distance * (metric ? 10 : 52.8)), slug: 'elevation' });
  summaries.push({ display_name: 'Calories', display_unit: 'kcal', value: w.calories, slug: 'calories' });
  return {
    duration: w.ride.duration,
    is_class_plan_shown: w.ride.classType !== null,
    segment_list: [
      { id: prng.hexId(), name: 'Warmup', icon_slug: 'warmup', length: Math.floor(w.ride.duration / 5), start_time_offset: 0, intensity_in_mets: 3.5, metrics_type: w.ride.discipline },
      { id: prng.hexId(), name: 'Main', icon_slug: w.ride.discipline, length: w.ride.duration - Math.floor(w.ride.duration / 5), start_time_offset: Math.floor(w.ride.duration / 5), intensity_in_mets: 6, metrics_type: w.ride.discipline },
    ],
    seconds_since_pedaling_start: seconds,
    average_summaries: averages,
    summaries,
    metrics,
    has_apple_watch_metrics: false,
    location_data: w.kind === 'outdoor-run' && opts.platformWeb ? locationData(prng, seconds) : [],
    is_location_data_accurate: w.kind === 'outdoor-run' ? opts.platformWeb : null,
    splits_data: run ? splits(prng, distance, elapsed, metric) : {},
    splits_metrics: { header: [], metrics: [] },
    target_metrics_performance_data: { target_metrics: [], time_in_metric: [] },
    effort_zones: zones ? { total_effort_points: Math.round(prng.range(10, 80) * 10) / 10, heart_rate_zone_durations: zones } : null,
    muscle_group_score: [],
    summary_available: true,
    performance_graph_available: true,
    ...(w.kind === 'row' ? { caesar_metrics: { avg_split_pace: round(500 / ((w.avgSpeed * 1609.344) / 3600) / 60, 2) } } : {}),
  };
}

function locationData(prng: Prng, seconds: number[]): Record<string, unknown>[] {
  let lat = 40.7812 + prng.range(-0.01, 0.01);
  let lon = -73.9665 + prng.range(-0.01, 0.01);
  const coordinates = seconds.map(() => {
    lat += prng.range(-0.0002, 0.0003);
    lon += prng.range(-0.0002, 0.0003);
    return { latitude: round(lat, 6), longitude: round(lon, 6), accuracy: round(prng.range(2, 9), 1) };
  });
  return [{ segment_id: prng.hexId(), segment_start_offset: 0, segment_length: seconds.at(-1) ?? 0, coordinates }];
}

function splits(prng: Prng, distance: number, elapsed: number, metric: boolean): Record<string, unknown> {
  const count = Math.max(1, Math.floor(distance));
  const per = elapsed / Math.max(distance, 1);
  return {
    distance_marker_display_unit: metric ? 'km' : 'mi',
    elevation_change_display_unit: metric ? 'm' : 'ft',
    splits: Array.from({ length: count }, (_, i) => ({ distance_marker: i + 1, seconds: Math.round(per * prng.range(0.95, 1.05)), elevation_change: prng.int(-5, 15), order: i + 1, is_best: i === 0 })),
  };
}
