import { FIRST_NAMES, LAST_NAMES } from './catalog';
import { createPrng, deriveSeed } from './prng';
import type { RiderRecord } from './records';
import type { FtpSource, RiderSpec } from './types';

/** The demo accounts: a New Yorker, a Chicagoan and a metric Londoner (names with an accent and an apostrophe). */
const DEFAULT_RIDERS: readonly Required<Omit<RiderSpec, 'workouts'>>[] = [
  {
    email: 'sam@example.com',
    password: 'ride-on-1',
    name: 'Sam Rider',
    username: 'PedalPusher42',
    timezone: 'America/New_York',
    distanceUnit: 'mi',
    ftpSource: 'ftp_workout_source',
  },
  {
    email: 'zoe@example.com',
    password: 'ride-on-2',
    name: "Zoë D'Angelo",
    username: 'ClimbQueen',
    timezone: 'America/Chicago',
    distanceUnit: 'mi',
    ftpSource: 'ftp_manual_source',
  },
  {
    email: 'ciaran@example.co.uk',
    password: 'ride-on-3',
    name: 'Ciarán Murphy',
    username: 'TempoTeapot',
    timezone: 'Europe/London',
    distanceUnit: 'km',
    ftpSource: 'ftp_estimated_source',
  },
];

const ZONES = ['America/New_York', 'America/Chicago', 'Europe/London', 'America/Los_Angeles'];
const FTP_SOURCES: FtpSource[] = ['ftp_workout_source', 'ftp_manual_source', 'ftp_estimated_source'];
const LOCATIONS: Record<string, string> = {
  'America/New_York': 'Brooklyn, NY',
  'America/Chicago': 'Austin, TX',
  'Europe/London': 'Leeds, UK',
  'America/Los_Angeles': 'Portland, OR',
};

export function generateRiders(
  seed: number,
  riders: number | readonly RiderSpec[],
  workoutsPerRider: number,
  newestAt: number,
): RiderRecord[] {
  const specs: readonly RiderSpec[] =
    typeof riders === 'number' ? Array.from({ length: riders }, (): RiderSpec => ({})) : riders;
  return specs.map((spec, index) => {
    const prng = createPrng(deriveSeed(seed, `rider-account-${index}`));
    // The demo riders fill in blank specs only; a partly spelled-out rider gets generated defaults.
    const fallback = Object.keys(spec).length === 0 ? DEFAULT_RIDERS[index] : undefined;
    const generatedName = `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`;
    const name = spec.name ?? fallback?.name ?? generatedName;
    const [firstName = name, ...rest] = name.split(' ');
    const timezone = spec.timezone ?? fallback?.timezone ?? ZONES[index % ZONES.length] ?? 'UTC';
    return {
      userId: prng.hexId(),
      email: spec.email ?? fallback?.email ?? `rider${index + 1}@example.com`,
      password: spec.password ?? fallback?.password ?? `ride-on-${index + 1}`,
      name,
      firstName,
      lastName: rest.join(' '),
      username:
        spec.username ??
        fallback?.username ??
        `${firstName.normalize('NFD').replace(/[^A-Za-z]/g, '')}${index + 1}`,
      timezone,
      distanceUnit:
        spec.distanceUnit ?? fallback?.distanceUnit ?? (timezone.startsWith('Europe/') ? 'km' : 'mi'),
      ftpSource: spec.ftpSource ?? fallback?.ftpSource ?? FTP_SOURCES[index % 3] ?? 'ftp_workout_source',
      ftp: prng.int(150, 260),
      createdAt: newestAt - prng.int(7, 9) * 365 * 86_400,
      location: LOCATIONS[timezone] ?? 'Somewhere',
      workoutCount: Math.max(0, Math.floor(spec.workouts ?? workoutsPerRider)),
      index,
    };
  });
}
