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

/**
 * What every screen needs first: the riders (the filter bar's chips, the colours), the
 * settings (the display zone decides "today") and the app's info. Sent before React
 * mounts, so they reach the server, which answers in turn, ahead of the screen's
 * reports: the filter bar is ready when the first chart is drawn, and the chart is
 * drawn once, in its riders' colours, instead of again when they arrive.
 */
export function startShellLoads(): void {
  void loadInfo();
  void loadRiders();
  void loadSettings();
}

/**
 * The Overview's reports, each into its own slice so neither waits for the other: a
 * filter click redraws the chart when its rows land, the cards when theirs do. The
 * chart's report goes first, as the server answers in turn and it is the quicker one.
 */
export const loadOverview = async (filter: ReportFilterInput): Promise<void> => {
  await Promise.all([
    load('monthlyCounts', () => getReport('monthly-counts', filter)),
    load('summary', () => getReport('summary', filter)),
  ]);
};
