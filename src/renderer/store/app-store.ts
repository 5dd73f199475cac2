import { create } from 'zustand';
import type { AppInfo, Rider } from '../../shared/model';
import type { FilterOptions, MonthlyCountRow, SummaryRow } from '../../shared/reports';
import type { ApiError } from '../../shared/result';
import type { SettingsView } from '../../shared/settings';
import { type Filters, noFilters, sameFilters } from './filters';
import { type Extras, type Route, routeHash, type Screen } from './routes';

/** Where a piece of data stands; `value` keeps the last good data while a refetch runs. */
export type Loadable<T> = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  value: T | null;
  error: ApiError | null;
};

export type DataSlices = {
  info: AppInfo;
  riders: Rider[];
  settings: SettingsView;
  /** The Overview's two reports, loaded side by side: each is drawn as soon as it lands. */
  summary: SummaryRow[];
  monthlyCounts: MonthlyCountRow[];
  options: FilterOptions;
};

export type AppState = {
  screen: Screen;
  detail: string | null;
  filters: Filters;
  extras: Extras;
  /** Bumped on every `data:changed` event; screens refetch when it changes. */
  dataVersion: number;
  data: { [K in keyof DataSlices]: Loadable<DataSlices[K]> };
  setRoute: (route: Route) => void;
  setFilters: (change: Partial<Filters>) => void;
  setExtras: (change: Extras) => void;
  setDetail: (detail: string | null) => void;
  clearFilters: () => void;
  dataChanged: () => void;
};

const idle = { status: 'idle', value: null, error: null } as const;

export const useAppStore = create<AppState>()((set) => ({
  screen: 'overview',
  detail: null,
  filters: noFilters,
  extras: {},
  dataVersion: 0,
  data: { info: idle, riders: idle, settings: idle, summary: idle, monthlyCounts: idle, options: idle },
  // Keep the filters object when nothing changed, so screens do not refetch on navigation.
  setRoute: (route) =>
    set((state) => ({
      screen: route.screen,
      detail: route.detail,
      extras: JSON.stringify(route.extras) === JSON.stringify(state.extras) ? state.extras : route.extras,
      filters: sameFilters(state.filters, route.filters) ? state.filters : route.filters,
    })),
  // A new filter starts the table again at its first page, and retires a chart click's note.
  setFilters: (change) =>
    set((state) => {
      const next = { ...state.filters, ...change };
      if (sameFilters(state.filters, next)) return {};
      const { page: _page, note: _note, ...extras } = state.extras;
      return { filters: next, extras };
    }),
  setExtras: (change) => set((state) => ({ extras: dropEmpty({ ...state.extras, ...change }) })),
  setDetail: (detail) => set({ detail }),
  clearFilters: () => set({ filters: noFilters }),
  dataChanged: () => set((state) => ({ dataVersion: state.dataVersion + 1 })),
}));

function dropEmpty(extras: Extras): Extras {
  return Object.fromEntries(Object.entries(extras).filter(([, value]) => value)) as Extras;
}

/** Moves to another route with a history entry, so Back returns to the chart that was clicked. */
export function navigate(route: Partial<Route> & { screen: Screen }): void {
  const state = useAppStore.getState();
  window.location.hash = routeHash({
    detail: null,
    filters: state.filters,
    extras: {},
    ...route,
  });
}
