import { type AppState, navigate, useAppStore } from './app-store';
import type { Filters } from './filters';

export type WorkoutsTarget = {
  /** A rider's display name (as reports give it) or null for the riders already chosen. */
  rider?: string | null;
  from?: string;
  to?: string;
  classTypes?: string[];
  lengths?: number[];
  instructors?: string[];
  /** Said above the table: what the click asked for that the table cannot filter by. */
  note?: string;
};

function riderId(state: AppState, name: string): string {
  return state.data.riders.value?.find((rider) => rider.name === name)?.id ?? name;
}

/** The filters a chart click means: the current ones narrowed to what was clicked. */
export function workoutsFilters(state: AppState, target: WorkoutsTarget): Filters {
  const filters: Filters = { ...state.filters };
  if (target.rider) filters.riders = [riderId(state, target.rider)];
  if (target.from || target.to) {
    filters.range = null;
    filters.from = target.from ?? null;
    filters.to = target.to ?? null;
  }
  if (target.classTypes) filters.classTypes = target.classTypes;
  if (target.lengths) filters.lengths = target.lengths;
  if (target.instructors) filters.instructors = target.instructors;
  return filters;
}

/** Opens Workouts filtered to a clicked bar, point, cell or name; Back returns to the chart. */
export function openWorkouts(target: WorkoutsTarget): void {
  const state = useAppStore.getState();
  navigate({
    screen: 'workouts',
    filters: workoutsFilters(state, target),
    extras: target.note ? { note: target.note } : {},
  });
}

/** Opens an instructor's page, for one rider when a rider's chart was clicked. */
export function openInstructor(instructor: string, rider: string | null = null): void {
  const state = useAppStore.getState();
  const filters = rider ? { ...state.filters, riders: [riderId(state, rider)] } : state.filters;
  navigate({ screen: 'instructors', detail: instructor, filters });
}
