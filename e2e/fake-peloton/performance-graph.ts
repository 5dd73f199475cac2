import { heartRateMetric, locationData, type Metric, round, series, splits } from './graph-series';
import { createPrng } from './prng';
import type { RiderRecord, WorkoutRecord } from './records';
import { hrZoneDurations } from './workout-json';

const KM_PER_MI = 1.609344;

export type GraphOptions = { everyN: number; gaps: boolean; platformWeb: boolean };

/** `/api/workout/{id}/performance_graph` (peloton-api.md 2.4): aligned arrays, summaries that match the CSV. */
export function performanceGraphJson(
  w: WorkoutRecord,
  rider: RiderRecord | undefined,
  opts: GraphOptions,
): Record<string, unknown> {
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
  const pedaling =
    w.kind === 'bike-class' || w.kind === 'scenic' || w.kind === 'just-ride' || w.kind === 'lanebreak';
  const run = w.kind === 'tread' || w.kind === 'outdoor-run';
  const speed = round(toDist(w.avgSpeed), 2);
  const pace = w.avgSpeed > 0 ? round(60 / toDist(w.avgSpeed), 2) : 0;
  const defs: Metric[] = [];
  const averages: { display_name: string; display_unit: string; value: number; slug: string }[] = [];
  if (w.avgWatts > 0) {
    const name = w.kind === 'row' ? 'Stroke Output' : 'Output';
    defs.push({
      slug: 'output',
      display_name: name,
      display_unit: 'watts',
      mean: w.avgWatts,
      digits: 0,
      spread: 0.25,
    });
    averages.push({
      display_name: `Avg ${name}`,
      display_unit: 'watts',
      value: w.avgWatts,
      slug: 'avg_output',
    });
  }
  if (pedaling) {
    defs.push({
      slug: 'cadence',
      display_name: 'Cadence',
      display_unit: 'rpm',
      mean: w.avgCadence,
      digits: 0,
      spread: 0.1,
    });
    defs.push({
      slug: 'resistance',
      display_name: 'Resistance',
      display_unit: '%',
      mean: w.avgResistance,
      digits: 0,
      spread: 0.15,
    });
    defs.push({
      slug: 'speed',
      display_name: 'Speed',
      display_unit: speedUnit,
      mean: speed,
      digits: 1,
      spread: 0.12,
    });
    averages.push(
      { display_name: 'Avg Cadence', display_unit: 'rpm', value: w.avgCadence, slug: 'avg_cadence' },
      { display_name: 'Avg Resistance', display_unit: '%', value: w.avgResistance, slug: 'avg_resistance' },
      { display_name: 'Avg Speed', display_unit: speedUnit, value: speed, slug: 'avg_speed' },
    );
  }
  if (run) {
    defs.push({
      slug: 'pace',
      display_name: 'Pace',
      display_unit: paceUnit,
      mean: pace,
      digits: 2,
      spread: 0.08,
    });
    averages.push(
      { display_name: 'Avg Pace', display_unit: paceUnit, value: pace, slug: 'avg_pace' },
      { display_name: 'Avg Speed', display_unit: speedUnit, value: speed, slug: 'avg_speed' },
    );
    if (w.kind === 'tread') {
      defs.push({
        slug: 'incline',
        display_name: 'Incline',
        display_unit: '%',
        mean: w.avgIncline,
        digits: 1,
        spread: 0.3,
      });
      averages.push({
        display_name: 'Avg Incline',
        display_unit: '%',
        value: w.avgIncline,
        slug: 'avg_incline',
      });
    }
  }
  if (w.kind === 'row') {
    defs.push({
      slug: 'stroke_rate',
      display_name: 'Stroke Rate',
      display_unit: 'spm',
      mean: w.avgCadence,
      digits: 0,
      spread: 0.08,
    });
    averages.push({
      display_name: 'Avg Stroke Rate',
      display_unit: 'spm',
      value: w.avgCadence,
      slug: 'avg_stroke_rate',
    });
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
    if (d.slug === 'pace')
      m.alternatives = [
        {
          display_name: 'Speed',
          display_unit: speedUnit,
          slug: 'speed',
          values: values.map((p) => (p > 0 ? round(60 / p, 1) : 0)),
        },
      ];
    return m;
  });
  const zones = hrZoneDurations(w);
  if (w.avgHeartRate !== null && zones) metrics.push(heartRateMetric(prng, n, w.avgHeartRate, zones));
  const distance = round(toDist((w.avgSpeed * elapsed) / 3600), 2);
  const summaries: Record<string, unknown>[] = [];
  if (w.avgWatts > 0)
    summaries.push({
      display_name: 'Total Output',
      display_unit: 'kj',
      value: Math.round(w.totalWork / 1000),
      slug: 'total_output',
    });
  if (w.avgSpeed > 0)
    summaries.push({ display_name: 'Distance', display_unit: distUnit, value: distance, slug: 'distance' });
  if (w.kind === 'tread')
    summaries.push({
      display_name: 'Elevation',
      display_unit: metric ? 'm' : 'ft',
      value: Math.round(w.avgIncline * distance * (metric ? 10 : 52.8)),
      slug: 'elevation',
    });
  summaries.push({ display_name: 'Calories', display_unit: 'kcal', value: w.calories, slug: 'calories' });
  return {
    duration: w.ride.duration,
    is_class_plan_shown: w.ride.classType !== null,
    segment_list: [
      {
        id: prng.hexId(),
        name: 'Warmup',
        icon_slug: 'warmup',
        length: Math.floor(w.ride.duration / 5),
        start_time_offset: 0,
        intensity_in_mets: 3.5,
        metrics_type: w.ride.discipline,
      },
      {
        id: prng.hexId(),
        name: 'Main',
        icon_slug: w.ride.discipline,
        length: w.ride.duration - Math.floor(w.ride.duration / 5),
        start_time_offset: Math.floor(w.ride.duration / 5),
        intensity_in_mets: 6,
        metrics_type: w.ride.discipline,
      },
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
    effort_zones: zones
      ? { total_effort_points: Math.round(prng.range(10, 80) * 10) / 10, heart_rate_zone_durations: zones }
      : null,
    muscle_group_score: [],
    summary_available: true,
    performance_graph_available: true,
    ...(w.kind === 'row'
      ? { caesar_metrics: { avg_split_pace: round(500 / ((w.avgSpeed * 1609.344) / 3600) / 60, 2) } }
      : {}),
  };
}
