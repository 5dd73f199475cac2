import type { WorkoutAverages } from '../cache/workout-metrics';
import type { PerformanceGraph } from './schemas';

/** The averages of the performance summary, plus the peak heart rate only the API gives. */
export type WorkoutMetrics = WorkoutAverages & { maxHeartRate: number | null };

export function metricsFromGraph(graph: PerformanceGraph): WorkoutMetrics {
  const avg = (slug: string) => graph.average_summaries?.find((s) => s.slug === slug);
  const sum = (slug: string) => graph.summaries?.find((s) => s.slug === slug);
  const heart = graph.metrics?.find((m) => m.slug === 'heart_rate');
  const speed = avg('avg_speed');
  const distance = sum('distance');
  return {
    avgWatts: avg('avg_output')?.value ?? null,
    avgResistancePct: avg('avg_resistance')?.value ?? null,
    avgCadenceRpm: avg('avg_cadence')?.value ?? null,
    avgSpeed: speed?.value ?? null,
    speedUnit: speed?.display_unit === 'kph' ? 'kph' : 'mph',
    distance: distance?.value ?? null,
    distanceUnit: distance?.display_unit === 'km' ? 'km' : 'mi',
    calories: (sum('calories') ?? sum('total_calories'))?.value ?? null,
    avgHeartRate: heart?.average_value ?? null,
    maxHeartRate: heart?.max_value ?? null,
    avgInclinePct: avg('avg_incline')?.value ?? null,
    avgPace: avg('avg_pace')?.value ?? null,
  };
}
