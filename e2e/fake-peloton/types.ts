/** Public types of the fake Peloton: options, the handle tests get back, and the admin surface. */

export type FaultKind =
  | '429'
  | '429-retry-after'
  | '5xx'
  | '1015'
  | 'empty-200'
  | 'truncated-json'
  | 'timeout'
  | 'slow';

export const FAULT_KINDS: readonly FaultKind[] = [
  '429',
  '429-retry-after',
  '5xx',
  '1015',
  'empty-200',
  'truncated-json',
  'timeout',
  'slow',
];

export type FaultOptions = {
  /** Share of matching requests that fail, 0..1 (drawn from a PRNG seeded by `seed`). */
  rate: number;
  /** Kinds to choose from, uniformly. */
  kinds: readonly FaultKind[];
  /** Path prefixes the faults apply to (default `['/api/']`, so sign-in is left alone). */
  paths?: readonly string[];
  /** Seconds sent in `Retry-After` by '429-retry-after' (default 1). */
  retryAfterSec?: number;
  /** Extra delay of a 'slow' answer in ms (default 1500). */
  slowMs?: number;
  /** How long a 'timeout' holds the request before dropping the connection, in ms (default 30000). */
  timeoutMs?: number;
};

/** A delay in ms for every request, or per endpoint pattern (keys as in `stats().byPath`) with a `default`. */
export type LatencyOption = number | Readonly<Record<string, number>>;

export type WorkoutKind =
  | 'bike-class'
  | 'lanebreak'
  | 'scenic'
  | 'just-ride'
  | 'strength'
  | 'yoga'
  | 'meditation'
  | 'stretching'
  | 'tread'
  | 'outdoor-run'
  | 'row'
  | 'app-only';

export type FtpSource = 'ftp_workout_source' | 'ftp_manual_source' | 'ftp_estimated_source';

export type RiderSpec = {
  email?: string;
  password?: string;
  name?: string;
  username?: string;
  /** IANA zone of the rider's named-zone workouts (newer ones carry `Etc/GMT±N`). */
  timezone?: string;
  distanceUnit?: 'mi' | 'km';
  ftpSource?: FtpSource;
  /** Overrides `workoutsPerRider` for this rider. */
  workouts?: number;
};

export type FakePelotonOptions = {
  /** Seed of every generated fixture and of fault injection (default 1). */
  seed?: number;
  /** How many riders (default 3), or each one spelled out. */
  riders?: number | readonly RiderSpec[];
  /** Workouts per rider (default 60). Benchmarks may ask 20 000; records are compact and JSON is built per request. */
  workoutsPerRider?: number;
  /** Instructors in the catalogue (default 130, so `/api/instructor` needs a second page). */
  instructorCount?: number;
  /** Epoch seconds of the newest workout (default 2026-11-20T23:40Z, fixed so a seed is fully deterministic). */
  newestAt?: number;
  latencyMs?: LatencyOption;
  /** Access-token lifetime in seconds (default 172800, Peloton's 48 h). */
  tokenTtlSec?: number;
  faults?: FaultOptions;
  /** Hand out a new refresh token on every refresh and refuse the old one (default true). */
  rotateRefreshTokens?: boolean;
  /** Concurrent requests one bearer token may have open; the next one gets 429 (default 6). */
  maxInFlightPerToken?: number;
  /** Extra `redirect_uri`s accepted besides `https://members.onepeloton.com/callback`. */
  redirectUris?: readonly string[];
  /** Failed credential checks before an account answers `too_many_attempts` (default 10). */
  maxFailedLogins?: number;
  /** Drop samples from `every_n=1` performance graphs, as Peloton has since 2024 (default false). */
  graphGaps?: boolean;
  /** Add unknown fields and null some optional ones, to test tolerance of schema drift (default false). */
  schemaDrift?: boolean;
  /** Clock in epoch ms for token expiry (default Date.now). */
  now?: () => number;
  /** Fixed ports (default 0: random). */
  apiPort?: number;
  authPort?: number;
};

export type FakeAccount = {
  email: string;
  password: string;
  userId: string;
  name: string;
  username: string;
  timezone: string;
  distanceUnit: 'mi' | 'km';
};

/** What the admin surface tells about a workout (the API JSON is at `/api/workout/{id}`). */
export type WorkoutSummary = {
  id: string;
  userId: string;
  kind: WorkoutKind;
  status: 'COMPLETE' | 'IN_PROGRESS';
  title: string;
  rideId: string;
  createdAt: number;
  startTime: number;
  endTime: number | null;
  timezone: string;
  totalWork: number;
};

/** Fields `addWorkout` accepts; anything left out is generated. */
export type WorkoutPatch = {
  kind?: WorkoutKind;
  /** Epoch seconds; default one hour after the rider's newest workout. */
  createdAt?: number;
  status?: 'COMPLETE' | 'IN_PROGRESS';
  totalWork?: number;
  timezone?: string;
  title?: string;
};

export type FakeStats = {
  requests: number;
  /** Requests per endpoint pattern, e.g. `/api/workout/{id}` or `/oauth/token` (admin calls not counted). */
  byPath: Record<string, number>;
  /** Highest number of concurrent requests seen for one bearer token, counting the ones refused with 429. */
  maxInFlightPerToken: number;
  /** Requests refused because the token already had `maxInFlightPerToken` open. */
  inFlightRejections: number;
  tokensIssued: number;
  refreshes: number;
  faultsInjected: number;
  byFault: Partial<Record<FaultKind, number>>;
  /** API requests that came without `Peloton-Platform: web`. */
  withoutPlatformHeader: number;
};

export type TokenResponse = {
  access_token: string;
  refresh_token?: string;
  id_token: string;
  scope: string;
  expires_in: number;
  token_type: 'Bearer';
};

export type FakePelotonAdmin = {
  addWorkout(userId: string, patch?: WorkoutPatch): WorkoutSummary;
  /** Flips an IN_PROGRESS workout to COMPLETE with its final output (joules). */
  completeWorkout(workoutId: string, totalWorkJ?: number): WorkoutSummary;
  deleteWorkout(workoutId: string): boolean;
  listWorkouts(userId: string): WorkoutSummary[];
  /** Replaces the fault settings; `null` turns faults off. */
  setFaults(faults: FaultOptions | null): void;
  /** The next `count` requests under `pathPrefix` (default `/api/`) fail with `kind`, whatever the rate. */
  failNext(kind: FaultKind, count?: number, pathPrefix?: string): void;
  setLatency(latency: LatencyOption): void;
  /** Every access token issued so far answers 401 from now on (expiry mid-sync). */
  expireAllTokens(): void;
  /** Every refresh token issued so far answers invalid_grant. */
  revokeRefreshTokens(): void;
  /** Makes the account answer `too_many_attempts` (or clears that). */
  blockLogin(email: string, blocked?: boolean): void;
  /** The next `count` visits to /authorize set no `_csrf` cookie (P2G's intermittent "Missing CSRF token"). */
  dropCsrfCookie(count?: number): void;
  /** Tokens for an account without the login dance (counts as issued). */
  issueTokens(email: string, clientId?: string): TokenResponse;
  stats(): FakeStats;
  resetStats(): void;
};

export type FakePeloton = {
  apiUrl: string;
  authUrl: string;
  accounts: FakeAccount[];
  admin: FakePelotonAdmin;
  close(): Promise<void>;
};
