import { useMemo } from 'react';
import { useAppStore } from '../store/app-store';
import { riderColors } from './rider-colors';

/**
 * The colour of each rider, by the rider's place in the full list of riders. The
 * function stays the same object while the riders do, so memoised charts that take
 * it do not redraw on every filter click.
 */
export function useRiderColors(shown: readonly string[]): (rider: string) => string {
  const riders = useAppStore((state) => state.data.riders.value);
  const shownKey = shown.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: shownKey stands for shown.
  return useMemo(
    () =>
      riderColors(
        (riders ?? []).map((rider) => rider.name),
        [...shown],
      ),
    [riders, shownKey],
  );
}
