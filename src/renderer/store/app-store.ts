import { create } from 'zustand';
import type { AppInfo, Rider, SyncProgress } from '../../shared/model';
import type { MonthlyCountRow, SummaryRow } from '../../shared/reports';
import type { ApiError } from '../../shared/result';
import type { SettingsView } from '../../shared/settings';
import { type Filters, noFilters, type Route, type Screen, sameFilters } from './routes';

/** Where a piece of data stands; `value` keeps the last good data while a refetch runs. */
export type Loadable<T> = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  value: T | null;
  error: ApiError | null;
};

export type OverviewData = { summary: SummaryRow[]; monthlyCounts: MonthlyCountRow[] };

export type DataSlices = {
  info: AppInfo;
  riders: Rider[];
  settings: SettingsView;
  overview: OverviewData;
};

export type AppState = {
  screen: Screen;
  filters: Filters;
  /** Bumped on every `data:changed` event; screens refetch when it changes. */
  dataVersion: number;
  syncProgress: SyncProgress | null;
  data: { [K in keyof DataSlices]: Loadable<DataSlices[K]> };
  setRoute: (route: Route) => void;
  setFilters: (change: Partial<Filters>) => void;
  clearFilters: () => void;
  dataChanged: () => void;
  setSyncProgress: (progress: SyncProgress | null) => void;
};

const idle = { status: 'idle', value: null, error: null } as const;

export const useAppStore = create<AppState>()((set) => ({
  screen: 'overview',
  filters: noFilters,
  dataVersion: 0,
  syncProgress: null,
  data: { info: idle, riders: idle, settings: idle, overview: idle },
  // Keep the filters object when nothing changed, so screens do not refetch on navigation.
  setRoute: (route) =>
    set((state) => ({
      screen: route.screen,
      filters: sameFilters(state.filters, route.filters) ? state.filters : route.filters,
    })),
  setFilters: (change) =>
    set((state) => {
      const next = { ...state.filters, ...change };
      return sameFilters(state.filters, next) ? {} : { filters: next };
    }),
  clearFilters: () => set({ filters: noFilters }),
  dataChanged: () => set((state) => ({ dataVersion: state.dataVersion + 1 })),
  setSyncProgress: (progress) => set({ syncProgress: progress }),
}));
