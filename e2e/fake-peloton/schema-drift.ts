/**
 * Schema drift (peloton-api.md 3 and 6.13): unknown fields appear and optional fields turn
 * null or vanish. Applied only with `schemaDrift: true`, deterministically per object id.
 */
const NULLABLE: readonly string[] = [
  'strava_id',
  'device_type',
  'effort_zones',
  'v2_total_video_watch_time_seconds',
  'timezone',
  'description',
  'difficulty_rating_avg',
  'image_url',
  'cycling_ftp_source',
  'last_workout_at',
  'title',
];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export function drift<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => drift(v)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const h = hash(String(src.id ?? Object.keys(src).join()));
  for (const [k, v] of Object.entries(src)) {
    if (k === 'username' && h % 3 === 0) continue;
    out[k] = NULLABLE.includes(k) && (h + hash(k)) % 4 === 0 ? null : drift(v);
  }
  out.fake_new_field = { added_in: '2027', values: [1, null] };
  return out as T;
}
