import type { FtpSource, WorkoutKind } from './types';

/** A class (`ride` in Peloton's JSON). Just Rides get their own record with the all-zero id. */
export type RideRecord = {
  id: string;
  title: string;
  /** `fitness_discipline` slug. */
  discipline: string;
  /** Class type display name (`Power Zone`), null for Just Ride and Lanebreak. */
  classType: string | null;
  /** Seconds of the class itself (`duration`). */
  duration: number;
  instructorId: string | null;
  /** Epoch seconds, null for a Just Ride. */
  originalAirTime: number | null;
  contentProvider: 'peloton' | 'virtual_active';
  lanebreak: { levelId: string; track: string; artist: string } | null;
  /** Fixed-distance classes (scenic "5 KM …"): their CSV length is `None`. */
  distanceKm: number | null;
  difficulty: number;
  seed: number;
};

/** One workout, kept compact: the JSON is built from it per request. */
export type WorkoutRecord = {
  id: string;
  userId: string;
  kind: WorkoutKind;
  ride: RideRecord;
  status: 'COMPLETE' | 'IN_PROGRESS';
  createdAt: number;
  startTime: number;
  endTime: number | null;
  /** As Peloton stores it: a named zone for older workouts, `Etc/GMT+5` style for newer ones. */
  timezone: string;
  /** Seconds east of UTC at the start. */
  offsetSec: number;
  /** Joules so far; 0 for workouts without output. */
  totalWork: number;
  /** Joules once complete. */
  finalWork: number;
  avgWatts: number;
  /** rpm on the bike, strokes per minute on the rower. */
  avgCadence: number;
  avgResistance: number;
  /** mph (converted for metric riders at output). */
  avgSpeed: number;
  avgIncline: number;
  calories: number;
  /** Null when no heart-rate monitor was worn: then no `heart_rate` metric at all. */
  avgHeartRate: number | null;
  isLive: boolean;
  isPersonalRecord: boolean;
  /** Seed of this workout's time series and other per-request detail. */
  seed: number;
};

export type RiderRecord = {
  userId: string;
  email: string;
  password: string;
  name: string;
  firstName: string;
  lastName: string;
  username: string;
  timezone: string;
  distanceUnit: 'mi' | 'km';
  ftpSource: FtpSource;
  ftp: number;
  createdAt: number;
  location: string;
  workoutCount: number;
  /** Index of this rider: the first one gets the IN_PROGRESS workout. */
  index: number;
};
