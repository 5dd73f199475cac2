import type { ApiError } from '../../shared/result';
import { ApiCallError, call, getReport, type ReportFilterInput } from '../api/client';
import { type DataSlices, type Loadable, useAppStore } from './app-store';

type Key = keyof DataSlices;

// A newer request for the same slice wins: answers to older ones are dropped, so a
// slow response to a previous filter never overwrites the current one.
const latest = new Map<Key, number>();

function put<K extends Key>(key: K, next: (previous: Loadable<DataSlices[K]>) => Loadable<DataSlices[K]>) {
  useAppStore.setState((state) => ({ data: { ...state.data, [key]: next(state.data[key]) } }));
}

async function load<K extends Key>(key: K, fetch: () => Promise<DataSlices[K]>): Promise<void> {
  const request = (latest.get(key) ?? 0) + 1;
  latest.set(key, request);
  put(key, (previous) => ({ status: 'loading', value: previous.value, error: null }));
  try {
    const value = await fetch();
    if (latest.get(key) === request) put(key, () => ({ status: 'ready', value, error: null }));
  } catch (error) {
    if (latest.get(key) !== request) return;
    put(key, (previous) => ({ status: 'error', value: previous.value, error: toApiError(error) }));
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return { code: error.code, message: error.message };
  return {
    code: 'internal',
    message: `Something went wrong in the dashboard: ${String(error)}. Reload the page.`,
  };
}

export const loadInfo = () => load('info', () => call('app:info'));
export const loadRiders = () => load('riders', () => call('riders:list'));
export const loadSettings = () => load('settings', () => call('settings:get'));
export const loadOptions = () => load('options', () => call('reports:options'));

export const loadOverview = (filter: ReportFilterInput) =>
  load('overview', async () => {
    const [summary, monthlyCounts] = await Promise.all([
      getReport('summary', filter),
      getReport('monthly-counts', filter),
    ]);
    return { summary, monthlyCounts };
  });
