import { z } from 'zod';

export const reportNames = [
  'summary',
  'monthly-counts',
  'class-types',
  'output-by-length',
  'monthly-output',
  'instructors',
  'weekday-hour',
  'streaks',
  'records',
  'weekly',
] as const;

export type ReportName = (typeof reportNames)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a calendar day');

export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'expected an IANA time zone such as Europe/Paris or UTC');

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const slug = z.string().regex(/^[a-z0-9_]{1,40}$/, 'expected a class type slug such as cycling');

/**
 * The notebook's ride subset (F5), editable: which class types count as rides, and
 * the output and length a ride must exceed. Defaults: cycling and Lanebreak, > 1 kJ, > 10 min.
 */
export const rideSubsetSchema = z
  .object({
    classTypes: z.array(slug).min(1).optional(),
    minOutputKj: z.number().min(0).max(10_000).optional(),
    minLengthMin: z.number().int().min(0).max(600).optional(),
  })
  .strict();

export type RideSubset = z.infer<typeof rideSubsetSchema>;

export const DEFAULT_RIDE_SUBSET: Required<RideSubset> = {
  classTypes: ['cycling', 'lanebreak'],
  minOutputKj: 1,
  minLengthMin: 10,
};

export const reportFilterSchema = z
  .object({
    riders: z.array(z.string().min(1)).optional(),
    from: day.optional(),
    to: day.optional(),
    tz: timeZoneSchema.optional(),
    /** Only these class types (all when absent). */
    classTypes: z.array(slug).optional(),
    /** Only these class lengths in minutes (all when absent). */
    lengths: z.array(z.number().int().min(0).max(600)).optional(),
    /** Only these instructors, by the label reports use (`Lanebreak`, `No instructor`, ...). */
    instructors: z.array(z.string().min(1)).optional(),
    ride: rideSubsetSchema.optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, 'from must not be after to');

export type ReportFilter = z.infer<typeof reportFilterSchema>;

export const reportRequestSchema = z
  .object({ name: z.enum(reportNames), filter: reportFilterSchema.optional() })
  .strict();

export type ReportRequest = z.infer<typeof reportRequestSchema>;

export type SummaryRow = {
  rider: string;
  workouts: number;
  minutes: number;
  outputKj: number;
  firstWorkout: string;
  lastWorkout: string;
};
export type MonthlyCountRow = { rider: string; month: string; workouts: number };
export type ClassTypeRow = { rider: string; classType: string; workouts: number; proportion: number };
export type OutputByLengthRow = {
  rider: string;
  lengthMin: number;
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
};
export type MonthlyOutputRow = {
  rider: string;
  month: string;
  lengthMin: number;
  avgOutputKj: number;
  n: number;
};
export type InstructorRow = {
  rider: string;
  instructor: string;
  lengthMin: number;
  avgOutputKj: number;
  workouts: number;
};
export type WeekdayHourRow = { rider: string; weekday: number; hour: number; workouts: number };
export type StreakRow = {
  rider: string;
  currentDays: number;
  longestDays: number;
  longestStart: string | null;
  longestEnd: string | null;
  activeDays: number;
};
export type RecordRow = {
  rider: string;
  lengthMin: number;
  bestOutputKj: number;
  workoutId: string;
  date: string;
};
export type WeeklyRow = {
  rider: string;
  week: string;
  workouts: number;
  minutes: number;
  outputKj: number;
};

export type ReportRows = {
  summary: SummaryRow;
  'monthly-counts': MonthlyCountRow;
  'class-types': ClassTypeRow;
  'output-by-length': OutputByLengthRow;
  'monthly-output': MonthlyOutputRow;
  instructors: InstructorRow;
  'weekday-hour': WeekdayHourRow;
  streaks: StreakRow;
  records: RecordRow;
  weekly: WeeklyRow;
};

/** One row of the Workouts table. */
export type WorkoutRow = {
  id: string;
  rider: string;
  riderId: string;
  /** ISO-8601 UTC instant. */
  start: string;
  /** `YYYY-MM-DD HH:MM` in the filter's zone. */
  localStart: string;
  title: string;
  instructor: string;
  classType: string;
  lengthMin: number;
  outputKj: number;
  status: string;
  avgWatts: number | null;
  avgCadenceRpm: number | null;
  avgResistancePct: number | null;
  avgHeartRate: number | null;
  calories: number | null;
  distance: number | null;
  distanceUnit: string | null;
  /** Average speed in the rider's own unit (`mph` or `kph`), as Peloton recorded it. */
  avgSpeed: number | null;
  speedUnit: string | null;
};

export const workoutSortKeys = [
  'start',
  'rider',
  'title',
  'instructor',
  'classType',
  'lengthMin',
  'outputKj',
] as const;

export const workoutsQuerySchema = z
  .object({
    filter: reportFilterSchema.optional(),
    sort: z
      .object({ by: z.enum(workoutSortKeys), dir: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export type WorkoutsQuery = z.infer<typeof workoutsQuerySchema>;
export type WorkoutsPage = { total: number; rows: WorkoutRow[] };

/** What the filter controls can offer: the values present in the cache. */
export type FilterOptions = {
  classTypes: string[];
  lengths: number[];
  instructors: string[];
  firstDay: string | null;
  lastDay: string | null;
};
