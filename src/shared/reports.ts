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

export const reportFilterSchema = z
  .object({
    riders: z.array(z.string().min(1)).optional(),
    from: day.optional(),
    to: day.optional(),
    tz: timeZoneSchema.optional(),
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
