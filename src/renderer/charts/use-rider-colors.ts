import { useAppStore } from '../store/app-store';
import { riderColors } from './rider-colors';

/** The colour of each rider, by the rider's place in the full list of riders. */
export function useRiderColors(shown: readonly string[]): (rider: string) => string {
  const riders = useAppStore((state) => state.data.riders.value);
  return riderColors(
    (riders ?? []).map((rider) => rider.name),
    [...shown],
  );
}
