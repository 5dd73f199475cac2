/**
 * A workout's averages as `workouts.metrics_json` holds them, with the same keys
 * whether they came from the API's performance summary or Peloton's CSV export.
 */
export type WorkoutAverages = {
  avgWatts: number | null;
  avgResistancePct: number | null;
  avgCadenceRpm: number | null;
  avgSpeed: number | null;
  speedUnit: 'mph' | 'kph';
  distance: number | null;
  distanceUnit: 'mi' | 'km';
  calories: number | null;
  avgHeartRate: number | null;
  avgInclinePct: number | null;
  avgPace: number | null;
};
