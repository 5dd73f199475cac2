import type { ApiClient } from './api-client';
import {
  instructorsPageSchema,
  meSchema,
  performanceGraphSchema,
  workoutSchema,
  workoutsPageSchema,
} from './schemas';

export const PAGE_SIZE = 100;

/** The Peloton endpoints Spoke reads, typed and validated. */
export function pelotonApi(client: ApiClient) {
  return {
    me: () => client.getJson('/api/me', meSchema),
    /** One page of a rider's workouts, newest first, with ride and instructor joined. */
    workoutsPage: (userId: string, page: number, fromIso?: string) =>
      client.getJson(`/api/user/${userId}/workouts`, workoutsPageSchema, {
        joins: 'ride,ride.instructor',
        limit: PAGE_SIZE,
        page,
        sort_by: '-created',
        ...(fromIso ? { from: fromIso } : {}),
      }),
    workout: (id: string) =>
      client.getJson(`/api/workout/${id}`, workoutSchema, { joins: 'ride,ride.instructor' }),
    /** Only the summaries are wanted: a coarse step keeps the payload small. */
    performanceGraph: (id: string) =>
      client.getJson(`/api/workout/${id}/performance_graph`, performanceGraphSchema, { every_n: 300 }),
    /** Every instructor, all pages (the original stopped at the first 100). */
    async instructors(): Promise<Map<string, string>> {
      const names = new Map<string, string>();
      for (let page = 0; page < 100; page++) {
        const res = await client.getJson('/api/instructor', instructorsPageSchema, {
          limit: PAGE_SIZE,
          page,
        });
        for (const i of res.data) names.set(i.id, i.name);
        const last = res.data.length === 0 || res.show_next === false || (res.page_count ?? 0) <= page + 1;
        if (last) break;
      }
      return names;
    },
    /** Peloton's own CSV export: one request holding every workout's averages. */
    exportCsv: (userId: string) =>
      client.getText(`/api/user/${userId}/workout_history_csv`, { timezone: 'UTC' }),
    get requests() {
      return client.requests;
    },
  };
}

export type PelotonApi = ReturnType<typeof pelotonApi>;
