import { useMemo } from 'react';
import type { ReportFilterInput } from '../api/client';
import { todayIn } from '../format/days';
import { useAppStore } from './app-store';
import { type Filters, filtersKey, reportFilter } from './filters';

/** Today in the display time zone (the viewer's when it is not set). */
export function useToday(): string {
  return todayIn(useDisplayZone());
}

/** The display time zone setting, or null for the viewer's own. */
export function useDisplayZone(): string | null {
  const zone = useAppStore((state) => state.data.settings.value?.['display.timeZone']);
  return typeof zone === 'string' ? zone : null;
}

/**
 * The store's filters as the API takes them, with changes applied (a screen that picks
 * one rider, or drops a filter it does not use), and a key that names them.
 */
export function useReportFilter(change: Partial<Filters> = {}): { filter: ReportFilterInput; key: string } {
  const filters = useAppStore((state) => state.filters);
  const today = useToday();
  const changeKey = JSON.stringify(change);
  // biome-ignore lint/correctness/useExhaustiveDependencies: changeKey stands for change.
  return useMemo(() => {
    const merged = { ...filters, ...change };
    return { filter: reportFilter(merged, today), key: `${filtersKey(merged)}|${today}` };
  }, [filters, today, changeKey]);
}
