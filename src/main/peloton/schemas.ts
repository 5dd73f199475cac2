import { z } from 'zod';

// Peloton's schema drifts: every object is loose (unknown fields kept in the raw
// JSON, not rejected) and optional fields accept null. Only what Spoke needs is required.
const maybe = <T extends z.ZodType>(t: T) => t.nullish();

export const meSchema = z.looseObject({
  id: z.string().min(1),
  username: maybe(z.string()),
  name: maybe(z.string()),
  first_name: maybe(z.string()),
  last_name: maybe(z.string()),
  total_workouts: maybe(z.number()),
});
export type Me = z.infer<typeof meSchema>;

export const instructorSchema = z.looseObject({ id: z.string(), name: z.string() });

export const rideSchema = z.looseObject({
  id: maybe(z.string()),
  title: maybe(z.string()),
  duration: maybe(z.number()),
  instructor_id: maybe(z.string()),
  content_provider: maybe(z.string()),
  lanebreak_info: z.unknown().optional(),
  instructor: maybe(instructorSchema),
  fitness_discipline: maybe(z.string()),
});

export const workoutSchema = z.looseObject({
  id: z.string().regex(/^[0-9a-f]{32}$/i),
  status: z.string(),
  fitness_discipline: z.string().min(1),
  workout_type: maybe(z.string()),
  name: maybe(z.string()),
  title: maybe(z.string()),
  created_at: z.number(),
  start_time: z.number(),
  end_time: maybe(z.number()),
  timezone: maybe(z.string()),
  total_work: maybe(z.number()),
  metrics_type: maybe(z.string()),
  has_pedaling_metrics: maybe(z.boolean()),
  ride: maybe(rideSchema),
});
export type PelotonWorkout = z.infer<typeof workoutSchema>;

export const workoutsPageSchema = z.looseObject({
  data: z.array(workoutSchema),
  page: maybe(z.number()),
  page_count: maybe(z.number()),
  show_next: maybe(z.boolean()),
  total: maybe(z.number()),
});

export const instructorsPageSchema = z.looseObject({
  data: z.array(instructorSchema),
  page: maybe(z.number()),
  page_count: maybe(z.number()),
  show_next: maybe(z.boolean()),
});

const summarySchema = z.looseObject({
  slug: z.string(),
  value: maybe(z.number()),
  display_unit: maybe(z.string()),
});

export const performanceGraphSchema = z.looseObject({
  average_summaries: maybe(z.array(summarySchema)),
  summaries: maybe(z.array(summarySchema)),
  metrics: maybe(
    z.array(
      z.looseObject({
        slug: z.string(),
        average_value: maybe(z.number()),
        max_value: maybe(z.number()),
        display_unit: maybe(z.string()),
      }),
    ),
  ),
});
export type PerformanceGraph = z.infer<typeof performanceGraphSchema>;
