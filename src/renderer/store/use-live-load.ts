import { useEffect } from 'react';
import { useAppStore } from './app-store';

/**
 * Runs `load` now and again after every `data:changed` event, for as long as the
 * caller is mounted and `load` is the same function (wrap it in useCallback).
 * `initial: false` skips the first run, for a load already started before React.
 */
export function useLiveLoad(load: () => Promise<void>, { initial = true } = {}): void {
  useEffect(() => {
    if (initial) void load();
    return useAppStore.subscribe((state, previous) => {
      if (state.dataVersion !== previous.dataVersion) void load();
    });
  }, [load, initial]);
}
