import { useCallback, useEffect, useRef, useState } from 'react';
import { type Loadable, useAppStore } from './app-store';
import { toApiError } from './loaders';

export type Query<T> = Loadable<T> & { reload: () => void };

/**
 * Data one component needs: fetched when `key` changes and after every `data:changed`,
 * keeping the last good value while a refetch runs. The newest request wins, so a slow
 * answer to an older filter never replaces the current one. `key` must name every input.
 */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>): Query<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'idle', value: null, error: null });
  const dataVersion = useAppStore((s) => s.dataVersion);
  const latest = useRef(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const run = useCallback(async () => {
    const request = ++latest.current;
    setState((previous) => ({ status: 'loading', value: previous.value, error: null }));
    try {
      const value = await fetcherRef.current();
      if (latest.current === request) setState({ status: 'ready', value, error: null });
    } catch (error) {
      if (latest.current !== request) return;
      setState((previous) => ({ status: 'error', value: previous.value, error: toApiError(error) }));
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and dataVersion are the triggers.
  useEffect(() => {
    if (key === null) return;
    void run();
  }, [key, dataVersion, run]);

  return { ...state, reload: () => void run() };
}
