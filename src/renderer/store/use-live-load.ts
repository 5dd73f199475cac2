import { useEffect } from 'react';
import { useAppStore } from './app-store';

/**
 * Runs `load` now and again after every `data:changed` event, for as long as the
 * caller is mounted and `load` is the same function (wrap it in useCallback).
 */
export function useLiveLoad(load: () => Promise<void>): void {
  useEffect(() => {
    void load();
    return useAppStore.subscribe((state, previous) => {
      if (state.dataVersion !== previous.dataVersion) void load();
    });
  }, [load]);
}
