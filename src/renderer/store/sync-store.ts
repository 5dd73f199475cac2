import { create } from 'zustand';
import type { SyncProgress, SyncResult } from '../../shared/model';
import type { ApiError } from '../../shared/result';
import { call } from '../api/client';
import { loadInfo, loadRiders, toApiError } from './loaders';

export type SyncState = {
  running: boolean;
  /** The latest progress per rider and step (`riderId:step`), in arrival order. */
  progress: Record<string, SyncProgress>;
  result: SyncResult | null;
  error: ApiError | null;
  finishedAt: string | null;
  /** Bumped when a run ends, so the run history refetches. */
  runs: number;
  /** True once the progress shown belongs to a finished run (even one that stopped mid-step). */
  settled: boolean;
  syncNow: () => Promise<void>;
  onProgress: (progress: SyncProgress) => void;
  settle: () => void;
};

// A sync started elsewhere (the schedule, another tab) sends progress but no answer:
// without news for this long, its bars stop counting as a running sync.
const quietMs = 60_000;
let quietTimer: ReturnType<typeof setTimeout> | undefined;

export const useSyncStore = create<SyncState>()((set, get) => ({
  running: false,
  progress: {},
  result: null,
  error: null,
  finishedAt: null,
  runs: 0,
  settled: true,
  syncNow: async () => {
    if (get().running) return;
    set({ running: true, progress: {}, error: null, settled: false });
    try {
      const result = await call('sync:run', {});
      set({ result, error: null });
    } catch (error) {
      set({ error: toApiError(error), result: null });
    } finally {
      set((state) => ({
        running: false,
        settled: true,
        finishedAt: new Date().toISOString(),
        runs: state.runs + 1,
      }));
      void loadInfo();
      void loadRiders();
    }
  },
  onProgress: (progress) => {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(() => get().settle(), quietMs);
    set((state) => ({
      settled: false,
      progress: { ...state.progress, [`${progress.riderId || 'all'}:${progress.step}`]: progress },
    }));
  },
  settle: () => set((state) => (state.running ? {} : { settled: true, runs: state.runs + 1 })),
}));

/** A sync is under way: this tab started it, or progress events say one (scheduled, another tab) runs. */
export function isSyncing(state: SyncState): boolean {
  if (state.running) return true;
  return !state.settled && Object.values(state.progress).some((p) => p.total === 0 || p.done < p.total);
}

/** New workouts a run brought in. */
export function newWorkouts(result: SyncResult): number {
  return result.riders.reduce((sum, rider) => sum + rider.inserted, 0);
}
