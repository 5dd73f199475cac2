/** The parts of Peloton's JSON these tests read (loose: the fake sends much more). */
export type InstructorJson = { id: string; name: string };

export type RideJson = {
  id: string;
  title: string;
  instructor_id: string | null;
  content_provider: string;
  lanebreak_info: unknown;
  /** Present only with `joins=ride.instructor`. */
  instructor: InstructorJson;
};

export type WorkoutJson = {
  id: string;
  status: string;
  fitness_discipline: string;
  created_at: number;
  start_time: number;
  end_time: number | null;
  device_time_created_at: number;
  timezone: string;
  total_work: number;
  peloton_id: string | null;
  /** Present only with `joins=ride` on list items. */
  ride: RideJson;
  ftp_info?: unknown;
  movement_tracker_data: { completed_movements_summary_data: { total_repetitions: number } };
  [key: string]: unknown;
};

export type PageJson<T> = {
  data: T[];
  limit: number;
  page: number;
  count: number;
  total: number;
  page_count: number;
  show_next: boolean;
  show_previous: boolean;
  sort_by?: string;
  next?: { workout_id: string; created_at: number } | null;
  summary?: Record<string, number>;
  aggregate_stats?: unknown[];
  total_heart_rate_zone_durations?: Record<string, number>;
};

export type SummaryJson = { slug: string; value: number; display_unit: string };

export type MetricJson = { slug: string; values: number[]; zones?: { slug: string }[] };

export type GraphJson = {
  duration: number;
  seconds_since_pedaling_start: number[];
  metrics: MetricJson[];
  average_summaries: SummaryJson[];
  summaries: SummaryJson[];
  effort_zones: unknown;
  location_data: { coordinates: unknown[] }[];
};

export type Offsets = { start: number; end: number };

export type RideDetailsJson = {
  ride: RideJson;
  segments: { segment_list: unknown[] };
  instructor_cues: unknown[];
  playlist: { songs: unknown[] };
  class_types: { name: string }[];
  target_metrics_data: { target_metrics: { offsets: Offsets; metrics: { name: string }[] }[] };
};

export async function jsonOf<T>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}

/** The first item, failing the test when there is none. */
export function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}
