import { DISCIPLINES } from './catalog';
import type { RiderRecord } from './records';
import type { Store } from './store';

const ICON = 'https://s3.amazonaws.com/static-cdn.pelotoncycle.com/workout-count-icons';

/** `/api/me` (peloton-api.md 2.1): identity, counts from the rider's real history, and all three FTP sources. */
export function meJson(store: Store, rider: RiderRecord): Record<string, unknown> {
  const workouts = store.workouts(rider.userId);
  const counts = new Map<string, number>();
  let pedaling = 0;
  for (const w of workouts) {
    counts.set(w.ride.discipline, (counts.get(w.ride.discipline) ?? 0) + 1);
    if (w.ride.discipline === 'cycling') pedaling++;
  }
  const ftpWorkout = rider.ftpSource === 'ftp_workout_source' ? store.ftpWorkoutId(rider.userId) : null;
  return {
    id: rider.userId,
    username: rider.username,
    email: rider.email,
    first_name: rider.firstName,
    last_name: rider.lastName,
    name: rider.name,
    location: rider.location,
    image_url: `https://res.cloudinary.com/peloton-cycle/image/upload/${rider.userId}.png`,
    created_at: rider.createdAt,
    last_workout_at: workouts[0]?.createdAt ?? null,
    total_workouts: workouts.length,
    total_pedaling_metric_workouts: pedaling,
    total_non_pedaling_metric_workouts: workouts.length - pedaling,
    workout_counts: Object.values(DISCIPLINES).map((d) => {
      const count = counts.get(d.slug) ?? 0;
      return {
        name: d.display,
        slug: d.slug,
        count,
        icon_url: `${ICON}/${count ? 'nonzero' : 'zero'}-${d.slug}.png`,
      };
    }),
    cycling_ftp: rider.ftpSource === 'ftp_manual_source' ? Math.round(rider.ftp / 0.95) : 0,
    cycling_workout_ftp: rider.ftpSource === 'ftp_workout_source' ? rider.ftp : 0,
    cycling_ftp_source: rider.ftpSource,
    cycling_ftp_workout_id: ftpWorkout,
    estimated_cycling_ftp: rider.ftpSource === 'ftp_estimated_source' ? rider.ftp : rider.ftp + 12,
    default_max_heart_rate: 185,
    customized_max_heart_rate: 0,
    default_heart_rate_zones: [0, 120.25, 138.75, 157.25, 175.75],
    customized_heart_rate_zones: [],
    weight: 165.0,
    height: 70.0,
    gender: 'female',
    birthday: 486000000,
    is_profile_private: false,
    is_strava_authenticated: rider.index % 2 === 0,
    is_fitbit_authenticated: false,
    paired_devices: [],
    external_music_auth_list: [],
    quick_hits: { quick_hits_enabled: false },
    contract_agreements: [],
  };
}
