import { CLASS_TYPE_NAMES, DISCIPLINES, SONGS } from './catalog';
import { instructorJson } from './instructors';
import { createPrng, deriveSeed } from './prng';
import type { RideRecord } from './records';
import type { Store } from './store';
import { introSeconds } from './workout-factory';

const classTypeIds = new Map(CLASS_TYPE_NAMES.map((name) => [name, createPrng(deriveSeed(7, name)).hexId()]));

export function classTypeId(name: string | null): string | null {
  return name === null ? null : (classTypeIds.get(name) ?? createPrng(deriveSeed(7, name)).hexId());
}

const DISPLAY: Record<string, string> = Object.fromEntries(
  Object.values(DISCIPLINES).map((d) => [d.slug, d.display]),
);

export function disciplineDisplay(slug: string): string {
  return DISPLAY[slug] ?? slug.charAt(0).toUpperCase() + slug.slice(1);
}

function metricsOf(ride: RideRecord): string[] {
  if (ride.discipline === 'cycling') return ['heart_rate', 'cadence', 'calories'];
  if (ride.discipline === 'running' || ride.discipline === 'caesar')
    return ['heart_rate', 'pace', 'calories'];
  return ['heart_rate', 'calories'];
}

/** The `ride` object (peloton-api.md 2.3); `instructor` is embedded only when asked for. */
export function rideJson(store: Store, ride: RideRecord, withInstructor: boolean): Record<string, unknown> {
  const intro = introSeconds(ride);
  const instructor = ride.instructorId ? store.instructorById.get(ride.instructorId) : undefined;
  const typeId = classTypeId(ride.classType);
  const json: Record<string, unknown> = {
    id: ride.id,
    title: ride.title,
    description:
      ride.classType === null
        ? null
        : `A ${ride.duration / 60}-minute class; bring water, it's a "hard" one.`,
    duration: ride.duration,
    length: ride.duration + intro + (intro > 0 ? 11 : 0),
    pedaling_start_offset: intro,
    pedaling_end_offset: intro + ride.duration,
    pedaling_duration: ride.duration,
    instructor_id: ride.instructorId,
    fitness_discipline: ride.discipline,
    fitness_discipline_display_name: disciplineDisplay(ride.discipline),
    difficulty_rating_avg: ride.difficulty,
    difficulty_estimate: Math.round(ride.difficulty * 100) / 100,
    difficulty_rating_count: ride.classType === null ? 0 : 1000 + (ride.seed % 9000),
    difficulty_level: null,
    overall_rating_avg: ride.classType === null ? 0 : 0.99,
    original_air_time: ride.originalAirTime,
    scheduled_start_time: ride.originalAirTime === null ? null : ride.originalAirTime + 60,
    class_type_ids: typeId ? [typeId] : [],
    ride_type_id: typeId,
    ride_type_ids: typeId ? [typeId] : [],
    series_id: ride.id === '00000000000000000000000000000000' ? null : ride.id.split('').reverse().join(''),
    content_provider: ride.contentProvider,
    content_format: 'video',
    image_url: `https://s3.amazonaws.com/peloton-ride-images/${ride.id}.png`,
    language: 'english',
    origin_locale: 'en-US',
    location: ride.contentProvider === 'virtual_active' ? null : 'nyc',
    is_archived: true,
    is_live_in_studio_only: false,
    is_explicit: ride.seed % 5 === 0,
    metrics: metricsOf(ride),
    equipment_tags: [],
    muscle_group_score: [],
    distance: ride.distanceKm,
    distance_unit: ride.distanceKm === null ? null : 'km',
    distance_display_value: ride.distanceKm === null ? null : `${ride.distanceKm} km`,
    is_fixed_distance: ride.distanceKm !== null,
    total_workouts: ride.seed % 50_000,
    flags: [],
    availability: { is_available: true, reason: null },
    lanebreak_info: ride.lanebreak
      ? {
          level_id: ride.lanebreak.levelId,
          track_name: ride.lanebreak.track,
          artist_name: ride.lanebreak.artist,
          difficulty: 'beginner',
          mode: 'power',
        }
      : null,
  };
  if (withInstructor) json.instructor = instructor ? instructorJson(instructor) : null;
  return json;
}

/** `/api/ride/{id}/details` (peloton-api.md 2.6): modest, with inclusive offsets and unsorted target blocks. */
export function rideDetailsJson(store: Store, ride: RideRecord): Record<string, unknown> {
  const prng = createPrng(ride.seed);
  const intro = introSeconds(ride);
  const warm = Math.min(300, Math.floor(ride.duration / 4));
  const cool = Math.min(240, Math.floor(ride.duration / 6));
  const main = ride.duration - warm - cool;
  const kind = ride.discipline === 'cycling' ? 'cycling' : ride.discipline;
  const segment = (name: string, offset: number, length: number) => ({
    id: prng.hexId(),
    name,
    length,
    start_time_offset: offset,
    icon_slug: name.toLowerCase(),
    metrics_type: kind,
    intensity_in_mets: Math.round(prng.range(3, 8) * 10) / 10,
    subsegments_v2: [{ type: 'timed', display_name: name, offset, length, rounds: 1, movements: [] }],
  });
  const blocks: { start: number; end: number; zone: number }[] = [];
  const isPowerZone = ride.classType === 'Power Zone';
  if (ride.discipline === 'cycling' && ride.classType !== null) {
    for (let at = intro; at < intro + ride.duration; ) {
      const length = Math.min(prng.pick([60, 120, 180, 240]), intro + ride.duration - at);
      blocks.push({ start: at, end: at + length - 1, zone: prng.int(1, isPowerZone ? 5 : 3) });
      at += length;
    }
  }
  // Peloton does not promise the blocks in order; neither do we.
  const shuffled = blocks.map((b, i) => ({ b, k: (i * 7919 + ride.seed) % 1009 })).sort((x, y) => x.k - y.k);
  return {
    ride: rideJson(store, ride, true),
    playlist: {
      songs: SONGS.slice(0, 3 + (ride.seed % 3)).map((s, i) => ({
        title: s.title,
        artists: [{ artist_name: s.artist }],
        start_time_offset: intro + 15 + i * 240,
      })),
    },
    averages: { average_total_work: 150_000, average_avg_power: 140, average_avg_cadence: 82 },
    segments: {
      segment_list: [
        segment('Warmup', intro, warm),
        segment(kind, intro + warm, main),
        segment('Cooldown', intro + warm + main, cool),
      ],
      segment_category_distribution: {},
      segment_body_focus_distribution: {},
      movements_by_weight_category: {},
    },
    instructor_cues: blocks.map((b) => ({
      offsets: { start: b.start, end: b.end },
      resistance_range: { lower: 25 + b.zone * 5, upper: 35 + b.zone * 5 },
      cadence_range: { lower: 75 + b.zone * 2, upper: 85 + b.zone * 2 },
    })),
    target_metrics_data: {
      target_metrics: shuffled.map(({ b }) => ({
        offsets: { start: b.start, end: b.end },
        segment_type: isPowerZone ? 'power_zone' : 'resistance',
        metrics: isPowerZone
          ? [{ name: 'power_zone', lower: b.zone, upper: b.zone }]
          : [
              { name: 'resistance', lower: 25 + b.zone * 5, upper: 35 + b.zone * 5 },
              { name: 'cadence', lower: 75 + b.zone * 2, upper: 85 + b.zone * 2 },
            ],
      })),
      total_expected_output: {
        expected_lower_output: Math.round(ride.duration / 11),
        expected_upper_output: Math.round(ride.duration / 8),
      },
      pace_intensities: [],
    },
    class_types: ride.classType ? [{ id: classTypeId(ride.classType), name: ride.classType }] : [],
    events: { data: [] },
    related_rides: {},
    lanebreak_info: ride.lanebreak ? { level_id: ride.lanebreak.levelId } : null,
    last_time_metrics: null,
    sampled_top_tags: [],
    excluded_platforms: [],
  };
}
